import type { ContactChanges } from '../directory/directory';
import type { ContactDraft, FieldKey } from '../domain/contactFields';
import { draftMerger, emailKey, identityOf, namePhoneKey, sameContactData, type DraftMerger } from '../domain/contactMerge';
import type { RowIssue } from '../domain/contactRules';
import type { Contact, DistributionList } from '../domain/types';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export interface PlannedRow {
  outcome: RowOutcome;
  errors: RowIssue[];
}

/** How a row was matched, for duplicate_row: by uuid, e-mail, or display name + first number. */
export type IdentityKind = 'uuid' | 'email' | 'namePhone';

function identityKind(draft: ContactDraft): IdentityKind {
  if (draft.contactUuid) return 'uuid';
  return draft.email ? 'email' : 'namePhone';
}

/**
 * Matches valid rows against the directory (in file order) and builds the one
 * batch of changes to apply. The directory is scanned once, keeping only the
 * contacts the file's rows can match, and every lookup is a Map: an import of
 * 10,000 rows into 100,000 contacts stays linear and cheap.
 */
export class ContactPlanner {
  readonly changes: ContactChanges = { create: [], update: [], delete: [] };
  /** The file line of each planned create and update, in the same order as the changes. */
  readonly lines: { create: number[]; update: number[] } = { create: [], update: [] };
  private readonly byId = new Map<string, Contact>();
  private readonly byEmail = new Map<string, Contact>();
  private readonly byNamePhone = new Map<string, Contact>();
  private readonly listsById: Map<string, DistributionList>;
  private readonly listsByName: Map<string, DistributionList>;
  /** Existing contact id, or identity of a new contact → the file line that took it. */
  private readonly takenContacts = new Map<string, number>();
  private readonly takenIdentities = new Map<string, number>();
  private readonly emailLines = new Map<string, number>();
  private readonly merge: DraftMerger;

  /** `drafts`: the file's valid rows, whose identities and e-mails are looked up. */
  constructor(
    contacts: readonly Contact[],
    lists: readonly DistributionList[],
    columns: ReadonlySet<FieldKey>,
    drafts: readonly ContactDraft[],
  ) {
    this.merge = draftMerger(columns);
    this.listsById = new Map(lists.map((l) => [l.id, l]));
    this.listsByName = new Map([...lists].reverse().map((l) => [l.name, l]));
    const ids = new Set<string>();
    const emails = new Set<string>();
    const namePhones = new Set<string>();
    for (const draft of drafts) {
      if (draft.contactUuid) ids.add(draft.contactUuid);
      if (draft.email) emails.add(emailKey(draft.email));
      else if (!draft.contactUuid) namePhones.add(namePhoneKey(draft));
    }
    const keep = (map: Map<string, Contact>, wanted: Set<string>, key: string, contact: Contact) => {
      if (wanted.has(key) && !map.has(key)) map.set(key, contact);
    };
    for (const contact of contacts) {
      if (ids.size) keep(this.byId, ids, contact.id, contact);
      if (emails.size && contact.email) keep(this.byEmail, emails, emailKey(contact.email), contact);
      if (namePhones.size) keep(this.byNamePhone, namePhones, namePhoneKey(contact), contact);
    }
  }

  plan(line: number, draft: ContactDraft): PlannedRow {
    const errors: RowIssue[] = [];
    const groupIds: string[] = [];
    for (const { field, value } of draft.groupRefs) {
      const list = this.listsById.get(value) ?? this.listsByName.get(value);
      if (!list) errors.push({ field, code: 'unknown_group', details: { value } });
      else if (!groupIds.includes(list.id)) groupIds.push(list.id);
    }
    const email = draft.email === undefined ? undefined : emailKey(draft.email);
    const target = this.findTarget(draft, email, errors);
    if (errors.length) return { outcome: 'failed', errors };

    const taken = target ? this.takenContacts : this.takenIdentities;
    const key = target ? target.id : identityOf(draft);
    const first = taken.get(key);
    if (first !== undefined) {
      return { outcome: 'failed', errors: [{ field: null, code: 'duplicate_row', details: { line: first, identity: identityKind(draft) } }] };
    }
    if (email !== undefined) {
      const owner = this.byEmail.get(email);
      const claimedAt = this.emailLines.get(email);
      if (owner && owner.id !== target?.id) {
        errors.push({ field: 'email', code: 'email_in_use', details: { email: draft.email!, name: owner.displayName } });
      } else if (claimedAt !== undefined) {
        errors.push({ field: 'email', code: 'email_twice_in_file', details: { email: draft.email!, line: claimedAt } });
      }
      if (errors.length) return { outcome: 'failed', errors };
      this.emailLines.set(email, line);
    }
    taken.set(key, line);

    const merged = this.merge(target, draft, groupIds);
    if (!target) {
      this.changes.create.push(merged);
      this.lines.create.push(line);
      return { outcome: 'created', errors };
    }
    if (sameContactData(target, merged)) return { outcome: 'unchanged', errors };
    // merged is this row's own object: completing it costs less than spreading it into another.
    this.changes.update.push(Object.assign(merged, { id: target.id, createdAt: target.createdAt, updatedAt: target.updatedAt }));
    this.lines.update.push(line);
    return { outcome: 'updated', errors };
  }

  private findTarget(draft: ContactDraft, email: string | undefined, errors: RowIssue[]): Contact | undefined {
    if (draft.contactUuid) {
      const contact = this.byId.get(draft.contactUuid);
      if (!contact) errors.push({ field: 'contactUuid', code: 'unknown_contact_uuid', details: { value: draft.contactUuid } });
      return contact;
    }
    if (email !== undefined) return this.byEmail.get(email);
    return this.byNamePhone.get(namePhoneKey(draft));
  }
}
