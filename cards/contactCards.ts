import { PHONE_FIELDS, PHONE_TYPE_FIELDS, PHONE_TYPES } from '../src/domain/contactFields';
import type { ContactInput, EditableField } from '../src/domain/contactInput';
import type { Page } from '../src/domain/contactSearch';
import type { Contact, ContactPhone } from '../src/domain/types';
import { formatPhone } from '../src/domain/phone';
import type { Messages } from '../src/i18n';
import { actionSet, adaptiveCard, cancelButton, facts, heading, submit, text, type AdaptiveCard, type CardElement } from './adaptive';
import { escapeMarkdown } from './markdown';
import { confirmCard } from './userCards';

/** Every card button of the contacts flows restarts the contacts flow with `do` (and its inputs) as the value. */
const task = (what: string, data: Record<string, unknown> = {}) => ({ action: 'contacts', do: what, ...data });
const MAX_NAMES = 10;

export function phoneText(m: Messages, phone: ContactPhone): string {
  return `${formatPhone(phone.value)} (${m.contactEditing.phoneTypes[phone.type] ?? phone.type})`;
}

/** The contact's filled fields, in the template's order (raw: facts() escapes them). */
export function contactFacts(m: Messages, contact: Contact): CardElement {
  const f = m.contactEditing.fields;
  const rows: Array<[string, string | undefined]> = [
    [f.displayName, contact.displayName],
    [f.firstName, contact.firstName],
    [f.lastName, contact.lastName],
    ...contact.phoneNumbers.map((phone, i): [string, string] => [f[PHONE_FIELDS[i]], phoneText(m, phone)]),
    [f.email, contact.email],
    [f.sipUri, contact.sipUri],
    [f.title, contact.title],
    [f.companyName, contact.companyName],
    [f.street, contact.address?.street],
    [f.city, contact.address?.city],
    [f.state, contact.address?.state],
    [f.country, contact.address?.country],
    [f.zip, contact.address?.zip],
  ];
  return facts(rows.filter((row): row is [string, string] => Boolean(row[1])));
}

/** The buttons under a contact: Edit for all, Delete for admins. */
export function contactButtons(m: Messages, id: string, admin: boolean): CardElement[] {
  const buttons = [submit(m.contactEditing.edit, task('edit', { id }))];
  if (admin) buttons.push(submit(m.contactEditing.delete, task('delete', { ids: id }), 'destructive'));
  return buttons;
}

export interface ContactCardView {
  /** Markdown: a value in it is escaped by the caller. */
  title: string;
  contact: Contact;
  admin: boolean;
  /** Warnings of the import's rules (a number not in use…), already in words: markdown, the values they quote escaped. */
  notes?: string[];
  more?: CardElement[];
}

export function contactCard(m: Messages, view: ContactCardView): AdaptiveCard {
  const body = [heading(view.title), contactFacts(m, view.contact), ...notesOf(m, view.notes)];
  return adaptiveCard(body, [...contactButtons(m, view.contact.id, view.admin), ...(view.more ?? [])]);
}

/** The new contact as it will be saved: Confirm, Change or Cancel. */
export function contactSummaryCard(m: Messages, contact: Contact, notes: string[]): AdaptiveCard {
  return confirmCard(m, m.contactEditing.summaryTitle, [contactFacts(m, contact), ...notesOf(m, notes)]);
}

function notesOf(m: Messages, notes: string[] = []): CardElement[] {
  if (!notes.length) return [];
  return [text(m.contactEditing.warningsTitle, { weight: 'Bolder', color: 'Warning' }), ...notes.map((note) => text(`- ${note}`, { spacing: 'Small' }))];
}

export interface ContactFormView {
  values: ContactInput;
  /** Every rule the values broke, in words: markdown, the values they quote escaped. */
  errors: string[];
}

const TEXT_FIELDS: EditableField[] = ['displayName', 'firstName', 'lastName'];
const MORE_FIELDS: EditableField[] = ['email', 'sipUri', 'title', 'companyName', 'street', 'city', 'state', 'country', 'zip'];

/** Every field of a new contact, sent at once by Continue; the values are kept when the form comes back with errors. */
export function contactFormCard(m: Messages, view: ContactFormView): AdaptiveCard {
  const c = m.contactEditing;
  const input = (field: EditableField): CardElement => {
    const element: CardElement = { type: 'Input.Text', id: field, label: c.fields[field] };
    if (field === 'displayName') Object.assign(element, { isRequired: true, errorMessage: m.import.row.display_name_required({ column: c.fields[field] }) });
    if (view.values[field]) element.value = view.values[field];
    return element;
  };
  const phoneRow = (i: number): CardElement => {
    const type: CardElement = {
      type: 'Input.ChoiceSet',
      id: PHONE_TYPE_FIELDS[i],
      label: c.fields[PHONE_TYPE_FIELDS[i]],
      style: 'compact',
      placeholder: c.phoneTypePlaceholder,
      choices: PHONE_TYPES.map((value) => ({ title: c.phoneTypes[value], value })),
    };
    const typed = view.values[PHONE_TYPE_FIELDS[i]];
    if (typed) type.value = typed;
    return {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [input(PHONE_FIELDS[i])] },
        { type: 'Column', width: 'stretch', items: [type] },
      ],
    };
  };
  const body: CardElement[] = [heading(c.formTitle), text(c.formHint, { isSubtle: true })];
  if (view.errors.length) {
    body.push(text(c.formErrors, { weight: 'Bolder', color: 'Attention' }));
    for (const error of view.errors) body.push(text(`- ${error}`, { color: 'Attention', spacing: 'Small' }));
  }
  body.push(...TEXT_FIELDS.map(input), ...PHONE_FIELDS.map((_, i) => phoneRow(i)), ...MORE_FIELDS.map(input));
  return adaptiveCard(body, [submit(c.formContinue, task('add', { form: true }), 'positive'), cancelButton(m)]);
}

export interface ResultsView {
  query: string;
  page: Page<Contact>;
  /** Admins may tick contacts and delete them. */
  admin: boolean;
}

/** One page of matches, each with Open; Previous/Next carry the query and the page. */
export function searchResultsCard(m: Messages, view: ResultsView): AdaptiveCard {
  const c = m.contactEditing;
  const { page, query } = view;
  const body: CardElement[] = [heading(c.resultsTitle(page.total, escapeMarkdown(query)))];
  for (const contact of page.items) {
    body.push(text(`**${escapeMarkdown(contact.displayName)}**${summaryOf(m, contact)}`, { separator: true }), actionSet([submit(c.open, task('open', { id: contact.id }))]));
  }
  if (page.pages > 1) body.push(text(c.page(page.page, page.pages), { isSubtle: true }));
  if (view.admin && page.items.length) {
    body.push(
      text(c.selectToDelete, { weight: 'Bolder', separator: true }),
      // An expanded choice's title is markdown in the JS renderer (see cards/markdown.ts).
      { type: 'Input.ChoiceSet', id: 'ids', isMultiSelect: true, style: 'expanded', choices: page.items.map((i) => ({ title: escapeMarkdown(i.displayName), value: i.id })) },
      actionSet([submit(c.deleteSelected, task('delete'), 'destructive')]),
    );
  }
  const actions: CardElement[] = [];
  if (page.page > 1) actions.push(submit(c.previous, task('search', { query, page: page.page - 1 })));
  if (page.page < page.pages) actions.push(submit(c.next, task('search', { query, page: page.page + 1 })));
  return adaptiveCard(body, actions);
}

/** " — e-mail — first number", what tells two namesakes apart (as markdown). */
function summaryOf(m: Messages, contact: Contact): string {
  const parts = [contact.companyName, contact.email ?? contact.sipUri, contact.phoneNumbers[0] && phoneText(m, contact.phoneNumbers[0])].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length ? ` — ${parts.map(escapeMarkdown).join(' — ')}` : '';
}

/** A search box with its button (the contacts menu, no match). */
export function searchBox(m: Messages): CardElement[] {
  const c = m.contactEditing;
  return [
    { type: 'Input.Text', id: 'query', placeholder: c.searchPlaceholder, label: c.searchButton },
    actionSet([submit(c.searchButton, task('search'), 'positive'), submit(c.addButton, task('add'))]),
  ];
}

/** Nothing found: search again, or add the contact. */
export function noMatchCard(m: Messages): AdaptiveCard {
  return adaptiveCard([text(m.contactEditing.noMatchHint), ...searchBox(m)]);
}

export interface FieldOption {
  field: EditableField;
  label: string;
  current: string;
}

/** Which field to change: a choice set then Continue (typing the label works too). */
export function fieldChoiceCard(m: Messages, view: { id: string; name: string; fields: FieldOption[] }): AdaptiveCard {
  const c = m.contactEditing;
  return adaptiveCard(
    [
      text(c.chooseField(escapeMarkdown(view.name)), { weight: 'Bolder' }),
      {
        type: 'Input.ChoiceSet',
        id: 'field',
        style: 'compact',
        value: view.fields[0]?.field,
        choices: view.fields.map((f) => ({ title: `${f.label} — ${f.current || c.noValue}`, value: f.field })),
      },
    ],
    [submit(c.chooseButton, task('edit', { id: view.id }), 'positive'), cancelButton(m)],
  );
}

/** The five phone types as buttons, for a type to change. */
export function phoneTypeCard(m: Messages, question: string): AdaptiveCard {
  const c = m.contactEditing;
  return adaptiveCard([text(question, { weight: 'Bolder' }), actionSet(PHONE_TYPES.map((type) => submit(c.phoneTypes[type], { action: 'value', value: type })))]);
}

/** One field, before → after: Confirm, Change (another field) or Cancel. */
export function editConfirmCard(m: Messages, view: { name: string; label: string; before: string; after: string }): AdaptiveCard {
  const c = m.contactEditing;
  return confirmCard(m, c.editTitle(escapeMarkdown(view.name)), [facts([[view.label, `${view.before || c.noValue} → ${view.after || c.noValue}`]])]);
}

/** The first names, then "and N more", as markdown (each name escaped). */
export function namesText(m: Messages, names: string[]): string {
  const shown = names.slice(0, MAX_NAMES).map(escapeMarkdown).join(', ');
  return names.length > MAX_NAMES ? `${shown} ${m.contactEditing.andMore(names.length - MAX_NAMES)}` : shown;
}

/** Names every contact to delete (the first ten, then how many more). */
export function deleteContactsCard(m: Messages, names: string[]): AdaptiveCard {
  const c = m.contactEditing;
  const body: CardElement[] = [heading(c.deleteTitle(names.length))];
  for (const name of names.slice(0, MAX_NAMES)) body.push(text(`- ${escapeMarkdown(name)}`, { spacing: 'Small' }));
  if (names.length > MAX_NAMES) body.push(text(c.andMore(names.length - MAX_NAMES), { spacing: 'Small' }));
  body.push(text(c.irreversible, { weight: 'Bolder', color: 'Attention' }));
  return adaptiveCard(body, [submit(c.deleteButton, { action: 'confirm' }, 'destructive'), cancelButton(m)]);
}
