import { DirectoryError, type Directory } from '../directory/directory';
import { type FieldKey } from '../domain/contactFields';
import { contactInput, inputValues, type ContactInput } from '../domain/contactInput';
import { checkContactRow, type RowIssue } from '../domain/contactRules';
import { searchContacts, type Page } from '../domain/contactSearch';
import type { Contact, WriteContext } from '../domain/types';
import { WEBEX_CONTACTS } from '../csv/formats';
import { contactPlanner } from '../imports/contactPlan';
import { refuseLongSearch, valueIssue } from '../domain/typedText';

/** Saved (with the warnings a row would get, e.g. a number not in use), or refused with every reason. */
export type ContactEditResult = { ok: true; contact: Contact; warnings: RowIssue[] } | { ok: false; issues: RowIssue[]; warnings: RowIssue[] };

export interface ContactDeletion {
  deleted: Contact[];
  /** Ids that matched no contact (already deleted by someone else). */
  missing: string[];
}

// Every field comes from the input (an absent one is empty), as in a file that has every column.
const ALL_FIELDS: ReadonlySet<FieldKey> = new Set(WEBEX_CONTACTS.columns.map((c) => c.field));

/**
 * One contact at a time, by hand (seed 000: add, modify, delete), with the
 * import's own rules and messages: the input goes through the same row check
 * and the same planner as a CSV row, then one audited write.
 */
export class ContactEditing {
  constructor(
    private readonly directory: Directory,
    private readonly region: string,
  ) {}

  /** Refuses a contact that already exists (same e-mail, or same name and first number): edit that one instead. */
  add(input: ContactInput, ctx: WriteContext): Promise<ContactEditResult> {
    const { contactUuid: _ignored, ...fields } = input;
    return this.save(fields, undefined, ctx);
  }

  /** Changes the given fields ('' clears one), keeping the others as they are. */
  async update(id: string, patch: ContactInput, ctx: WriteContext): Promise<ContactEditResult> {
    const contact = await this.directory.getContact(id);
    if (!contact) return refused({ field: null, code: 'contact_not_found', details: { value: id } });
    return this.save({ ...contactInput(contact), ...patch, contactUuid: id }, contact, ctx);
  }

  /** Checks without writing: what add or update would answer. */
  async check(input: ContactInput, id?: string): Promise<ContactEditResult> {
    const existing = id === undefined ? undefined : await this.directory.getContact(id);
    const fields = existing ? { ...contactInput(existing), ...input, contactUuid: existing.id } : input;
    const planned = await this.plan(fields, existing);
    return planned.ok ? { ok: true, contact: planned.preview, warnings: planned.warnings } : planned;
  }

  async delete(ids: readonly string[], ctx: WriteContext): Promise<ContactDeletion> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.directory.getContact(id)));
    const deleted = found.filter((c): c is Contact => c !== undefined);
    const missing = unique.filter((_, i) => !found[i]);
    if (deleted.length) await this.directory.applyContactChanges({ create: [], update: [], delete: deleted.map((c) => c.id) }, ctx);
    return { deleted, missing };
  }

  async search(query: string, page = 1, pageSize = 10): Promise<Page<Contact>> {
    refuseLongSearch(query);
    return searchContacts(await this.directory.listContacts(), query, page, pageSize);
  }

  get(id: string): Promise<Contact | undefined> {
    return this.directory.getContact(id);
  }

  private async save(input: ContactInput, existing: Contact | undefined, ctx: WriteContext): Promise<ContactEditResult> {
    const planned = await this.plan(input, existing);
    if (!planned.ok) return planned;
    try {
      const { created, updated } = await this.directory.applyContactChanges(planned.changes, ctx);
      const contact = created[0] ?? updated[0] ?? existing!;
      return { ok: true, contact, warnings: planned.warnings };
    } catch (error) {
      // Another admin took the e-mail between the check and the write.
      if (error instanceof DirectoryError && error.code === 'email_taken') {
        return refused({ field: 'email', code: 'email_in_use', details: { email: input.email ?? '', name: '?' } });
      }
      throw error;
    }
  }

  private async plan(input: ContactInput, existing: Contact | undefined) {
    const tooLong = (Object.entries(input) as [FieldKey, string | undefined][]).flatMap(([field, value]): RowIssue[] => {
      const issue = valueIssue(field, value?.trim() ?? '');
      return issue ? [{ field, ...issue }] : [];
    });
    const row = checkContactRow(inputValues(input), { region: this.region, contactMethod: 'any' });
    if (tooLong.length || !row.draft) return { ok: false as const, issues: [...tooLong, ...row.errors], warnings: row.warnings };
    const planner = await contactPlanner(this.directory, ALL_FIELDS, [row.draft]);
    const planned = planner.plan(1, row.draft);
    if (planned.outcome === 'failed') return { ok: false as const, issues: planned.errors, warnings: row.warnings };
    if (!existing && planned.outcome !== 'created') {
      const draft = row.draft;
      const twin = planner.matchOf(draft);
      const issue: RowIssue = { field: draft.email ? 'email' : null, code: 'contact_exists', details: { name: twin?.displayName ?? draft.displayName } };
      return { ok: false as const, issues: [issue], warnings: row.warnings };
    }
    const now = new Date().toISOString();
    const data = planner.changes.create[0] ?? planner.changes.update[0];
    const preview: Contact = data
      ? { id: existing?.id ?? '', createdAt: existing?.createdAt ?? now, updatedAt: now, ...data }
      : existing!;
    return { ok: true as const, changes: planner.changes, preview, warnings: row.warnings };
  }
}

function refused(issue: RowIssue): ContactEditResult {
  return { ok: false, issues: [issue], warnings: [] };
}
