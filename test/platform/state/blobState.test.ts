import { BlobServiceClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobDocument } from '../../../src/platform/store/blobDocument';
import { BlobStoreError } from '../../../src/platform/store/container';
import { LeasedTurnGate } from '../../../src/platform/state/leasedTurnGate';
import { ETagCheckedStorage, StateConflictError } from '../../../src/platform/state/eTagCheckedStorage';
import { TurnBusyError } from '../../../src/platform/state/turnGate';
import { containerName, containerOn, startAzurite, type RunningAzurite } from '../../helpers/azurite';

/** The blob pieces that let several instances share state, on a real Azurite: documents, bot state eTags, turn leases. */

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

describe('BlobDocument: eTag-guarded read-change-write', () => {
  test('two instances increment one counter 25 times each, all at once: no update is lost', async () => {
    const name = containerName();
    const [a, b] = [containerOn(azurite, name), containerOn(azurite, name)].map((c) => new BlobDocument<{ n: number }>(c, 'counter.json'));
    const bump = (doc: BlobDocument<{ n: number }>) => doc.update((value) => ({ value: { n: (value?.n ?? 0) + 1 }, result: undefined }));
    await Promise.all(Array.from({ length: 25 }, () => [bump(a), bump(b)]).flat());
    expect((await a.read()).value).toEqual({ n: 50 });
    expect((await b.read()).value).toEqual({ n: 50 });
  });

  test('a change that throws writes nothing; a change with no value leaves the document; reads see the other instance\'s writes', async () => {
    const name = containerName();
    const a = new BlobDocument<{ items: string[] }>(containerOn(azurite, name), 'doc.json');
    const b = new BlobDocument<{ items: string[] }>(containerOn(azurite, name), 'doc.json');
    expect((await a.read()).value).toBeUndefined();
    await a.update(() => ({ value: { items: ['one'] }, result: undefined }));
    await expect(
      b.update(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await b.update(() => ({ result: 'kept' }))).toBe('kept');
    await b.update((value) => ({ value: { items: [...value!.items, 'two'] }, result: undefined }));
    // a's cached copy is stale: its conditional read fetches b's write.
    expect((await a.read()).value).toEqual({ items: ['one', 'two'] });
    const { now } = await a.read();
    expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(5000);
  });

  test('storage errors carry a status, never the connection string', async () => {
    const bad = containerOn({ ...azurite, connectionString: azurite.connectionString.replace(/AccountKey=[^;]+/, 'AccountKey=V3JvbmdLZXk=') }, containerName());
    const error = await new BlobDocument(bad, 'x.json').read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStoreError);
    expect((error as Error).message).toMatch(/^Blob storage: creating container "t[0-9a-f]+" failed \(403/);
    expect(JSON.stringify(error) + (error as Error).message).not.toMatch(/V3JvbmdLZXk|AccountKey/);
  });
});

describe('ETagCheckedStorage over BlobsStorage: BotState writes "*", the wrapper writes the eTag it read', () => {
  const key = 'msteams/conversations/conv-1';

  test('two turns read the same state; the first save wins, the second is refused instead of undoing it', async () => {
    const name = containerName();
    const storage = () => new ETagCheckedStorage(new BlobsStorage(azurite.connectionString, name));
    const [one, two] = [storage(), storage()];
    await one.write({ [key]: { step: 0, eTag: '*' } });
    const a = (await one.read([key]))[key];
    const b = (await two.read([key]))[key];
    a.step = 1;
    a.eTag = '*'; // as BotState.saveChanges does
    await one.write({ [key]: a });
    b.step = 2;
    b.eTag = '*';
    await expect(two.write({ [key]: b })).rejects.toBeInstanceOf(StateConflictError);
    expect((await one.read([key]))[key]).toMatchObject({ step: 1 });
    // A fresh read then a save goes through.
    const c = (await two.read([key]))[key];
    c.step = 3;
    c.eTag = '*';
    await two.write({ [key]: c });
    expect((await one.read([key]))[key]).toMatchObject({ step: 3 });
  });

  test('a state that did not exist when read, created meanwhile by another turn, is not overwritten', async () => {
    const name = containerName();
    const one = new ETagCheckedStorage(new BlobsStorage(azurite.connectionString, name));
    const two = new ETagCheckedStorage(new BlobsStorage(azurite.connectionString, name));
    const a = (await one.read([key]))[key];
    const b = (await two.read([key]))[key];
    expect(a).toEqual({});
    await one.write({ [key]: { ...a, step: 'a', eTag: '*' } });
    Object.assign(b, { step: 'b', eTag: '*' });
    await expect(two.write({ [key]: b })).rejects.toThrow(StateConflictError);
    expect((await two.read([key]))[key]).toMatchObject({ step: 'a' });
  });
});

describe('LeasedTurnGate: one turn at a time per conversation across instances', () => {
  test('a turn on the second instance waits for the first to end, then runs; other conversations do not wait', async () => {
    const name = containerName();
    const [gateA, gateB] = [new LeasedTurnGate(containerOn(azurite, name)), new LeasedTurnGate(containerOn(azurite, name))];
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = gateA.run('msteams/c1', async () => {
      events.push('A start');
      started();
      await held;
      events.push('A end');
    });
    await running;
    const second = gateB.run('msteams/c1', async () => void events.push('B ran'));
    await gateB.run('msteams/c2', async () => void events.push('other conversation'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual(['A start', 'other conversation']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['A start', 'other conversation', 'A end', 'B ran']);
  });

  test('a lease held by a crashed instance: the turn waits its bounded time, then TurnBusyError; once the lease is gone it runs', async () => {
    const name = containerName();
    const container = containerOn(azurite, name);
    const gate = new LeasedTurnGate(container, { waitMs: 400 });
    await gate.run('msteams/c3', async () => undefined); // creates the lock blob
    const [lockName] = await listNames(name, 'locks/turns/');
    const crashed = (await container.client()).getBlobClient(lockName).getBlobLeaseClient();
    await crashed.acquireLease(15);
    let ran = false;
    const started = Date.now();
    const error = await gate.run('msteams/c3', async () => void (ran = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TurnBusyError);
    expect(ran).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // What Azure does when the 15 s run out, without waiting for them.
    await crashed.breakLease(0);
    await gate.run('msteams/c3', async () => void (ran = true));
    expect(ran).toBe(true);
  });

  test('the lease is released after a turn that throws', async () => {
    const name = containerName();
    const gate = new LeasedTurnGate(containerOn(azurite, name), { waitMs: 300 });
    await expect(gate.run('msteams/c4', async () => Promise.reject(new Error('dialog failed')))).rejects.toThrow('dialog failed');
    await expect(new LeasedTurnGate(containerOn(azurite, name), { waitMs: 300 }).run('msteams/c4', async () => 'next')).resolves.toBe('next');
  });
});

async function listNames(container: string, prefix: string): Promise<string[]> {
  const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
  const names: string[] = [];
  for await (const blob of client.listBlobsFlat({ prefix })) names.push(blob.name);
  return names;
}
