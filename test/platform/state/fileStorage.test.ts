import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStorage } from '../../../src/platform/state/fileStorage';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-state-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const KEY = 'msteams/conversations/a:1|x/';

test('write, read and delete round trip', async () => {
  const storage = new FileStorage(path.join(dir, 'state'));
  await storage.write({ k1: { count: 1, nested: { list: ['a'] } }, k2: { v: 'two' } });

  const items = await storage.read(['k1', 'k2', 'missing']);
  expect(Object.keys(items).sort()).toEqual(['k1', 'k2']);
  expect(items.k1).toEqual({ count: 1, nested: { list: ['a'] }, eTag: expect.any(String) });

  await storage.delete(['k1', 'never-written']);
  expect(await storage.read(['k1', 'k2'])).toEqual({ k2: { v: 'two', eTag: expect.any(String) } });
});

test('keys with slashes, colons and pipes are stored and kept apart', async () => {
  const storage = new FileStorage(dir);
  await storage.write({ [KEY]: { who: 'a' }, 'msteams/conversations/a:1|y/': { who: 'b' }, '../escape': { who: 'c' } });
  const items = await storage.read([KEY, 'msteams/conversations/a:1|y/', '../escape']);
  expect([items[KEY].who, items['msteams/conversations/a:1|y/'].who, items['../escape'].who]).toEqual(['a', 'b', 'c']);
  // Everything stays inside the storage folder.
  expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.includes('escape'))).toEqual([]);
});

test('a new instance on the same folder reads what the first one wrote (restart)', async () => {
  await new FileStorage(dir).write({ [KEY]: { step: 'askLicenses' } });
  const items = await new FileStorage(dir).read([KEY]);
  expect(items[KEY]).toMatchObject({ step: 'askLicenses' });
});

test('each write gets a new eTag; a write with a stale eTag is refused, "*" overwrites', async () => {
  const storage = new FileStorage(dir);
  await storage.write({ [KEY]: { v: 1 } });
  const first = (await storage.read([KEY]))[KEY];

  await storage.write({ [KEY]: { ...first, v: 2 } });
  const second = (await storage.read([KEY]))[KEY];
  expect(second.eTag).not.toBe(first.eTag);

  await expect(storage.write({ [KEY]: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
  expect((await storage.read([KEY]))[KEY].v).toBe(2);

  await storage.write({ [KEY]: { v: 4, eTag: '*' } });
  expect((await storage.read([KEY]))[KEY].v).toBe(4);
});

test('two concurrent writes carrying the same eTag: one wins, the other is refused', async () => {
  const storage = new FileStorage(dir);
  await storage.write({ [KEY]: { v: 0 } });
  const read = (await storage.read([KEY]))[KEY];

  const results = await Promise.allSettled([
    storage.write({ [KEY]: { ...read, v: 'a' } }),
    storage.write({ [KEY]: { ...read, v: 'b' } }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
});

test('no temp file is left behind', async () => {
  const storage = new FileStorage(dir);
  for (let i = 0; i < 5; i++) await storage.write({ [KEY]: { i, eTag: '*' }, [`other-${i}`]: { i } });
  await expect(storage.write({ [KEY]: { i: 99, eTag: 'stale' } })).rejects.toThrow();
  const files = fs.readdirSync(dir);
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(files).toHaveLength(6);
});

test('what a turn reads is its own copy: changing it changes nothing stored', async () => {
  const storage = new FileStorage(path.join(dir, 'state'));
  await storage.write({ [KEY]: { list: ['a'] } });
  const first = await storage.read([KEY]);
  first[KEY].list.push('b');
  expect((await storage.read([KEY]))[KEY].list).toEqual(['a']);
});

test('a second storage on the same folder (a restart) reads what the first wrote', async () => {
  const folder = path.join(dir, 'state');
  const first = new FileStorage(folder);
  await first.write({ [KEY]: { v: 1 } });
  await first.write({ [KEY]: { v: 2 } });
  expect((await new FileStorage(folder).read([KEY]))[KEY].v).toBe(2);
});

test('writes of different keys do not wait for each other, writes of one key keep their order', async () => {
  const storage = new FileStorage(path.join(dir, 'state'));
  await Promise.all([1, 2, 3].map((v) => storage.write({ [KEY]: { v, eTag: '*' } })));
  await Promise.all(['a', 'b', 'c'].map((k) => storage.write({ [k]: { k } })));
  expect((await storage.read([KEY]))[KEY].v).toBe(3);
  expect(Object.keys(await storage.read(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
});
