import { listsNeedEmail, mayUse, roleOf, type AccessLists } from '../../src/domain/access';
import { ConfigError, loadConfig } from '../../src/config';

const lists: AccessLists = { admins: ['aad-admin', 'boss@example.com'], helpdesk: ['hd-1'], open: false };

describe('roles', () => {
  test.each([
    [['aad-admin'], 'admin'],
    [['whatever', 'BOSS@example.com'], 'admin'],
    [['hd-1'], 'helpdesk'],
    [['stranger', undefined], undefined],
  ])('identities %p have role %p', (ids, role) => {
    expect(roleOf(ids, lists)).toBe(role);
  });

  test('an open org (local mode, no lists) makes everyone admin', () => {
    expect(roleOf(['anyone'], { admins: [], helpdesk: [], open: true })).toBe('admin');
  });

  test.each([
    ['addUser', true],
    ['assignNumber', true],
    ['sendInvitations', true],
    ['listUsers', true],
    ['contacts', true],
    ['deleteUser', false],
    ['importContacts', false],
    ['importUsers', false],
    ['distributionLists', false],
    ['audit', false],
    ['exportContacts', false],
    ['importHistory', false],
  ])('help-desk may use %s: %p', (flow, allowed) => {
    expect(mayUse('helpdesk', flow)).toBe(allowed);
    expect(mayUse('admin', flow)).toBe(true);
    expect(mayUse(undefined, flow)).toBe(false);
  });

  test('lists naming people by e-mail need an e-mail look-up', () => {
    expect(listsNeedEmail(lists)).toBe(true);
    expect(listsNeedEmail({ admins: ['aad'], helpdesk: [], open: false })).toBe(false);
  });
});

describe('ADMINS / HELPDESK configuration', () => {
  test('lists are split on commas, trimmed and lower-cased', () => {
    const config = loadConfig({ ADMINS: ' Boss@Example.com , aad-1,', HELPDESK: 'hd-1' });
    expect(config.access).toEqual({ admins: ['boss@example.com', 'aad-1'], helpdesk: ['hd-1'], open: false });
  });

  test('local mode with no lists is open to everyone', () => {
    expect(loadConfig({}).access.open).toBe(true);
  });

  test('MicrosoftAppId without ADMINS refuses to start, saying why', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' })).toThrow(ConfigError);
    expect(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', ADMINS: ' , ' })).toThrow(/ADMINS: required when MicrosoftAppId is set/);
  });
});
