import type { Directory } from '../../../src/directory/directory';
import { DirectoryError } from '../../../src/directory/directory';
import { openWebexDirectory } from '../../../src/directory/webex/webexDirectory';
import { WebexEmulator } from '../../../tools/webex-emulator/server';
import { containerName, containerOn, startAzurite, type RunningAzurite } from '../../helpers/azurite';
import { tempDir } from '../../helpers/webexEmulator';

/**
 * The one-import-per-org lock of the Webex backend on shared blob storage: two
 * directories on one container stand for two instances of the bot. TTL 2 s.
 */

const TTL_MS = 2000;
let azurite: RunningAzurite;
let emulator: WebexEmulator;
let url: string;
const open: Directory[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  emulator = new WebexEmulator();
  url = await emulator.listen(0);
});
afterAll(async () => {
  await emulator.close();
  await azurite.stop();
});
afterEach(async () => {
  for (const directory of open.splice(0)) await directory.close();
});

async function instances(): Promise<[Directory, Directory]> {
  const name = containerName('lock');
  const one = async () => {
    const directory = await openWebexDirectory({ apiUrl: url, token: emulator.token, orgId: emulator.orgId, dataDir: tempDir(), blob: containerOn(azurite, name), importLockTtlMs: TTL_MS });
    open.push(directory);
    return directory;
  };
  return [await one(), await one()];
}

const job = (by: string) => ({ kind: 'contacts' as const, by, fileName: `${by}.csv` });
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as DirectoryError);

test('two admins start an import at once on two instances: one gets the lock, the other is told who holds it', async () => {
  const [a, b] = await instances();
  const results = await Promise.allSettled([a.createImportJob(job('Alice')), b.createImportJob(job('Bob'))]);
  const started = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(started).toHaveLength(1);
  expect(refused).toHaveLength(1);
  const winner = (started[0] as PromiseFulfilledResult<{ by: string; id: string; startedAt: string }>).value;
  expect(refused[0].reason).toBeInstanceOf(DirectoryError);
  expect(refused[0].reason).toMatchObject({ code: 'import_running', details: { by: winner.by, startedAt: winner.startedAt, jobId: winner.id } });
  // Both instances see the same job list.
  expect((await a.listImportJobs()).map((j) => [j.by, j.status])).toEqual([[winner.by, 'running']]);
  expect(await b.listImportJobs()).toEqual(await a.listImportJobs());
});

test('a live import keeps its lock past the TTL (renewed); once it ends, the other instance may import', async () => {
  const [a, b] = await instances();
  const running = await a.createImportJob(job('Alice'));
  await new Promise((resolve) => setTimeout(resolve, TTL_MS * 1.6));
  expect(await refusal(b.createImportJob(job('Bob')))).toMatchObject({ code: 'import_running', details: { by: 'Alice' } });
  await a.updateImportJob(running.id, { status: 'done', endedAt: new Date().toISOString() });
  const next = await b.createImportJob(job('Bob'));
  expect((await a.listImportJobs()).map((j) => [j.by, j.status])).toEqual(
    expect.arrayContaining([
      ['Alice', 'done'],
      ['Bob', 'running'],
    ]),
  );
  await b.updateImportJob(next.id, { status: 'failed', endedAt: new Date().toISOString() });
  await expect(a.createImportJob(job('Alice'))).resolves.toMatchObject({ status: 'running' });
});

test('the holder stops without ending its import (a crash): its lock expires after the TTL and its job shows interrupted', async () => {
  const [a, b] = await instances();
  const crashed = await a.createImportJob(job('Alice'));
  await a.close(); // stops renewing, like a killed process; nothing is released
  expect(await refusal(b.createImportJob(job('Bob')))).toMatchObject({ code: 'import_running', details: { by: 'Alice' } });
  await new Promise((resolve) => setTimeout(resolve, TTL_MS + 1200)); // the store's clock counts whole seconds
  const next = await b.createImportJob(job('Bob'));
  const jobs = await b.listImportJobs();
  expect(jobs.find((j) => j.id === crashed.id)).toMatchObject({ status: 'interrupted', endedAt: expect.any(String) });
  expect(jobs.find((j) => j.id === next.id)).toMatchObject({ status: 'running', by: 'Bob' });
});

test('audit and invitation dates written on one instance are read on the other', async () => {
  const [a, b] = await instances();
  const ctx = { actor: { id: 'admin-1', name: 'Alice', role: 'admin' }, flow: 'test' };
  const user = await a.createUser({ email: `lock.${Date.now()}@example.com`, firstName: 'Ada', lastName: 'Lock', licenseIds: [] }, ctx);
  await a.markInvited([user.id], '2026-01-02T03:04:05.000Z', ctx);
  expect((await b.getUser(user.id))?.invitedAt).toBe('2026-01-02T03:04:05.000Z');
  expect((await b.listAudit()).map((e) => e.action)).toEqual(['user.create', 'user.invite']);
});
