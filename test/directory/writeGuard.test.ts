import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { ActorRole } from '../../src/domain/access';
import { RuleError } from '../../src/domain/ruleError';
import type { WriteContext } from '../../src/domain/types';
import { guardWrites } from '../../src/directory/writeGuard';
import { tempDir } from '../helpers/dialogHarness';

const as = (role: ActorRole | undefined): WriteContext => ({ actor: { id: `id-${role}`, name: 'X', role }, flow: 'test' });
const refused = expect.objectContaining({ code: 'not_allowed' });

describe('every write checks the role of who asks, at the moment of the write', () => {
  test.each([
    ['help-desk deletes a user', 'helpdesk' as const, (d: any, ctx: WriteContext) => d.deleteUser('u-toto', ctx)],
    ['help-desk imports users', 'helpdesk' as const, (d: any, ctx: WriteContext) => d.applyUserChanges({ create: [], update: [] }, ctx)],
    ['help-desk deletes contacts', 'helpdesk' as const, (d: any, ctx: WriteContext) => d.applyContactChanges({ create: [], update: [], delete: ['c1'] }, ctx)],
    ['help-desk ends an import', 'helpdesk' as const, (d: any, ctx: WriteContext) => d.applyContactChanges({ create: [], update: [], delete: [] }, ctx, { jobId: 'j', counts: {} })],
    ['help-desk creates a list', 'helpdesk' as const, (d: any, ctx: WriteContext) => d.createDistributionList('L', undefined, ctx)],
    ['an admin activates a user (only the invitee does)', 'admin' as const, (d: any, ctx: WriteContext) => d.activateUser('u-toto', ctx)],
    ['an invitee creates a user', 'invitee' as const, (d: any, ctx: WriteContext) => d.createUser({}, ctx)],
    ['nobody (no role) adds a contact', undefined, (d: any, ctx: WriteContext) => d.applyContactChanges({ create: [], update: [], delete: [] }, ctx)],
  ])('%s: refused (not_allowed), nothing written', async (_what, role, write) => {
    const raw = await openLowdbDirectory(tempDir());
    const before = JSON.stringify([await raw.listUsers(), await raw.listDistributionLists(), await raw.listAudit()]);
    const rejection = write(guardWrites(raw), as(role));
    await expect(rejection).rejects.toBeInstanceOf(RuleError);
    await expect(rejection).rejects.toEqual(refused);
    expect(JSON.stringify([await raw.listUsers(), await raw.listDistributionLists(), await raw.listAudit()])).toBe(before);
    await raw.close();
  });

  test('what a role allows goes through to the store, reads are never checked', async () => {
    const raw = await openLowdbDirectory(tempDir());
    const directory = guardWrites(raw);
    await expect(directory.createDistributionList('Fournisseurs', undefined, as('admin'))).resolves.toMatchObject({ name: 'Fournisseurs' });
    await expect(directory.applyContactChanges({ create: [], update: [], delete: [] }, as('helpdesk'))).resolves.toBeDefined();
    await expect(directory.listUsers()).resolves.not.toHaveLength(0);
    expect(directory.backend).toBe('lowdb');
    await raw.close();
  });
});
