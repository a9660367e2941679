import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { UPLOAD_EVENT } from '../../../dialogs/base/incomingFile';
import { ImportContactsDialog } from '../../../dialogs/imports/importContactsDialog';
import { validateCard } from '../../helpers/cardSchema';
import { buttonData, cardOf, HARNESS_BASE_URL, linkUrl, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';

const SHARED = path.join(__dirname, '../../../../shared/fixtures/csv');
const OWN = path.join(__dirname, '../../fixtures/csv');
const FILLED = fs.readFileSync(path.join(SHARED, 'webex-contacts-template-filled.csv'));
const ROW_ERRORS = fs.readFileSync(path.join(OWN, 'webex-row-errors.csv'));

/** A loopback server standing in for a chat client's file storage; it counts what it serves. */
let files: http.Server;
let served: string[] = [];
const bodies = new Map<string, Buffer>();
beforeAll(async () => {
  files = http.createServer((req, res) => {
    served.push(req.url!);
    const body = bodies.get(req.url!);
    res.statusCode = body ? 200 : 404;
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => files.close(resolve)));
beforeEach(() => (served = []));

function attachment(name: string, bytes: Buffer): Partial<Activity> {
  const url = `/${name}`;
  bodies.set(url, bytes);
  return { attachments: [{ contentType: 'text/csv', name, contentUrl: `http://127.0.0.1:${(files.address() as AddressInfo).port}${url}` }] };
}

/** The bytes behind a download link the bot gave (no HTTP server in dialog tests: read from its store). */
async function download(h: Harness, url: string): Promise<string> {
  const token = url.slice(`${HARNESS_BASE_URL}/files/`.length);
  const file = await h.services.links.read(token, 'download');
  return file!.bytes.toString('utf8');
}

const cardsOf = (replies: Partial<Activity>[]) => replies.map(cardOf).filter(Boolean);

describe('contacts import in the chat (seeds 000 and 001)', () => {
  test('asking to import shows how to send the file, an upload link and the template; every card is valid', async () => {
    const h = await openHarness('fr-FR');
    const replies = await h.say('importer des contacts');
    expect(visibleText(replies)).toContain('Envoyez-moi le fichier de contacts');
    expect(linkUrl(replies, /Envoyer un fichier/)).toMatch(new RegExp(`^${HARNESS_BASE_URL}/upload/[A-Za-z0-9_-]{32}$`));
    expect(await download(h, linkUrl(replies, /modèle/))).toMatch(/^\uFEFFDisplay Name,Contact UUID,/);
    for (const card of cardsOf(replies)) expect(validateCard(card)).toEqual([]);
  });

  test('an attachment gets a preview with counts; Import writes them and the result card says so', async () => {
    const h = await openHarness('fr-FR');
    const preview = await h.send(attachment('fournisseurs.csv', FILLED));
    const text = visibleText(preview);
    expect(text).toContain('Aperçu de fournisseurs.csv');
    expect(text).toMatch(/À créer\n8/);
    expect(text).toContain('Modèle de contacts Webex');
    expect(await h.directory.listContacts()).toEqual([]);

    const result = await h.say(buttonData(preview, /^Importer$/));
    const done = visibleText(result);
    expect(done).toContain('Import terminé');
    expect(done).toMatch(/Créés\n8[\s\S]*Erreurs\n0/);
    expect(done).toContain('Julien Rouchon');
    expect(result[0].type).toBe('typing');
    expect((await h.directory.listContacts()).map((c) => c.displayName)).toContain('fournisseur 1');
    const [job] = await h.directory.listImportJobs();
    expect(job).toMatchObject({ status: 'done', fileName: 'fournisseurs.csv', by: 'Julien Rouchon', counts: { created: 8 } });
    expect(done).toContain(job.id.slice(0, 8));
    for (const card of cardsOf([...preview, ...result])) expect(validateCard(card)).toEqual([]);
  });

  test('row errors: the preview lists the first 10 with line and column, and links the error file; the fixed file imports', async () => {
    const h = await openHarness('en-US');
    const preview = await h.send(attachment('errors.csv', ROW_ERRORS));
    const text = visibleText(preview);
    expect(text).toMatch(/First 10 errors of \d+:/);
    expect(text).toMatch(/Line 6, Display Name: "Display Name" is empty/);
    const errorFile = await download(h, linkUrl(preview, /Download errors/));
    expect(errorFile.split('\r\n')[0]).toMatch(/,Comments$/);

    const result = await h.say(buttonData(preview, /^Import$/));
    expect(visibleText(result)).toContain('Import finished, with errors');
    const errors = await download(h, linkUrl(result, /Download the error file/));
    const [header, first] = errors.replace(/^\uFEFF/, '').split('\r\n');
    const fixed = `${header}\r\n${first.replace(/^,/, 'Now Named,')}\r\n`;
    const again = await h.send(attachment('errors-fixed.csv', Buffer.from(fixed)));
    expect(visibleText(again)).toMatch(/To create\n1/);
    expect(visibleText(await h.say(buttonData(again, /^Import$/)))).toMatch(/Created\n1[\s\S]*Errors\n0/);
  });

  test('pasted CSV lines are a file too', async () => {
    const h = await openHarness('en-US');
    await h.say('import contacts');
    const preview = await h.say('Display Name,Phone Number 1,Phone Number 1 Type\nPasted One,01 23 45 67 01,work');
    expect(visibleText(preview)).toMatch(/To create\n1/);
    await h.say(buttonData(preview, /^Import$/));
    expect((await h.directory.listContacts()).map((c) => c.displayName)).toEqual(['Pasted One']);
  });

  test('a double click on Import imports once, and says so', async () => {
    const h = await openHarness('en-US');
    const preview = await h.send(attachment('twice.csv', FILLED));
    const click = buttonData(preview, /^Import$/);
    await h.say(click);
    expect(visibleText(await h.say(click))).toContain('already been imported');
    expect(await h.directory.listImportJobs()).toHaveLength(1);
    expect(await h.directory.listContacts()).toHaveLength(8);
  });

  test('a host that is not allowed is refused without any request to it', async () => {
    const h = await openHarness('en-US');
    const replies = await h.send({ attachments: [{ contentType: 'text/csv', name: 'x.csv', contentUrl: 'https://files.evil.example/x.csv' }] });
    expect(visibleText(replies)).toContain('I do not download files from files.evil.example');
    expect(visibleText(replies)).toContain('Send me the contacts file');
    expect(await h.directory.listImportJobs()).toEqual([]);
  });

  test('a refused file says what is wrong and how to fix it, and waits for another', async () => {
    const h = await openHarness('fr-FR');
    const replies = await h.send(attachment('vide.csv', Buffer.from('')));
    expect(visibleText(replies)).toContain("Le fichier est vide. Enregistrez votre tableur au format CSV UTF-8 ou .xlsx");
    expect(visibleText(replies)).toContain("Rien n'a été importé.");
    expect(visibleText(await h.say('bonjour'))).toContain("J'attends le fichier de contacts");
  });

  test('Cancel at the preview writes nothing and forgets the file', async () => {
    const h = await openHarness('en-US');
    const preview = await h.send(attachment('cancel.csv', FILLED));
    const importClick = buttonData(preview, /^Import$/);
    expect(visibleText(await h.say(buttonData(preview, /^Cancel$/)))).toContain('Cancelled');
    expect(visibleText(await h.say(importClick))).toContain('already been imported or has expired');
    expect(await h.directory.listContacts()).toEqual([]);
  });

  test('one import at a time per org: a second admin is told who started the running one', async () => {
    const h = await openHarness('en-US');
    await h.directory.createImportJob({ kind: 'contacts', by: 'Claire Dubois', fileName: 'big.csv' });
    const preview = await h.send(attachment('mine.csv', FILLED));
    const replies = await h.say(buttonData(preview, /^Import$/));
    expect(visibleText(replies)).toMatch(/An import is already running, started by Claire Dubois at .+UTC/);
    expect(await h.directory.listContacts()).toEqual([]);
  });

  test('a file that arrived through the upload link goes on to its preview by itself', async () => {
    const h = await openHarness('en-US');
    const token = await h.services.files.keep('msteams/convo1', FILLED, 'uploaded.csv');
    const replies = await h.send({ type: 'event', name: UPLOAD_EVENT, value: { token, fileName: 'uploaded.csv' }, conversation: { id: 'convo1' } as never });
    expect(visibleText(replies)).toContain('Preview of uploaded.csv');
  });

  test('a file with nothing new says there is nothing to import, without an Import button', async () => {
    const h = await openHarness('en-US');
    await h.say(buttonData(await h.send(attachment('a.csv', FILLED)), /^Import$/));
    const again = await h.send(attachment('a.csv', FILLED));
    expect(visibleText(again)).toContain('there is nothing to import');
    expect(() => buttonData(again, /^Import$/)).toThrow();
  });
});

describe('a long import', () => {
  test('shows typing, then says every few seconds that it is still running', async () => {
    const h = await openHarness('en-US');
    const apply = h.directory.applyContactChanges.bind(h.directory);
    jest.spyOn(h.directory, 'applyContactChanges').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 130));
      return apply(...args);
    });
    const client = new DialogTestClient('msteams', new ImportContactsDialog(h.services, 40));
    const from = { id: 'admin-1', name: 'Julien Rouchon' };
    const file = { kind: 'text', text: FILLED.toString('utf8'), fileName: 'slow.csv' };
    const replies: Partial<Activity>[] = [];
    const collect = async (first: Promise<Partial<Activity>>) => {
      replies.length = 0;
      let reply: Partial<Activity> | undefined = await first;
      while (reply) {
        replies.push(reply);
        reply = client.getNextReply();
      }
      return replies;
    };
    await client.sendActivity({ type: 'message', text: '', from, locale: 'en-US' });
    // The dialog began with no file: give it the pasted lines.
    const preview = await collect(client.sendActivity({ type: 'message', text: file.text, from, locale: 'en-US' }));
    const done = await collect(client.sendActivity({ type: 'message', value: buttonData(preview, /^Import$/), from, locale: 'en-US' }));
    expect(done[0].type).toBe('typing');
    expect(done.filter((r) => /^Still importing… \(\d+ s\)$/.test(r.text ?? '')).length).toBeGreaterThanOrEqual(2);
    expect(visibleText(done)).toContain('Import finished');
  });
});

describe('the contacts menu', () => {
  test('an admin gets import, template, export and the last imports', async () => {
    const h = await openHarness('fr-FR');
    const menu = await h.say('contacts');
    expect(visibleText(menu)).toContain("0 contacts dans l'annuaire.");
    await h.say(buttonData(await h.send(attachment('f.csv', FILLED)), /^Importer$/));

    const exported = await h.say(buttonData(menu, /Exporter/));
    expect(visibleText(exported)).toContain('Export de 8 contacts prêt');
    expect((await download(h, linkUrl(exported, /Télécharger/))).split('\r\n')).toHaveLength(10);

    const history = visibleText(await h.say(buttonData(menu, /Derniers imports/)));
    expect(history).toMatch(/f\.csv par Julien Rouchon : terminé \(8 créés, 0 modifiés, 0 inchangés, 0 erreurs\)/);
    for (const card of cardsOf([...menu, ...exported])) expect(validateCard(card)).toEqual([]);
  });
});
