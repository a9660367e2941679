import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileLinkStore, isValidToken } from '../../../src/platform/files/linkStore';

let root: string;
let dir: string;
let clock: Date;
const now = () => clock;
const T0 = new Date('2025-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const BOM_CSV = Buffer.from('\uFEFFNom;Téléphone\r\nÉlodie;+33 6 12 34 56 78\r\n', 'utf8');

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-links-'));
  dir = path.join(root, 'links');
  clock = T0;
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const store = (options: { ttlMs?: number; maxEntries?: number } = {}) => new FileLinkStore(dir, { ttlMs: 60_000, now, ...options });

test('tokens are 32 base64url characters (24 random bytes), all different, and name the only files written', async () => {
  const links = store();
  const tokens = new Set<string>();
  for (let i = 0; i < 30; i++) {
    const entry = await links.create({ kind: 'download', conversationKey: 'msteams/19:abc', fileName: '../../etc/passwd', bytes: BOM_CSV });
    expect(entry.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(entry.token, 'base64url')).toHaveLength(24);
    tokens.add(entry.token);
  }
  expect(tokens.size).toBe(30);
  const files = fs.readdirSync(dir).sort();
  expect(files).toEqual([...tokens].flatMap((t) => [`${t}.bin`, `${t}.json`]).sort());
  // The user's file name is metadata only: nothing was written outside the folder.
  expect(fs.readdirSync(root)).toEqual(['links']);
});

test('the entry holds its metadata; bytes come back byte for byte, BOM included, after a restart', async () => {
  const entry = await store().create({
    kind: 'download',
    conversationKey: 'msteams/19:abc',
    fileName: 'erreurs – contacts.csv',
    contentType: 'text/csv; charset=utf-8',
    data: { locale: 'en' },
    bytes: BOM_CSV,
  });
  expect(entry).toEqual({
    token: entry.token,
    kind: 'download',
    conversationKey: 'msteams/19:abc',
    createdAt: '2025-03-01T10:00:00.000Z',
    expiresAt: '2025-03-01T10:01:00.000Z',
    fileName: 'erreurs – contacts.csv',
    contentType: 'text/csv; charset=utf-8',
    size: BOM_CSV.length,
    data: { locale: 'en' },
  });
  const found = await store().read(entry.token, 'download');
  expect(found?.entry).toEqual(entry);
  expect(found?.bytes.equals(BOM_CSV)).toBe(true);
  expect(found?.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});

test('malformed and path-traversal tokens never reach the file system', async () => {
  const links = store();
  const real = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  // A valid-looking entry one folder up, that "../victim" would reach if it were used in a path.
  fs.writeFileSync(path.join(root, 'victim.json'), JSON.stringify({ ...real, token: '../victim' }));
  fs.writeFileSync(path.join(root, 'victim.bin'), 'secret');
  const bad = ['../victim', 'a/b', '..', '', `${real.token}/`, `${real.token}.json`, `../links/${real.token}`, real.token.slice(1), `${real.token}=`];
  for (const token of bad) {
    expect(isValidToken(token)).toBe(false);
    expect(await links.get(token, 'download')).toBeUndefined();
    expect(await links.read(token, 'download')).toBeUndefined();
    expect(await links.take(token, 'download')).toBeUndefined();
    await links.delete(token);
  }
  expect(fs.existsSync(path.join(root, 'victim.json'))).toBe(true);
  expect(fs.existsSync(path.join(root, 'victim.bin'))).toBe(true);
  expect(await links.get(real.token, 'download')).toBeDefined();
});

test('a link expires at expiresAt; a per-link ttl overrides the default', async () => {
  const links = store({ ttlMs: 1000 });
  const short = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  const long = await links.create({ kind: 'upload', conversationKey: 'c', ttlMs: 5000 });
  clock = later(999);
  expect(await links.get(short.token, 'download')).toBeDefined();
  clock = later(1000);
  expect(await links.get(short.token, 'download')).toBeUndefined();
  expect(await links.read(short.token, 'download')).toBeUndefined();
  expect(await links.take(short.token, 'download')).toBeUndefined();
  expect(await links.get(long.token, 'upload')).toBeDefined();
  clock = later(5000);
  expect(await links.get(long.token, 'upload')).toBeUndefined();
});

test('a link is bound to its kind and, when asked, to its conversation', async () => {
  const links = store();
  const entry = await links.create({ kind: 'pending', conversationKey: 'msteams/19:abc', bytes: BOM_CSV });
  expect(await links.get(entry.token, 'pending', 'msteams/19:abc')).toEqual(entry);
  expect(await links.get(entry.token, 'pending')).toEqual(entry);
  expect(await links.get(entry.token, 'pending', 'msteams/19:other')).toBeUndefined();
  expect(await links.read(entry.token, 'pending', 'webex/19:abc')).toBeUndefined();
  expect(await links.take(entry.token, 'pending', 'msteams/19:other')).toBeUndefined();
  expect(await links.get(entry.token, 'download')).toBeUndefined();
  expect(await links.get(entry.token, 'upload')).toBeUndefined();
  // Refusals consumed nothing.
  expect((await links.take(entry.token, 'pending', 'msteams/19:abc'))?.bytes?.equals(BOM_CSV)).toBe(true);
});

test('take() hands an entry out exactly once when callers race, and removes its files', async () => {
  const links = store();
  for (let i = 0; i < 20; i++) {
    const entry = await links.create({ kind: 'pending', conversationKey: 'c', bytes: BOM_CSV });
    const results = await Promise.all([links.take(entry.token, 'pending'), new FileLinkStore(dir, { ttlMs: 60_000, now }).take(entry.token, 'pending')]);
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.entry).toEqual(entry);
    expect(winners[0]?.bytes?.equals(BOM_CSV)).toBe(true);
    expect(await links.take(entry.token, 'pending')).toBeUndefined();
  }
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('take() of an entry without bytes returns the entry alone', async () => {
  const links = store();
  const entry = await links.create({ kind: 'upload', conversationKey: 'c', data: { locale: 'fr' } });
  expect(await links.take(entry.token, 'upload')).toEqual({ entry });
  expect(await links.get(entry.token, 'upload')).toBeUndefined();
});

test('delete() removes the entry and its bytes', async () => {
  const links = store();
  const entry = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  await links.delete(entry.token);
  expect(await links.read(entry.token, 'download')).toBeUndefined();
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('sweep() deletes expired entries only and says how many; create() sweeps too', async () => {
  const links = store({ ttlMs: 1000 });
  const old1 = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  const old2 = await links.create({ kind: 'upload', conversationKey: 'c' });
  clock = later(500);
  const young = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  expect(await links.sweep()).toBe(0);
  clock = later(1200);
  expect(await links.sweep()).toBe(2);
  expect(fs.readdirSync(dir).sort()).toEqual([`${young.token}.bin`, `${young.token}.json`]);
  expect(await links.sweep()).toBe(0);

  clock = later(1600);
  const fresh = await links.create({ kind: 'upload', conversationKey: 'c' });
  expect(fs.readdirSync(dir)).toEqual([`${fresh.token}.json`]);
  expect([old1, old2, young].map((e) => e.token)).not.toContain(fresh.token);
});

test('sweep() on a folder not created yet finds nothing; a damaged entry is unknown and swept', async () => {
  const links = store();
  expect(await links.sweep()).toBe(0);
  const entry = await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  fs.writeFileSync(path.join(dir, `${entry.token}.json`), '{"token": broken');
  expect(await links.get(entry.token, 'download')).toBeUndefined();
  expect(await links.sweep()).toBe(1);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('over maxEntries the oldest go first, never the entry just created', async () => {
  const links = store({ maxEntries: 3 });
  const tokens: string[] = [];
  for (let i = 0; i < 5; i++) {
    clock = later(i * 10);
    tokens.push((await links.create({ kind: 'download', conversationKey: 'c', bytes: Buffer.from([i]) })).token);
  }
  for (const [i, token] of tokens.entries()) {
    expect(await links.get(token, 'download')).toEqual(i < 2 ? undefined : expect.objectContaining({ token }));
  }

  // Same timestamp for all: the newest still survives its own sweep.
  const tied = store({ maxEntries: 1 });
  for (let i = 0; i < 4; i++) {
    const entry = await tied.create({ kind: 'upload', conversationKey: 'c' });
    expect(await tied.get(entry.token, 'upload')).toEqual(entry);
  }
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
});

test('no temp file is left behind', async () => {
  const links = store();
  for (let i = 0; i < 5; i++) await links.create({ kind: 'download', conversationKey: 'c', bytes: BOM_CSV });
  expect(fs.readdirSync(dir).filter((f) => !/^[A-Za-z0-9_-]{32}\.(json|bin)$/.test(f))).toEqual([]);
});
