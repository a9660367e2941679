import { BlobServiceClient } from '@azure/storage-blob';
import { BlobLinkStore } from '../../../src/platform/files/blobLinkStore';
import { containerName, containerOn, startAzurite, type RunningAzurite } from '../../helpers/azurite';

/** Links on Blob Storage, as two instances see them: same rules as the files under DATA_DIR. */

let azurite: RunningAzurite;
let name: string;
let clock: Date;
const T0 = new Date('2025-03-01T10:00:00.000Z');
const BOM_CSV = Buffer.from('\uFEFFNom;Téléphone\r\nÉlodie;+33 6 12 34 56 78\r\n', 'utf8');
/** Another instance of the bot: its own clients on the same container. */
const instance = (options: { maxEntries?: number } = {}) => new BlobLinkStore(containerOn(azurite, name), { ttlMs: 60_000, now: () => clock, ...options });

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});
beforeEach(() => {
  name = containerName('links');
  clock = T0;
});

async function blobNames(): Promise<string[]> {
  const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name);
  const names: string[] = [];
  for await (const blob of client.listBlobsFlat()) names.push(blob.name);
  return names.sort();
}

test('a link made on one instance is served by another: metadata, bytes byte for byte, kind and conversation checked', async () => {
  const entry = await instance().create({ kind: 'download', conversationKey: 'msteams/19:abc', fileName: 'erreurs – contacts.csv', contentType: 'text/csv', data: { locale: 'fr' }, bytes: BOM_CSV });
  expect(entry.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(await blobNames()).toEqual([`links/${entry.token}.bin`, `links/${entry.token}.json`]);
  const other = instance();
  const read = await other.read(entry.token, 'download');
  expect(read?.entry).toEqual(entry);
  expect(read?.bytes.equals(BOM_CSV)).toBe(true);
  expect(await other.get(entry.token, 'download', 'msteams/19:abc')).toEqual(entry);
  expect(await other.get(entry.token, 'download', 'msteams/other')).toBeUndefined();
  expect(await other.get(entry.token, 'upload')).toBeUndefined();
  expect(await other.get('not-a-token', 'download')).toBeUndefined();
  expect(await other.get('A'.repeat(32), 'download')).toBeUndefined();
});

test('a link is dead once expired, and a sweep removes it with its bytes', async () => {
  const store = instance();
  const entry = await store.create({ kind: 'pending', conversationKey: 'c', bytes: BOM_CSV, fileName: 'a.csv' });
  const keeper = await store.create({ kind: 'upload', conversationKey: 'c', ttlMs: 120_000 });
  clock = new Date(T0.getTime() + 60_000);
  expect(await store.read(entry.token, 'pending')).toBeUndefined();
  expect(await store.take(entry.token, 'pending')).toBeUndefined();
  expect(await instance().sweep()).toBe(1);
  expect(await blobNames()).toEqual([`links/${keeper.token}.json`]);
});

test('take() hands a kept file out exactly once when ten callers on two instances race for it', async () => {
  const entry = await instance().create({ kind: 'pending', conversationKey: 'msteams/c', bytes: BOM_CSV, fileName: 'a.csv' });
  const [a, b] = [instance(), instance()];
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take(entry.token, 'pending', 'msteams/c')));
  const winners = results.filter((r) => r !== undefined);
  expect(winners).toHaveLength(1);
  expect(winners[0]!.bytes!.equals(BOM_CSV)).toBe(true);
  expect(winners[0]!.entry).toEqual(entry);
  expect(await blobNames()).toEqual([]);
  expect(await a.take(entry.token, 'pending')).toBeUndefined();
});

test('take() from another conversation or of another kind takes nothing', async () => {
  const store = instance();
  const entry = await store.create({ kind: 'upload', conversationKey: 'msteams/c', data: { reference: { conversation: { id: 'c' } } } });
  expect(await store.take(entry.token, 'upload', 'msteams/other')).toBeUndefined();
  expect(await store.take(entry.token, 'download')).toBeUndefined();
  expect(await store.take(entry.token, 'upload')).toEqual({ entry });
});

test('over the cap, a sweep removes the oldest links first; delete() removes entry and bytes', async () => {
  const store = instance({ maxEntries: 2 });
  const tokens: string[] = [];
  for (let i = 0; i < 4; i++) {
    clock = new Date(T0.getTime() + i * 1000);
    tokens.push((await store.create({ kind: 'download', conversationKey: 'c', bytes: Buffer.from(`file ${i}`) })).token);
  }
  expect(await store.sweep()).toBe(2);
  expect(await blobNames()).toEqual(tokens.slice(2).flatMap((t) => [`links/${t}.bin`, `links/${t}.json`]).sort());
  await store.delete(tokens[3]);
  expect(await blobNames()).toEqual([`links/${tokens[2]}.bin`, `links/${tokens[2]}.json`]);
});
