import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivationLinks, isActivationToken } from '../../src/services/activationLinks';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TTL = 10 * DAY;

let root: string;
let dir: string;
let now: number;
let links: ActivationLinks;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-activation-'));
  dir = path.join(root, 'activation');
  now = T0;
  links = new ActivationLinks(dir, { ttlMs: TTL, now: () => new Date(now) });
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('activation links', () => {
  test('a link is 192 random bits in base64url, bound to its user, expiring after the TTL, stored readable by its owner only', async () => {
    const a = await links.create('user-1');
    const b = await links.create('user-1');
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(24);
    expect(a.token).not.toBe(b.token);
    expect(a).toMatchObject({ userId: 'user-1', createdAt: new Date(T0).toISOString(), expiresAt: new Date(T0 + TTL).toISOString() });
    expect(await links.check(a.token)).toEqual({ ok: true, entry: a });
    expect(fs.statSync(path.join(dir, `${a.token}.json`)).mode & 0o077).toBe(0);
  });

  test('single use: the first redeem works, every later one says "used"', async () => {
    const { token } = await links.create('user-1');
    const first = await links.redeem(token);
    expect(first).toMatchObject({ ok: true, entry: { userId: 'user-1', usedAt: new Date(T0).toISOString() } });
    expect(await links.redeem(token)).toEqual({ ok: false, reason: 'used' });
    expect(await links.check(token)).toEqual({ ok: false, reason: 'used' });
  });

  test('two redeems racing: exactly one wins', async () => {
    const { token } = await links.create('user-1');
    const results = await Promise.all([links.redeem(token), links.redeem(token), links.redeem(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }, { ok: false, reason: 'used' }]);
  });

  test('a link expires after the TTL: "expired", and redeeming it does not use it up', async () => {
    const { token } = await links.create('user-1');
    now = T0 + TTL - 1;
    expect((await links.check(token)).ok).toBe(true);
    now = T0 + TTL;
    expect(await links.check(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await links.redeem(token)).toEqual({ ok: false, reason: 'expired' });
    expect(fs.existsSync(path.join(dir, `${token}.used.json`))).toBe(false);
  });

  test('a well-formed token that was never issued is "unknown"', async () => {
    await links.create('user-1');
    const never = Buffer.alloc(24, 7).toString('base64url');
    expect(await links.check(never)).toEqual({ ok: false, reason: 'unknown' });
    expect(await links.redeem(never)).toEqual({ ok: false, reason: 'unknown' });
  });

  test.each([
    ['a path', '../../../../etc/passwd'],
    ['a path with the right length', `../${'a'.repeat(29)}`],
    ['too short', 'abc'],
    ['too long', 'a'.repeat(33)],
    ['a dot', `${'a'.repeat(31)}.`],
    ['a slash', `${'a'.repeat(31)}/`],
    ['a NUL byte', `${'a'.repeat(31)}\u0000`],
    ['empty', ''],
  ])('a malformed token (%s) is "unknown" and never touches the disk', async (_name, token) => {
    const calls = (['readFile', 'rename', 'writeFile', 'rm', 'stat', 'readdir', 'mkdir', 'access', 'open'] as const).map((name) =>
      jest.spyOn(fs.promises, name),
    );
    expect(isActivationToken(token)).toBe(false);
    expect(await links.check(token)).toEqual({ ok: false, reason: 'unknown' });
    expect(await links.redeem(token)).toEqual({ ok: false, reason: 'unknown' });
    await links.revoke(token);
    for (const spy of calls) expect(spy).not.toHaveBeenCalled();
  });

  test('a new invitation supersedes the older links of the same user only, in one pass', async () => {
    const old1 = await links.create('user-1');
    const old2 = await links.create('user-1');
    const other = await links.create('user-2');
    const fresh = await links.create('user-1');
    expect(await links.supersede(new Map([['user-1', fresh.token]]))).toBe(2);
    expect(await links.check(old1.token)).toEqual({ ok: false, reason: 'superseded' });
    expect(await links.redeem(old2.token)).toEqual({ ok: false, reason: 'superseded' });
    expect((await links.check(fresh.token)).ok).toBe(true);
    expect((await links.check(other.token)).ok).toBe(true);
  });

  test('a used link stays "used" after a later invitation supersedes the others', async () => {
    const used = await links.create('user-1');
    await links.redeem(used.token);
    const fresh = await links.create('user-1');
    await links.supersede(new Map([['user-1', fresh.token]]));
    expect(await links.check(used.token)).toEqual({ ok: false, reason: 'used' });
  });

  test('restore gives back a redeemed link; revoke deletes a live one', async () => {
    const a = await links.create('user-1');
    await links.redeem(a.token);
    await links.restore(a.token);
    expect(await links.check(a.token)).toEqual({ ok: true, entry: a });
    await links.revoke(a.token);
    expect(await links.check(a.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  test('links are forgotten a whole TTL after they expired (until then they still say why they fail)', async () => {
    const a = await links.create('user-1');
    const b = await links.create('user-2');
    await links.redeem(b.token);
    now = T0 + 2 * TTL - 1;
    await links.supersede(new Map());
    expect(await links.check(a.token)).toEqual({ ok: false, reason: 'expired' });
    expect(await links.check(b.token)).toEqual({ ok: false, reason: 'used' });
    now = T0 + 2 * TTL;
    await links.supersede(new Map());
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await links.check(a.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  test('the links survive a restart (a new instance on the same folder)', async () => {
    const { token } = await links.create('user-1');
    const again = new ActivationLinks(dir, { ttlMs: TTL, now: () => new Date(now) });
    expect(await again.redeem(token)).toMatchObject({ ok: true, entry: { userId: 'user-1' } });
    expect(await links.check(token)).toEqual({ ok: false, reason: 'used' });
  });
});
