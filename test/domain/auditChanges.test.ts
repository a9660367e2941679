import { auditChanges } from '../../src/domain/auditChanges';

describe('auditChanges: what an audited write changed', () => {
  test('only the fields that differ, ids and timestamps left out, ids turned into names', () => {
    const before = { id: 'u1', email: 'a@x', phoneNumber: '+331', licenseIds: ['l1'], updatedAt: '1' };
    const after = { id: 'u1', email: 'a@x', phoneNumber: '+332', licenseIds: ['l1', 'l2'], extension: '0105', updatedAt: '2' };
    expect(auditChanges(before, after, new Map([['l1', 'Suite'], ['l2', 'Meetings']]))).toEqual([
      ['phoneNumber', '+331', '+332'],
      ['licenseIds', 'Suite', 'Suite, Meetings'],
      ['extension', '', '0105'],
    ]);
  });

  test('a creation has only after, a deletion only before', () => {
    expect(auditChanges(undefined, { email: 'a@x' })).toEqual([['email', '', 'a@x']]);
    expect(auditChanges({ email: 'a@x' }, undefined)).toEqual([['email', 'a@x', '']]);
  });

  test('counts of a batch are shown as they are', () => {
    expect(auditChanges(undefined, { created: 2, updated: 0 })).toEqual([
      ['created', '', '2'],
      ['updated', '', '0'],
    ]);
  });
});
