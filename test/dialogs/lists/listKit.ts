import type { NewContact } from '../../../src/directory/directory';
import type { Harness } from '../../helpers/dialogHarness';

export type Replies = Awaited<ReturnType<Harness['say']>>;

/** Who seeds the directory before a test speaks to the bot. */
export const ctx = { actor: { id: 'seed', name: 'Seed', role: 'admin' }, flow: 'test' };

/** Contacts written through the directory: e-mail from the name, one work number each. */
export async function seedContacts(h: Harness, names: string[]): Promise<string[]> {
  const create: NewContact[] = names.map((displayName, i) => ({
    displayName,
    email: `${displayName.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    phoneNumbers: [{ value: `+3314268${String(1000 + i)}`, type: 'work' }],
    groupIds: [],
  }));
  const { created } = await h.directory.applyContactChanges({ create, update: [], delete: [] }, ctx);
  return created.map((c) => c.id);
}
