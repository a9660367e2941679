import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { User, WriteContext } from '../../src/domain/types';
import { pageLocale, registerActivationRoutes } from '../../src/http/activationRoutes';
import type { Mailer } from '../../src/platform/mail/invitationMail';
import { ActivationLinks } from '../../src/services/activationLinks';
import { InvitationService } from '../../src/services/invitationService';

const ctx: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
const DAY = 24 * 60 * 60 * 1000;

let root: string;
let now: number;
let directory: Directory;
let invitations: InvitationService;
let links: string[];
let logger: { info: jest.Mock; warn: jest.Mock; error: jest.Mock };
let server: restify.Server;
let url: string;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-activate-'));
  now = Date.parse('2025-03-01T10:00:00.000Z');
  directory = await openLowdbDirectory(root, { now: () => new Date(now) });
  links = [];
  const mailer: Mailer = {
    send: async (message) => {
      links.push(String(message.text).match(/https?:\/\/\S+\/activate\/[A-Za-z0-9_-]{32}/)![0]);
      return {};
    },
  };
  logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  server = restify.createServer({ handleUncaughtExceptions: false });
  invitations = new InvitationService(directory, {
    links: new ActivationLinks(path.join(root, 'activation'), { ttlMs: 10 * DAY, now: () => new Date(now) }),
    mailer,
    from: 'p@example.com',
    baseUrl: () => url,
    now: () => new Date(now),
  });
  registerActivationRoutes(server, { invitations, defaultLocale: 'fr', logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await directory.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function invite(user: User): Promise<string> {
  await invitations.send({ userIds: [user.id] }, ctx);
  return links[links.length - 1];
}

const toto = async () => (await directory.findUserByEmail('toto.titi@sandbox.example'))!;
const get = (link: string, lang?: string) => fetch(link, { headers: lang ? { 'accept-language': lang } : {} });
const post = (link: string, lang?: string) => fetch(link, { method: 'POST', headers: lang ? { 'accept-language': lang } : {} });

describe('GET /activate/:token', () => {
  test('shows the name and an Activate button that posts to the same link; no script; opening it activates nobody', async () => {
    const link = await invite(await toto());
    const response = await get(link, 'fr-FR,fr;q=0.9,en;q=0.8');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Bonjour Toto Titi.');
    expect(html).toMatch(/<form method="post">\s*<button type="submit">Activer<\/button>/);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    // A mail scanner opening the link twice uses nothing up.
    expect((await get(link)).status).toBe(200);
    expect((await toto()).status).toBe('pending');
  });

  test('speaks English to a browser that prefers English, and escapes the name', async () => {
    const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings')!;
    const eve = await directory.createUser({ email: 'eve@example.com', firstName: '<b>Eve</b>', lastName: '"O\'Hara"', licenseIds: [meetings.id] }, ctx);
    const html = await (await get(await invite(eve), 'de-DE, en;q=0.8, fr;q=0.5')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt; &quot;O&#39;Hara&quot;.');
    expect(html).toContain('>Activate</button>');
    expect(html).not.toContain('<b>Eve');
  });
});

describe('POST /activate/:token', () => {
  test('activates the user and says so; the link a second time says it was already used (410)', async () => {
    const user = await toto();
    const link = await invite(user);
    const response = await post(link, 'en-US');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Your account is active');
    expect(html).toContain('Toto Titi, your account is active.');
    expect((await toto()).status).toBe('active');
    expect(logger.info).toHaveBeenCalledWith({ userId: user.id }, 'user activated');

    const again = await post(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("Ce lien d&#39;activation a déjà servi. Si votre compte n&#39;est pas actif, demandez à votre administrateur de vous renvoyer l&#39;invitation.");
    const page = await get(link, 'en');
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Link already used');
    // The token is never logged.
    const token = link.split('/').pop()!;
    expect(JSON.stringify([logger.info.mock.calls, logger.warn.mock.calls, logger.error.mock.calls])).not.toContain(token);
  });

  test('an unknown or malformed link is 404, an expired or replaced one 410, each saying what to do; nobody is activated', async () => {
    const user = await toto();
    const first = await invite(user);
    now += DAY;
    const second = await invite(user);

    const superseded = await post(first, 'en');
    expect(superseded.status).toBe(410);
    expect(await superseded.text()).toContain('A newer invitation has been sent to you');

    const unknown = await post(`${url}/activate/${Buffer.alloc(24, 1).toString('base64url')}`, 'en');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('ask your administrator to resend the invitation');
    expect((await get(`${url}/activate/not-a-token`, 'en')).status).toBe(404);
    expect((await post(`${url}/activate/..%2F..%2Forg.json`, 'en')).status).toBe(404);

    now += 10 * DAY;
    const expired = await post(second, 'fr');
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Ce lien d&#39;activation a expiré. Demandez à votre administrateur de vous renvoyer l&#39;invitation.");
    expect((await toto()).status).toBe('pending');
  });

  test('a body sent with the POST is ignored', async () => {
    const link = await invite(await toto());
    const response = await fetch(link, { method: 'POST', body: 'x'.repeat(100_000), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(200);
    expect((await toto()).status).toBe('active');
  });
});

describe('page language', () => {
  test.each<[string | undefined, 'fr' | 'en']>([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-CA', 'fr'],
    ['de-DE,de;q=0.9', 'fr'],
    ['de-DE, en;q=0.8, fr;q=0.9', 'fr'],
    ['fr;q=0, en;q=0.1', 'en'],
    ['*', 'fr'],
  ])('Accept-Language %p → %s (default fr)', (header, expected) => {
    expect(pageLocale(header, 'fr')).toBe(expected);
  });
});
