import path from 'node:path';
import type { Directory } from '../../../src/directory/directory';
import { openWebexDirectory } from '../../../src/directory/webex/webexDirectory';
import type { WriteContext } from '../../../src/domain/types';
import { ActivationLinks } from '../../../src/services/activationLinks';
import { InvitationService } from '../../../src/services/invitationService';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import { startEmulator, stopAll, tempDir } from '../../helpers/webexEmulator';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'invitations' };
const DAY = 24 * 60 * 60 * 1000;
let emulator: WebexEmulator;
let directory: Directory;
let invitations: InvitationService;
const mailer = { send: jest.fn() };

beforeEach(async () => {
  const started = await startEmulator({ jobDurationMs: 30 });
  emulator = started.emulator;
  const dataDir = tempDir();
  directory = await openWebexDirectory({ apiUrl: started.url, token: emulator.token, orgId: emulator.orgId, dataDir, jobPollMs: 10, backoffMs: 5 });
  invitations = new InvitationService(directory, {
    links: new ActivationLinks(path.join(dataDir, 'activation'), { ttlMs: 10 * DAY }),
    mailer,
    from: 'Provisio <p@example.com>',
    baseUrl: () => 'https://bot.example.com',
  });
  mailer.send.mockReset();
});

afterEach(async () => {
  await directory.close();
  await stopAll();
});

const ada = () => directory.createUser({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', licenseIds: [] }, ctx);

test('invitations go through the sendActivationEmails job: its counts make the result, the bot sends no e-mail', async () => {
  await ada();
  emulator.failingEmails.add('toto.titi@sandbox.example');
  const result = await invitations.send({}, ctx);
  expect(result).toMatchObject({ dryRun: false, sent: 2, skipped: 0, failed: 1 });
  expect(result.users.sent.map((u) => u.email).sort()).toEqual(['ada@example.com', 'm.lefevre@sandbox.example']);
  expect(result.errors).toEqual([{ email: 'toto.titi@sandbox.example', code: 'send_failed', message: expect.stringMatching(/^ATLAS-600500: Failed to send/) }]);
  expect(mailer.send).not.toHaveBeenCalled();
  expect(emulator.org.jobs.size).toBe(1);
  expect((await directory.findUserByEmail('ada@example.com'))!.invitedAt).toBeDefined();
  expect((await directory.listAudit()).map((a) => a.action)).toEqual(['user.create', 'users.activationJob', 'user.invite']);
});

test('a second sending within 24 hours: Webex suppresses it, the users are reported skipped, not sent', async () => {
  await invitations.send({}, ctx);
  const again = await invitations.send({}, ctx);
  expect(again).toMatchObject({ sent: 0, skipped: 2, failed: 0 });
  expect(again.users.skipped.map((u) => [u.email, u.reason]).sort()).toEqual([
    ['m.lefevre@sandbox.example', 'recently_invited'],
    ['toto.titi@sandbox.example', 'recently_invited'],
  ]);
});

test('a dry run lists whom the org-wide job would reach and starts no job; a named active user is skipped', async () => {
  const julien = (await directory.findUserByEmail('j.rouchon@sandbox.example'))!;
  const preview = await invitations.send({ dryRun: true, userIds: [julien.id, 'no-such-id'] }, ctx);
  expect(preview).toMatchObject({ dryRun: true, sent: 2, skipped: 1, failed: 1 });
  expect(preview.users.skipped.map((u) => u.reason)).toEqual(['already_active']);
  expect(emulator.org.jobs.size).toBe(0);
});

test('one job per org: a job already running is said plainly', async () => {
  const first = directory.sendActivationEmails!(ctx);
  await expect(directory.sendActivationEmails!(ctx)).rejects.toThrow(/already sending activation e-mails/);
  await expect(first).resolves.toMatchObject({ exitCode: 'COMPLETED', counts: { sent: 2, skipped: 0, failed: 0, total: 2 } });
});
