import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Directory } from '../../../src/directory/directory';
import { openLowdbDirectory } from '../../../src/directory/lowdb/lowdbDirectory';
import type { WriteContext } from '../../../src/domain/types';
import { createMailer, invitationMessage } from '../../../src/platform/mail/invitationMail';
import { createServices, type Services } from '../../../src/services';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };

let root: string;
let directory: Directory;
let services: Services;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-outbox-'));
  directory = await openLowdbDirectory(root);
  // No mail config, as the tests and a fresh sandbox have: the outbox.
  services = createServices(directory, { defaultRegion: 'FR', dataDir: root, baseUrl: () => 'http://127.0.0.1:3978' });
});

afterEach(async () => {
  await directory.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const outbox = () => path.join(root, 'outbox');

describe('the outbox (no SMTP_URL)', () => {
  test('each invitation is an .eml file named by time and randomness, never by address, readable by its owner only', async () => {
    const result = await services.invitations.send({}, ctx);
    expect(result.sent).toBe(2);
    const files = fs.readdirSync(outbox()).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{12}\.eml$/);
      expect(fs.statSync(path.join(outbox(), file)).mode & 0o077).toBe(0);
    }
    const parsed = await Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(outbox(), f)))));
    expect(parsed.map((p) => p.to && !Array.isArray(p.to) && p.to.value[0].address).sort()).toEqual([
      'm.lefevre@sandbox.example',
      'toto.titi@sandbox.example',
    ]);
    for (const p of parsed) {
      expect(p.subject).toBe('Activez votre compte / Activate your account');
      expect(p.from?.value).toEqual([{ name: 'Provisio', address: 'no-reply@provisio.invalid' }]);
      expect(p.headers.get('auto-submitted')).toBe('auto-generated');
    }
  });

  test('the link of the .eml file works: it activates its user, once', async () => {
    const toto = (await directory.findUserByEmail('toto.titi@sandbox.example'))!;
    await services.invitations.send({ userIds: [toto.id] }, ctx);
    const [file] = fs.readdirSync(outbox());
    const mail = await simpleParser(fs.readFileSync(path.join(outbox(), file)));
    const link = mail.text!.match(/http:\/\/127\.0\.0\.1:3978\/activate\/[A-Za-z0-9_-]{32}/)![0];
    // The HTML part holds the same link, as a button.
    expect(String(mail.html)).toContain(`href="${link}"`);
    const token = link.split('/').pop()!;
    expect(await services.invitations.activate(token)).toMatchObject({ ok: true, user: { id: toto.id, status: 'active' } });
    expect((await directory.getUser(toto.id))!.status).toBe('active');
    expect(await services.invitations.activate(token)).toEqual({ ok: false, reason: 'used' });
  });

  test('names are escaped in the HTML, and no line break of a name reaches a header', async () => {
    const message = invitationMessage(
      {
        email: 'eve@example.com',
        firstName: '<img src=x onerror=alert(1)>',
        displayName: 'Eve\r\nBcc: victim@example.com',
        link: 'https://bot.example.com/activate/abc?x="><script>',
        expiresAt: '2025-03-11T10:00:00.000Z',
      },
      'Provisio <p@example.com>',
    );
    const dir = path.join(root, 'raw');
    const sent = await createMailer({ outboxDir: dir }).send(message);
    const raw = fs.readFileSync(sent.file!, 'utf8');
    const mail = await simpleParser(raw);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value).toEqual([{ name: 'Eve Bcc: victim@example.com', address: 'eve@example.com' }]);
    expect(String(mail.html)).not.toContain('<img src=x');
    expect(String(mail.html)).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(String(mail.html)).not.toContain('"><script>');
  });
});
