import { matchByScan, type ContactKeys, type ContactMatches } from '../directory/contactMatches';
import type { ContactChanges, Directory } from '../directory/directory';
import type { ContactDraft, FieldKey } from '../domain/contactFields';
import { emailKey, identityOf, mergeDraft, mergedFields, namePhoneKey, sameContactData, type MergedFields } from '../domain/contactMerge';
import { NO_ISSUES } from '../domain/contactIssues';
import type { RowIssue } from '../domain/contactRules';
import type { Contact, DistributionList } from '../domain/types';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export interface PlannedRow {
  outcome: RowOutcome;
  errors: RowIssue[];
}

// A row that passes gets one of these: ten thousand rows need no result of their own (frozen, like NO_ISSUES).
const PASSED = {
  created: Object.freeze({ outcome: 'created', errors: NO_ISSUES }),
  updated: Object.freeze({ outcome: 'updated', errors: NO_ISSUES }),
  unchanged: Object.freeze({ outcome: 'unchanged', errors: NO_ISSUES }),
} satisfies Record<Exclude<RowOutcome, 'failed'>, PlannedRow>;

/** How a row was matched, for duplicate_row: by uuid, e-mail, display name + first number, or display name alone (no number). */
export type IdentityKind = 'uuid' | 'email' | 'namePhone' | 'name';

function identityKind(draft: ContactDraft): IdentityKind {
  if (draft.contactUuid) return 'uuid';
  if (draft.email) return 'email';
  return draft.phoneNumbers.length ? 'namePhone' : 'name';
}

/** The keys `drafts` can match an existing contact by. */
function keysOf(drafts: readonly ContactDraft[]): ContactKeys {
  const keys = { ids: new Set<string>(), emails: new Set<string>(), namePhones: new Set<string>() };
  for (const draft of drafts) {
    if (draft.contactUuid) keys.ids.add(draft.contactUuid);
    if (draft.email) keys.emails.add(emailKey(draft.email));
    else if (!draft.contactUuid) keys.namePhones.add(namePhoneKey(draft));
  }
  return keys;
}

/** Matches asked for before the rows were checked, and the keys they were asked for. */
export interface EarlyMatches {
  keys: ContactKeys;
  matches: Promise<ContactMatches>;
}

/**
 * Starts matching the Contact UUIDs and e-mails of a file's rows while the
 * rows are still checked (their numbers are read meanwhile). Only for a
 * store with indexes: without, matching means fetching every contact, and
 * display name + first number keys would need a second fetch.
 */
export function matchEarly(directory: Directory, ids: Iterable<string>, emails: Iterable<string>): EarlyMatches | undefined {
  if (!directory.matchContacts) return undefined;
  const keys = { ids: new Set(ids), emails: new Set<string>(), namePhones: new Set<string>() };
  for (const email of emails) keys.emails.add(emailKey(email));
  const matches = directory.matchContacts(keys);
  // The planner awaits it; a file refused in between never asks.
  matches.catch(() => undefined);
  return { keys, matches };
}

const without = (keys: ReadonlySet<string>, known: ReadonlySet<string>) => new Set([...keys].filter((key) => !known.has(key)));

/** The contacts `keys` match: from the store's indexes, or from one scan of all contacts when it has none. */
function matchesOf(directory: Directory, keys: ContactKeys): Promise<ContactMatches> {
  return directory.matchContacts?.(keys) ?? directory.listContacts().then((contacts) => matchByScan(contacts, keys));
}

/** A planner for `drafts` (the valid rows), matched all at once. */
export async function contactPlanner(directory: Directory, columns: ReadonlySet<FieldKey>, drafts: readonly ContactDraft[]): Promise<ContactPlanner> {
  const [matches, lists] = await Promise.all([matchesOf(directory, keysOf(drafts)), directory.listDistributionLists()]);
  return new ContactPlanner(matches, lists, columns);
}

/** A planner that takes the rows `early` matched while the others are still checked (see canPlan, complete). */
export async function contactPlannerAhead(directory: Directory, columns: ReadonlySet<FieldKey>, early: EarlyMatches): Promise<ContactPlanner> {
  const [matches, lists] = await Promise.all([early.matches, directory.listDistributionLists()]);
  return new ContactPlanner(matches, lists, columns, early.keys);
}

/**
 * Matches valid rows against the contacts they can match (in file order) and
 * builds the one batch of changes to apply. Every lookup is a Map: an import
 * of 10,000 rows into 100,000 contacts stays linear and cheap.
 */
export class ContactPlanner {
  readonly changes: ContactChanges = { create: [], update: [], delete: [] };
  /** The file line of each planned create and update, in the same order as the changes. */
  readonly lines: { create: number[]; update: number[] } = { create: [], update: [] };
  private readonly listsById: Map<string, DistributionList>;
  private readonly listsByName: Map<string, DistributionList>;
  /** Existing contact id, or identity of a new contact → the file line that took it. */
  private readonly takenContacts = new Map<string, number>();
  private readonly takenIdentities = new Map<string, number>();
  private readonly emailLines = new Map<string, number>();
  private readonly fromRow: MergedFields;

  /** `known`: the keys `matches` were asked for, when not every key of the rows was (a planner ahead). */
  constructor(
    private readonly matches: ContactMatches,
    lists: readonly DistributionList[],
    columns: ReadonlySet<FieldKey>,
    private known?: ContactKeys,
  ) {
    this.fromRow = mergedFields(columns);
    this.listsById = new Map(lists.map((l) => [l.id, l]));
    this.listsByName = new Map([...lists].reverse().map((l) => [l.name, l]));
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
    const owner = email === undefined ? undefined : this.matches.byEmail.get(email);
    const target = this.findTarget(draft, owner, errors);
    if (errors.length) return { outcome: 'failed', errors };

    const taken = target ? this.takenContacts : this.takenIdentities;
    const key = target ? target.id : identityOf(draft, email);
    const first = taken.get(key);
    if (first !== undefined) {
      return { outcome: 'failed', errors: [{ field: null, code: 'duplicate_row', details: { line: first, identity: identityKind(draft) } }] };
    }
    if (email !== undefined) {
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

    const merged = mergeDraft(this.fromRow, target, draft, groupIds);
    if (!target) {
      this.changes.create.push(merged);
      this.lines.create.push(line);
      return PASSED.created;
    }
    if (sameContactData(target, merged)) return PASSED.unchanged;
    // merged is this row's own object: completing it costs less than spreading it into another.
    this.changes.update.push(Object.assign(merged, { id: target.id, createdAt: target.createdAt, updatedAt: target.updatedAt }));
    this.lines.update.push(line);
    return PASSED.updated;
  }

  /** True when the draft's identity was matched already: it can be planned before the rest of the rows are checked. */
  canPlan(draft: ContactDraft): boolean {
    if (!this.known) return true;
    if (draft.contactUuid) return this.known.ids.has(draft.contactUuid);
    return draft.email !== undefined && this.known.emails.has(emailKey(draft.email));
  }

  /** Matches what `drafts` (the rows left to plan) name and was not matched yet: every row can then be planned. */
  async complete(directory: Directory, drafts: readonly ContactDraft[]): Promise<void> {
    if (!this.known) return;
    const keys = keysOf(drafts);
    const rest = { ids: without(keys.ids, this.known.ids), emails: without(keys.emails, this.known.emails), namePhones: keys.namePhones };
    this.known = undefined;
    if (!rest.ids.size && !rest.emails.size && !rest.namePhones.size) return;
    const found = await matchesOf(directory, rest);
    for (const kind of ['byId', 'byEmail', 'byNamePhone'] as const) for (const [key, contact] of found[kind]) this.matches[kind].set(key, contact);
    for (const key of found.sharedNamePhones ?? []) (this.matches.sharedNamePhones ??= new Set()).add(key);
  }

  /** The existing contact a draft matches, by its Contact UUID, e-mail, or display name + first number. */
  matchOf(draft: ContactDraft): Contact | undefined {
    return this.findTarget(draft, draft.email === undefined ? undefined : this.matches.byEmail.get(emailKey(draft.email)), []);
  }

  /** `emailOwner`: the contact holding the draft's e-mail, if any. */
  private findTarget(draft: ContactDraft, emailOwner: Contact | undefined, errors: RowIssue[]): Contact | undefined {
    if (draft.contactUuid) {
      const contact = this.matches.byId.get(draft.contactUuid);
      if (!contact) errors.push({ field: 'contactUuid', code: 'unknown_contact_uuid', details: { value: draft.contactUuid } });
      return contact;
    }
    if (draft.email !== undefined) return emailOwner;
    const key = namePhoneKey(draft);
    if (this.matches.sharedNamePhones?.has(key)) errors.push({ field: null, code: 'ambiguous_contact', details: {} });
    return this.matches.byNamePhone.get(key);
  }
}
