import { MAX_LISTS_PER_CONTACT } from '../directory/directory';
import type { Command } from 'commander';
import { PHONE_FIELDS, PHONE_TYPE_FIELDS, SLOTS } from '../domain/contactFields';
import type { ContactInput } from '../domain/contactInput';
import type { Contact, DistributionList } from '../domain/types';
import type { Messages } from '../i18n';
import type { ContactEditResult } from '../services/contactEditing';
import { fieldIssueMessage } from '../imports/report';
import { RefusedError } from './cliErrors';
import { collect, print, UsageError, withServices } from './common';

interface ContactJson extends Omit<Contact, 'groupIds'> {
  lists: string[];
}

export function contactJson(contact: Contact, lists: readonly DistributionList[]): ContactJson {
  const { groupIds, ...fields } = contact;
  return { ...fields, lists: groupIds.map((id) => lists.find((l) => l.id === id)?.name ?? id) };
}

export function contactLine(c: ContactJson): string {
  const phones = c.phoneNumbers.map((p) => `${p.value} (${p.type})`).join(', ');
  return [c.displayName, c.email, phones, c.companyName, c.lists.length ? `lists: ${c.lists.join(', ')}` : '', c.id].filter(Boolean).join(' | ');
}

interface AddOptions {
  name: string;
  first?: string;
  last?: string;
  phone?: string[];
  email?: string;
  sip?: string;
  title?: string;
  company?: string;
  street?: string;
  city?: string;
  state?: string;
  country?: string;
  zip?: string;
  list?: string[];
}

/** The options as the fields of an import row: "NUMBER" or "NUMBER:TYPE" (work when no type), lists as Group IDs. */
function addInput(opts: AddOptions): ContactInput {
  const phones = opts.phone ?? [];
  const lists = opts.list ?? [];
  if (phones.length > SLOTS.length) throw new UsageError(`--phone: at most ${SLOTS.length} numbers per contact (${phones.length} given).`);
  if (lists.length > MAX_LISTS_PER_CONTACT) throw new UsageError(`--list: a contact belongs to at most ${MAX_LISTS_PER_CONTACT} lists (${lists.length} given).`);
  const input: ContactInput = {
    displayName: opts.name,
    firstName: opts.first,
    lastName: opts.last,
    email: opts.email,
    sipUri: opts.sip,
    title: opts.title,
    companyName: opts.company,
    street: opts.street,
    city: opts.city,
    state: opts.state,
    country: opts.country,
    zip: opts.zip,
  };
  phones.forEach((phone, i) => {
    const [, number, type] = /^(.*?)(?::([a-z_ ]*))?$/i.exec(phone.trim())!;
    input[PHONE_FIELDS[i]] = number;
    input[PHONE_TYPE_FIELDS[i]] = type?.trim() || 'work';
  });
  lists.forEach((list, i) => (input[`group${SLOTS[i]}`] = list));
  return input;
}

function refusal(m: Messages, result: Extract<ContactEditResult, { ok: false }>): RefusedError {
  const issues = result.issues.map((issue) => ({ field: issue.field, code: issue.code, message: fieldIssueMessage(m, issue) }));
  return new RefusedError('invalid_contact', issues.map((i) => i.message).join('\n'), { issues });
}

export function registerContactEditCommands(contacts: Command): void {
  contacts
    .command('add')
    .description('add one contact, with the same rules as a row of the import')
    .requiredOption('--name <display name>', 'display name (required)')
    .option('--first <name>', 'first name')
    .option('--last <name>', 'last name')
    .option('--phone <number[:type]>', 'a number, with its type (work, work_extension, mobile, home, other; work if none): "+33 6 12 34 56 78:mobile" (repeat, up to 5)', collect)
    .option('--email <address>', 'e-mail address')
    .option('--sip <uri>', 'SIP URI')
    .option('--title <title>', 'title')
    .option('--company <name>', 'company name')
    .option('--street <street>', 'address: street')
    .option('--city <city>', 'address: city')
    .option('--state <state>', 'address: state')
    .option('--country <country>', 'address: country')
    .option('--zip <zip>', 'address: zip code')
    .option('--list <name or id>', 'an existing distribution list to put the contact in (repeat, up to 5)', collect)
    .action((opts: AddOptions, command: Command) => {
      const input = addInput(opts);
      return withServices(async ({ contactEditing, directory }, ctx, m) => {
        const result = await contactEditing.add(input, ctx);
        if (!result.ok) throw refusal(m, result);
        const lists = await directory.listDistributionLists();
        const warnings = result.warnings.map((w) => fieldIssueMessage(m, w));
        print(command, { ...contactJson(result.contact, lists), warnings }, (c) => [`Created: ${contactLine(c)}`, ...warnings.map((w) => `Warning: ${w}`)]);
      });
    });

  contacts
    .command('search')
    .description('find contacts by name, company, e-mail or number (3 digits or more), sorted by display name')
    .argument('<query>', 'words of the name, an e-mail, or digits of a number')
    .option('--page <n>', 'page to show', '1')
    .option('--page-size <n>', 'contacts per page', '20')
    .action((query: string, opts: { page: string; pageSize: string }, command: Command) => {
      const page = positive(opts.page, '--page');
      const pageSize = positive(opts.pageSize, '--page-size');
      return withServices(async ({ contactEditing, directory }) => {
        const found = await contactEditing.search(query, page, pageSize);
        const lists = await directory.listDistributionLists();
        const result = { total: found.total, page: found.page, pages: found.pages, contacts: found.items.map((c) => contactJson(c, lists)) };
        print(command, result, (r) =>
          r.total ? [...r.contacts.map(contactLine), `${r.total} contact(s), page ${r.page}/${r.pages}.`] : [`No contact matches "${query}".`],
        );
      });
    });

  contacts
    .command('delete')
    .description('delete contacts by id (irreversible; their list memberships go with them)')
    .requiredOption('--id <id>', 'a contact id, as given by search or export (repeat for several)', collect)
    .option('--yes', 'confirm the deletion')
    .action((opts: { id: string[]; yes?: boolean }, command: Command) =>
      withServices(async ({ contactEditing }, ctx) => {
        if (!opts.yes) {
          const found = await Promise.all(opts.id.map((id) => contactEditing.get(id)));
          const names = found.map((c, i) => c?.displayName ?? `${opts.id[i]} (unknown)`).join(', ');
          throw new UsageError(`Deleting ${names} is irreversible: add --yes to confirm.`);
        }
        const { deleted, missing } = await contactEditing.delete(opts.id, ctx);
        const result = { deleted: deleted.map((c) => ({ id: c.id, displayName: c.displayName })), missing };
        print(command, result, (r) => [
          ...r.deleted.map((c) => `Deleted: ${c.displayName} | ${c.id}`),
          ...r.missing.map((id) => `No contact with id ${id} (already deleted?).`),
        ]);
        if (missing.length) throw new Error(`${missing.length} of the ids matched no contact: nothing else to delete for them.`);
      }),
    );
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option}: "${value}" is not a whole number of 1 or more.`);
  return n;
}
