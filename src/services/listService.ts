import { DirectoryError, type Directory, type MemberChangeResult } from '../directory/directory';
import { checkListDescription, checkListName, ListError } from '../domain/listRules';
import type { Contact, DistributionList, WriteContext } from '../domain/types';

export interface ListSummary extends DistributionList {
  members: number;
}

export interface ListDetails {
  list: DistributionList;
  /** By display name. */
  members: Contact[];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/**
 * Distribution lists (seed 000): a list is a name and its members; a contact
 * says which lists it belongs to (its Group IDs). Every refusal is a ListError.
 */
export class ListService {
  constructor(private readonly directory: Directory) {}

  async all(): Promise<ListSummary[]> {
    const [lists, contacts] = await Promise.all([this.lists(), this.directory.listContacts()]);
    const counts = new Map<string, number>();
    for (const contact of contacts) for (const id of contact.groupIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return lists.sort(byName).map((list) => ({ ...list, members: counts.get(list.id) ?? 0 }));
  }

  /** By id, or by name in any case. */
  async find(ref: string): Promise<DistributionList | undefined> {
    const wanted = ref.trim().replace(/\s+/g, ' ');
    const lists = await this.lists();
    return lists.find((l) => l.id === wanted) ?? lists.find((l) => collator.compare(l.name, wanted) === 0);
  }

  async require(ref: string): Promise<DistributionList> {
    const list = await this.find(ref);
    if (!list) throw new ListError('list_not_found', { value: ref.trim() });
    return list;
  }

  async show(ref: string): Promise<ListDetails> {
    const list = await this.require(ref);
    const members = (await this.directory.listContacts()).filter((c) => c.groupIds.includes(list.id));
    return { list, members: members.sort((a, b) => collator.compare(a.displayName, b.displayName)) };
  }

  /** The name as it would be stored, or the ListError a create (or the rename of list `renaming`) would get. */
  async checkNewName(name: string, renaming?: string): Promise<string> {
    const checked = checkListName(name);
    const other = await this.find(checked);
    if (other && other.id !== renaming) throw new ListError('list_name_taken', { name: other.name });
    return checked;
  }

  create(name: string, description: string | undefined, ctx: WriteContext): Promise<DistributionList> {
    return translate(() => this.directory.createDistributionList(checkListName(name), checkListDescription(description), ctx));
  }

  async rename(ref: string, name: string, ctx: WriteContext): Promise<DistributionList> {
    const list = await this.require(ref);
    return translate(() => this.directory.updateDistributionList(list.id, { name: checkListName(name) }, ctx));
  }

  async addMembers(ref: string, contactIds: readonly string[], ctx: WriteContext): Promise<MemberChangeResult> {
    const list = await this.require(ref);
    return translate(() => this.directory.changeListMembers(list.id, { add: [...contactIds], remove: [] }, ctx));
  }

  async removeMembers(ref: string, contactIds: readonly string[], ctx: WriteContext): Promise<MemberChangeResult> {
    const list = await this.require(ref);
    return translate(() => this.directory.changeListMembers(list.id, { add: [], remove: [...contactIds] }, ctx));
  }

  /** The members stay contacts; says how many there were. */
  async delete(ref: string, ctx: WriteContext): Promise<ListDetails> {
    const details = await this.show(ref);
    await translate(() => this.directory.deleteDistributionList(details.list.id, ctx));
    return details;
  }

  private lists(): Promise<DistributionList[]> {
    return translate(() => this.directory.listDistributionLists());
  }
}

/** The store's refusals, as the list rules name them. */
async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    const details = Object.fromEntries(Object.entries(error.details).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<
      string,
      string | number
    >;
    if (error.code === 'list_name_taken' || error.code === 'too_many_lists') throw new ListError(error.code, details);
    if (error.code === 'not_supported') throw new ListError('lists_not_supported', details);
    if (error.code === 'not_found') throw new ListError(details.kind === 'contact' ? 'contact_not_found' : 'list_not_found', { value: String(details.id ?? '') });
    throw error;
  }
}
