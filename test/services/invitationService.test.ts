import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { User, WriteContext } from '../../src/domain/types';
import { MailSendError, mailErrorText, type Mailer } from '../../src/platform/mail/invitationMail';
import { ActivationLinks } from '../../src/services/activationLinks';
import { InvitationService } from '../../src/services/invitationService';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };
const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const BASE = 'https://bot.example.com';

let root: string;
let now: number;
let directory: Directory;
let sentMail: SendMailOptions[];
/** Addresses the fake mail server refuses. */
let refused: Set<string>;
let mailer: Mailer;

function service(options: { maxPerSend?: number } = {}): InvitationService {
  return new InvitationService(directory, {
    links: new ActivationLinks(path.join(root, 'activation'), { ttlMs: 10 * DAY, now: () => new Date(now) }),
    mailer,
    from: 'Provisio <provisio@example.com>',
    baseUrl: () => BASE,
    now: () => new Date(now),
    ...options,
  });
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-invitations-'));
  now = T0;
  directory = await openLowdbDirectory(root, { now: () => new Date(now) });
  sentMail = [];
  refused = new Set();
  mailer = {
    send: jest.fn(async (message: SendMailOptions) => {
      const to = (message.to as { address: string }).address;
      if (refused.has(to)) throw new MailSendError('550 5.1.1 <' + to + '>: mailbox unavailable');
      sentMail.push(message);
      return { messageId: `<${sentMail.length}@test>` };
    }),
  };
});

afterEach(async () => {
  jest.restoreAllMocks();
  await directory.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const byEmail = async (email: string) => (await directory.findUserByEmail(email))!;
const recipients = () => sentMail.map((m) => (m.to as { address: string }).address).sort();
const tokenOf = (message: SendMailOptions) => String(message.text).match(/\/activate\/([A-Za-z0-9_-]{32})/)![1];
const PENDING = ['m.lefevre@sandbox.example', 'toto.titi@sandbox.example'];

async function newPendingUser(email: string): Promise<User> {
  const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
  return directory.createUser({ email, firstName: 'Ada', lastName: 'Lovelace', licenseIds: [meetings.id] }, ctx);
}

describe('sending invitations', () => {
  test('every pending user gets one e-mail with a link to the bot; they are marked invited in ONE write', async () => {
    const invitations = service();
    const mark = jest.spyOn(directory, 'markInvited');
    const result = await invitations.send({}, ctx);
    expect(result).toMatchObject({ dryRun: false, sent: 2, skipped: 0, failed: 0, errors: [] });
    expect(recipients()).toEqual(PENDING);
    expect(mark).toHaveBeenCalledTimes(1);
    expect(mark.mock.calls[0][0].sort()).toEqual([(await byEmail(PENDING[0])).id, (await byEmail(PENDING[1])).id].sort());
    for (const email of PENDING) expect((await byEmail(email)).invitedAt).toBe(new Date(T0).toISOString());
    expect((await directory.listAudit()).filter((a) => a.action === 'user.invite')).toHaveLength(1);
    for (const message of sentMail) expect(String(message.text)).toContain(`${BASE}/activate/${tokenOf(message)}`);
  });

  test('active users are never invited, even when named', async () => {
    const invitations = service();
    const julien = await byEmail('j.rouchon@sandbox.example');
    const result = await invitations.send({ userIds: [julien.id] }, ctx);
    expect(result).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
    expect(result.users.skipped).toEqual([{ id: julien.id, email: julien.email, name: 'Julien Rouchon', reason: 'already_active' }]);
    expect(sentMail).toEqual([]);
    expect((await byEmail(julien.email)).invitedAt).toBe(julien.invitedAt);
    await invitations.send({}, ctx);
    expect(recipients()).not.toContain(julien.email);
  });

  test('a user invited less than 24 hours ago is skipped (Webex does the same); at 24 hours they get a new one', async () => {
    const invitations = service();
    await invitations.send({}, ctx);
    const firstLinks = [...sentMail];
    now = T0 + DAY - 1;
    const again = await invitations.send({}, ctx);
    expect(again).toMatchObject({ sent: 0, skipped: 2, failed: 0 });
    expect(again.users.skipped.map((s) => [s.email, s.reason, s.invitedAt])).toEqual(
      PENDING.map((email) => [email, 'recently_invited', new Date(T0).toISOString()]),
    );
    expect(sentMail).toHaveLength(2);

    now = T0 + DAY;
    const later = await invitations.send({}, ctx);
    expect(later).toMatchObject({ sent: 2, skipped: 0 });
    expect(sentMail).toHaveLength(4);
    for (const email of PENDING) expect((await byEmail(email)).invitedAt).toBe(new Date(T0 + DAY).toISOString());
    // The new invitation replaces the first link.
    for (const message of firstLinks) expect(await invitations.activate(tokenOf(message))).toEqual({ ok: false, reason: 'superseded' });
    for (const message of sentMail.slice(2)) expect((await invitations.activate(tokenOf(message))).ok).toBe(true);
  });

  test('a failed send is counted failed with its reason, not marked, and its link does not work; the others go on', async () => {
    const invitations = service();
    const toto = await byEmail('toto.titi@sandbox.example');
    refused.add(toto.email);
    const result = await invitations.send({}, ctx);
    expect(result).toMatchObject({ sent: 1, skipped: 0, failed: 1 });
    expect(result.errors).toEqual([{ email: toto.email, code: 'send_failed', message: `550 5.1.1 <${toto.email}>: mailbox unavailable` }]);
    expect((await byEmail(toto.email)).invitedAt).toBe(toto.invitedAt);
    expect((await byEmail('m.lefevre@sandbox.example')).invitedAt).toBe(new Date(T0).toISOString());
    // Only the link that went out exists.
    expect(fs.readdirSync(path.join(root, 'activation'))).toEqual([`${tokenOf(sentMail[0])}.json`]);

    // Not marked, so not skipped: the next sending retries it.
    refused.clear();
    const retry = await invitations.send({ userIds: [toto.id] }, ctx);
    expect(retry).toMatchObject({ sent: 1, failed: 0 });
  });

  test('when every send fails, nothing is written', async () => {
    const invitations = service();
    PENDING.forEach((email) => refused.add(email));
    const mark = jest.spyOn(directory, 'markInvited');
    expect(await invitations.send({}, ctx)).toMatchObject({ sent: 0, failed: 2 });
    expect(mark).not.toHaveBeenCalled();
    expect(await directory.listAudit()).toEqual([]);
  });

  test('a dry run sends nothing and writes nothing, but says who would get one and who would be skipped', async () => {
    const invitations = service();
    const ada = await newPendingUser('ada@example.com');
    await directory.markInvited([ada.id], new Date(T0 - HOUR).toISOString(), ctx);
    const mark = jest.spyOn(directory, 'markInvited');
    const result = await invitations.send({ dryRun: true }, ctx);
    expect(result).toMatchObject({ dryRun: true, sent: 2, skipped: 1, failed: 0 });
    expect(result.users.skipped.map((u) => u.email)).toEqual(['ada@example.com']);
    expect(sentMail).toEqual([]);
    expect(mark).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(root, 'activation'))).toBe(false);
  });

  test('a new user, never invited, is sent one; an unknown user id is a failure', async () => {
    const invitations = service();
    const ada = await newPendingUser('ada@example.com');
    expect(ada.invitedAt).toBeUndefined();
    const result = await invitations.send({ userIds: [ada.id, 'no-such-id'] }, ctx);
    expect(result).toMatchObject({ sent: 1, failed: 1, errors: [{ email: '', code: 'user_not_found' }] });
    expect(recipients()).toEqual(['ada@example.com']);
  });

  test('at most maxPerSend e-mails per sending, never-invited users first; the others are failures to retry', async () => {
    const invitations = service({ maxPerSend: 1 });
    await newPendingUser('ada@example.com');
    const result = await invitations.send({}, ctx);
    expect(result).toMatchObject({ sent: 1, failed: 2 });
    expect(recipients()).toEqual(['ada@example.com']);
    expect(result.errors.map((e) => e.code)).toEqual(['over_limit', 'over_limit']);
    expect(result.maxPerSend).toBe(1);
  });

  test('two sendings at the same time do not invite anyone twice', async () => {
    const invitations = service();
    const [a, b] = await Promise.all([invitations.send({}, ctx), invitations.send({}, ctx)]);
    expect(a.sent + b.sent).toBe(2);
    expect(a.skipped + b.skipped).toBe(2);
    expect(sentMail).toHaveLength(2);
  });

  test('the message names the user, in French and English, and its link expires with the link TTL', async () => {
    await service().send({ userIds: [(await byEmail('toto.titi@sandbox.example')).id] }, ctx);
    const [message] = sentMail;
    expect(message.to).toEqual({ name: 'Toto Titi', address: 'toto.titi@sandbox.example' });
    expect(message.from).toBe('Provisio <provisio@example.com>');
    expect(message.subject).toBe('Activez votre compte / Activate your account');
    expect(message.text).toContain('Bonjour Toto,');
    expect(message.text).toContain('Hello Toto,');
    expect(message.text).toContain('11 mars 2025 à 10:00 UTC');
    expect(message.text).toContain('11 March 2025 at 10:00 UTC');
  });
});

describe('activation', () => {
  test('the link makes its user active, once; a second time it says "used"', async () => {
    const invitations = service();
    const toto = await byEmail('toto.titi@sandbox.example');
    await invitations.send({ userIds: [toto.id] }, ctx);
    const token = tokenOf(sentMail[0]);
    expect(await invitations.check(token)).toMatchObject({ ok: true, user: { id: toto.id, status: 'pending' } });
    const outcome = await invitations.activate(token);
    expect(outcome).toMatchObject({ ok: true, alreadyActive: false, user: { id: toto.id, status: 'active' } });
    expect((await byEmail(toto.email)).status).toBe('active');
    expect((await directory.listAudit()).map((a) => [a.action, a.flow])).toEqual([
      ['user.invite', 'test'],
      ['user.activate', 'activation'],
    ]);
    expect(await invitations.activate(token)).toEqual({ ok: false, reason: 'used' });
    expect(await invitations.check(token)).toEqual({ ok: false, reason: 'used' });
    // Now active: never invited again.
    now = T0 + 2 * DAY;
    await invitations.send({}, ctx);
    expect(recipients()).toEqual(['m.lefevre@sandbox.example', toto.email].sort());
  });

  test('an expired link, an unknown one and one whose user was deleted each say so and activate nobody', async () => {
    const invitations = service();
    await invitations.send({}, ctx);
    const [first, second] = sentMail.map(tokenOf);
    expect(await invitations.activate(Buffer.alloc(24).toString('base64url'))).toEqual({ ok: false, reason: 'unknown' });
    expect(await invitations.activate('../org.json')).toEqual({ ok: false, reason: 'unknown' });

    const owner = (await directory.listUsers()).find((u) => u.email === (sentMail[1].to as { address: string }).address)!;
    await directory.deleteUser(owner.id, ctx);
    expect(await invitations.check(second)).toEqual({ ok: false, reason: 'user_gone' });
    expect(await invitations.activate(second)).toEqual({ ok: false, reason: 'user_gone' });

    now = T0 + 10 * DAY;
    expect(await invitations.activate(first)).toEqual({ ok: false, reason: 'expired' });
    expect((await directory.listUsers({ status: 'active' })).map((u) => u.email)).not.toContain((sentMail[0].to as { address: string }).address);
  });

  test('when the directory cannot write the activation, the link is given back for another try', async () => {
    const invitations = service();
    await invitations.send({}, ctx);
    const token = tokenOf(sentMail[0]);
    jest.spyOn(directory, 'activateUser').mockRejectedValueOnce(new Error('disk full'));
    await expect(invitations.activate(token)).rejects.toThrow('disk full');
    expect(await invitations.activate(token)).toMatchObject({ ok: true, alreadyActive: false });
  });
});

describe('mail errors', () => {
  test('the text shown for a failed send never holds the SMTP password', () => {
    const url = 'smtps://bob:s3cret@mail.example.com:465';
    const error = Object.assign(new Error(`connect ECONNREFUSED for ${url}`), { code: 'ESOCKET' });
    const text = mailErrorText(error, url);
    expect(text).not.toContain('s3cret');
    expect(text).toContain('ESOCKET');
    expect(mailErrorText(new Error('bad //bob:s3cret@host'))).not.toContain('s3cret');
    expect(mailErrorText(Object.assign(new Error('x'), { response: '535 5.7.8 Authentication failed' }))).toBe('535 5.7.8 Authentication failed');
  });
});
