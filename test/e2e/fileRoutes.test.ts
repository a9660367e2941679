import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { ProvisioBot } from '../../src/bot/bot';
import { FileLinkStore, type LinkEntry, type LinkStore } from '../../src/platform/files/linkStore';
import { registerFileRoutes, type FileRoutesDeps, type UploadedFile } from '../../src/http/fileRoutes';
import pino from 'pino';
import { createServer } from '../../src/http/server';

const T0 = new Date('2025-03-01T10:00:00.000Z');
const BOM_CSV = Buffer.from('\uFEFFNom;Téléphone\r\nÉlodie;+33 6 12 34 56 78\r\n', 'utf8');
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
const CONVERSATION = 'msteams/19:abc';

let root: string;
let clock: Date;
let links: LinkStore;
let uploads: Array<{ entry: LinkEntry; file: UploadedFile }>;
let onUpload: jest.Mock<Promise<void>, [LinkEntry, UploadedFile]>;
let logger: { info: jest.Mock; warn: jest.Mock; error: jest.Mock };
let close: () => Promise<void>;
let url: string;

function deps(overrides: Partial<FileRoutesDeps> = {}): FileRoutesDeps {
  return { links, maxUploadBytes: 1024, uploadTimeoutMs: 300, onUpload, logger, ...overrides };
}

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A bare restify server with the file routes only. */
async function start(overrides: Partial<FileRoutesDeps> = {}): Promise<void> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  registerFileRoutes(server, deps(overrides));
  url = await listen(server);
  close = () => new Promise((resolve) => server.close(() => resolve()));
}

function form(bytes: Uint8Array | undefined, fileName = 'contacts.csv', field = 'file'): FormData {
  const body = new FormData();
  if (bytes) body.append(field, new Blob([bytes], { type: 'text/csv' }), fileName);
  else body.append('note', 'no file here');
  return body;
}

const uploadLink = (locale?: 'fr' | 'en') => links.create({ kind: 'upload', conversationKey: CONVERSATION, data: locale ? { locale } : {} });
const post = (token: string, body: FormData) => fetch(`${url}/upload/${token}`, { method: 'POST', body });

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-files-'));
  clock = T0;
  links = new FileLinkStore(path.join(root, 'links'), { ttlMs: 60_000, now: () => clock });
  uploads = [];
  onUpload = jest.fn(async (entry: LinkEntry, file: UploadedFile) => {
    uploads.push({ entry, file });
  });
  logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
});

afterEach(async () => {
  await close?.();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('GET /files/:token', () => {
  beforeEach(() => start());

  test('sends the bytes unchanged (BOM included) as an attachment, every time until expiry', async () => {
    const entry = await links.create({ kind: 'download', conversationKey: CONVERSATION, fileName: 'erreurs-contacts.csv', bytes: BOM_CSV });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${url}/files/${entry.token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="erreurs-contacts.csv"; filename*=UTF-8''erreurs-contacts.csv`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await response.arrayBuffer()).equals(BOM_CSV)).toBe(true);
    }
    clock = new Date(T0.getTime() + 60_000);
    expect((await fetch(`${url}/files/${entry.token}`)).status).toBe(404);
  });

  test('the file name is made safe in Content-Disposition; the content type is the entry\'s', async () => {
    const entry = await links.create({
      kind: 'download',
      conversationKey: CONVERSATION,
      fileName: 'Contacts "été"/..\\\r\nSet-Cookie: x=1.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from([1, 2, 3]),
    });
    const response = await fetch(`${url}/files/${entry.token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('set-cookie')).toBeNull();
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="Contacts __t___..___Set-Cookie: x=1.xlsx"; filename*=UTF-8''Contacts%20_%C3%A9t%C3%A9__..___Set-Cookie%3A%20x%3D1.xlsx`,
    );
    const asciiName = /filename="([^"]*)"/.exec(disposition)![1];
    expect(asciiName).not.toMatch(/["\\/\r\n]/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(disposition)![1])).toBe('Contacts _été__..___Set-Cookie: x=1.xlsx');
  });

  test('unknown, malformed, expired or other-kind tokens get a bilingual 404', async () => {
    const upload = await uploadLink();
    const tokens = ['A'.repeat(32), '..%2F..%2Fetc%2Fpasswd', 'short', upload.token];
    for (const token of tokens) {
      const response = await fetch(`${url}/files/${token}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const text = await response.text();
      expect(text).toContain("Ce lien a expiré ou n'existe pas. Demandez un nouveau lien au bot.");
      expect(text).toContain('This link has expired or does not exist. Ask the bot for a new link.');
    }
  });
});

describe('GET /upload/:token', () => {
  beforeEach(() => start());

  test('serves a self-contained form page in French by default, English on request', async () => {
    for (const [locale, title] of [[undefined, 'Envoyer votre fichier à Provisio'], ['en', 'Send your file to Provisio']] as const) {
      const entry = await uploadLink(locale);
      const response = await fetch(`${url}/upload/${entry.token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain(`<html lang="${locale ?? 'fr'}">`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain('<form method="post" enctype="multipart/form-data">');
      expect(html).toContain('<input type="file" name="file" accept=".csv,.txt,.xlsx" required>');
      expect(html).toMatch(/<button type="submit">(Envoyer|Send)<\/button>/);
      expect(html).not.toMatch(/https?:|\/\/|<script|\son\w+=|action=/i);
    }
  });

  test('expired or unknown links get a bilingual 410, malformed ones a 404; a download token is not an upload token', async () => {
    const entry = await uploadLink('en');
    const download = await links.create({ kind: 'download', conversationKey: CONVERSATION, bytes: BOM_CSV });
    clock = new Date(T0.getTime() + 60_000);
    for (const [token, status] of [[entry.token, 410], ['B'.repeat(32), 410], [download.token, 410], ['..%2Fx', 404]] as const) {
      const response = await fetch(`${url}/upload/${token}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      const html = await response.text();
      expect(html).toContain('Demandez un nouveau lien au bot.');
      expect(html).toContain('Ask the bot for a new link.');
      expect(html).not.toContain('<form');
    }
  });
});

describe('POST /upload/:token', () => {
  test('hands the exact bytes and file name to onUpload once, consumes the link, answers in the page language', async () => {
    await start();
    const entry = await uploadLink();
    const response = await post(entry.token, form(BOM_CSV, 'contacts-été.csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain("Fichier « contacts-été.csv » reçu — retournez dans la conversation, l&#39;aperçu vous y attend.");
    expect(onUpload).toHaveBeenCalledTimes(1);
    expect(uploads[0].entry).toEqual(entry);
    expect(uploads[0].file.fileName).toBe('contacts-été.csv');
    expect(uploads[0].file.bytes.equals(BOM_CSV)).toBe(true);
    expect(await links.get(entry.token, 'upload')).toBeUndefined();

    const english = await uploadLink('en');
    const page = await (await post(english.token, form(BOM_CSV))).text();
    expect(page).toContain('File “contacts.csv” received — go back to the chat, the preview is waiting there.');
    expect(onUpload).toHaveBeenCalledTimes(2);
  });

  test('a second POST with the same link gets 410 "already used" and onUpload is not called again', async () => {
    await start();
    const entry = await uploadLink();
    expect((await post(entry.token, form(BOM_CSV))).status).toBe(200);
    const again = await post(entry.token, form(Buffer.from('other')));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Ce lien a déjà servi ou a expiré.');
    expect(onUpload).toHaveBeenCalledTimes(1);
  });

  test('two POSTs racing on one link: exactly one is handed on', async () => {
    await start();
    const entry = await uploadLink();
    const statuses = await Promise.all([post(entry.token, form(BOM_CSV)), post(entry.token, form(BOM_CSV))]).then((r) => r.map((x) => x.status));
    expect(statuses.sort()).toEqual([200, 410]);
    expect(onUpload).toHaveBeenCalledTimes(1);
  });

  test('the file name is escaped in the answer page', async () => {
    await start();
    const entry = await uploadLink();
    const html = await (await post(entry.token, form(BOM_CSV, '<img src=x onerror=alert(1)>.csv'))).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(html).not.toContain('<img');
    expect(uploads[0].file.fileName).toBe('<img src=x onerror=alert(1)>.csv');
  });

  test('a file over the cap gets 413 in the page language, nothing is handed on and the link still works', async () => {
    await start();
    const entry = await uploadLink();
    // Just over the cap (parsed then refused) and far over it (refused from Content-Length).
    for (const size of [1025, 3 * 1024 * 1024]) {
      const response = await post(entry.token, form(Buffer.alloc(size, 0x61)));
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('Fichier trop volumineux (limite 1 Ko).');
    }
    expect(onUpload).not.toHaveBeenCalled();
    const exact = Buffer.alloc(1024, 0x62);
    expect((await post(entry.token, form(exact))).status).toBe(200);
    expect(uploads[0].file.bytes.equals(exact)).toBe(true);
  });

  test('the limit is shown in MB in English', async () => {
    await start({ maxUploadBytes: 5 * 1024 * 1024 });
    const entry = await uploadLink('en');
    const response = await post(entry.token, form(Buffer.alloc(5 * 1024 * 1024 + 1)));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('File too large (limit 5 MB).');
    expect(onUpload).not.toHaveBeenCalled();
  });

  test('no file, an empty file, another field name or a non-multipart body get 400 and keep the link', async () => {
    await start();
    const entry = await uploadLink();
    const bodies: RequestInit[] = [
      { body: form(undefined) },
      { body: form(new Uint8Array(0)) },
      { body: form(BOM_CSV, 'contacts.csv', 'document') },
      { body: JSON.stringify({ file: 'x' }), headers: { 'content-type': 'application/json' } },
    ];
    for (const init of bodies) {
      const response = await fetch(`${url}/upload/${entry.token}`, { method: 'POST', ...init });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Aucun fichier reçu.');
    }
    expect(onUpload).not.toHaveBeenCalled();
    expect(await links.get(entry.token, 'upload')).toBeDefined();
  });

  test('an onUpload failure is logged and answered with a 500 page', async () => {
    await start({ onUpload: async () => Promise.reject(new Error('bot unavailable')) });
    const entry = await uploadLink('en');
    const response = await post(entry.token, form(BOM_CSV));
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('The file could not be handed to the bot.');
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  test('a body trickling in slower than the deadline gets 408 and the connection is closed in time', async () => {
    await start();
    const entry = await uploadLink();
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    const started = Date.now();
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      [
        `POST /upload/${entry.token} HTTP/1.1`,
        'Host: 127.0.0.1',
        'Content-Type: multipart/form-data; boundary=XYZ',
        'Content-Length: 500',
        '',
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\n\r\n',
      ].join('\r\n'),
    );
    const trickle = setInterval(() => socket.writable && socket.write('a'), 50);
    await closed;
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('L&#39;envoi a pris trop de temps.');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(onUpload).not.toHaveBeenCalled();
  });
});

describe('through createServer', () => {
  test('/api/messages still parses JSON, uploads stream past the body parser, and close() waits for an upload being handed on', async () => {
    let release!: () => void;
    const handed = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const reachedBot = new Promise<void>((resolve) => (reached = resolve));
    const adapter = {
      process: async (req: restify.Request, res: restify.Response) => {
        res.send(200, { received: req.body });
      },
    } as unknown as CloudAdapter;
    const bot = { idle: async () => undefined } as unknown as ProvisioBot;
    const quiet = pino({ level: 'silent' });
    const onClose = jest.fn(async () => undefined);
    const slowUpload = jest.fn(async (entry: LinkEntry, file: UploadedFile) => {
      uploads.push({ entry, file });
      reached();
      await handed;
    });
    const running = createServer({ adapter, bot, logger: quiet, backend: 'lowdb', onClose, files: deps({ onUpload: slowUpload }) });
    const port = await running.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${port}`;
    close = () => {
      release();
      return running.close();
    };

    const activity = { type: 'message', text: 'aide', channelId: 'test', from: { id: 'u' }, conversation: { id: 'c' } };
    const message = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(await message.json()).toEqual({ received: activity });

    const entry = await uploadLink();
    const upload = post(entry.token, form(BOM_CSV, 'contacts.csv'));
    // A body parser in front of the route would eat the body: the upload would then time out instead.
    await Promise.race([reachedBot, upload.then((r) => Promise.reject(new Error(`upload answered ${r.status} before reaching the bot`)))]);
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
    release();
    expect((await upload).status).toBe(200);
    await closing;
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(uploads[0].file.bytes.equals(BOM_CSV)).toBe(true);
  });
});
