import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { validateCard } from '../../helpers/cardSchema';
import { buttonData, cardOf, HARNESS_BASE_URL, linkUrl, openHarness, visibleText, type Harness } from '../../helpers/dialogHarness';

const HEADER = 'User ID/Email (Required),First Name,Last Name,Display Name,Location,Phone Number,Extension,Webex Suite,Webex Calling — Professional,Webex Meetings';
const FILE = [HEADER, 'ada@example.com,Ada,Lovelace,,IT division,+33634333216,,TRUE,,', 'toto.titi@sandbox.example,,,,,,,,,FALSE', 'bad@example.com,Bad,Row,,Mars,,1234,TRUE,,'].join('\r\n');

/** A loopback server standing in for a chat client's file storage. */
let files: http.Server;
beforeAll(async () => {
  files = http.createServer((_req, res) => res.end(FILE));
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => files.close(resolve)));

const attachment = (): Partial<Activity> => ({
  attachments: [{ contentType: 'text/csv', name: 'users.csv', contentUrl: `http://127.0.0.1:${(files.address() as AddressInfo).port}/users.csv` }],
});

async function download(h: Harness, url: string): Promise<string> {
  const file = await h.services.links.read(url.slice(`${HARNESS_BASE_URL}/files/`.length), 'download');
  return file!.bytes.toString('utf8');
}

const cardsOf = (replies: Partial<Activity>[]) => replies.map(cardOf).filter(Boolean);

describe('users import in the chat (seed 003)', () => {
  test('asking to import users offers the template and an export to edit, both in the users CSV', async () => {
    const h = await openHarness('fr-FR');
    const replies = await h.say('importer des utilisateurs');
    expect(visibleText(replies)).toContain('Envoyez-moi le fichier des utilisateurs');
    expect(await download(h, linkUrl(replies, /modèle/))).toMatch(/^\uFEFFUser ID\/Email \(Required\),First Name,/);
    const exported = await download(h, linkUrl(replies, /Exporter les utilisateurs/));
    expect(exported).toContain('toto.titi@sandbox.example');
    for (const card of cardsOf(replies)) expect(validateCard(card)).toEqual([]);
  });

  test('pasted lines → the mode is asked → the preview says it → Import applies it; the result suggests invitations', async () => {
    const h = await openHarness('fr-FR');
    await h.say('importer des utilisateurs');
    const modeQuestion = await h.say(FILE);
    expect(visibleText(modeQuestion)).toContain('Comment lire les colonnes de licences ?');
    const preview = await h.say(buttonData(modeQuestion, /^Ajouter et supprimer des services$/));
    const text = visibleText(preview);
    expect(text).toMatch(/Mode\nAjouter et supprimer des services/);
    expect(text).toContain('CSV des utilisateurs Control Hub');
    expect(text).toMatch(/À créer\n1[\s\S]*À modifier\n1[\s\S]*Rejetés \(erreurs\)\n1/);
    expect(text).toContain("Il n'y a pas d'emplacement « Mars »");
    expect(await h.directory.findUserByEmail('ada@example.com')).toBeUndefined();

    const result = await h.say(buttonData(preview, /^Importer$/));
    expect(visibleText(result)).toMatch(/Créés\n1[\s\S]*Modifiés\n1[\s\S]*Erreurs\n1/);
    expect(visibleText(result)).toContain('envoyer les invitations');
    expect(await h.directory.findUserByEmail('ada@example.com')).toMatchObject({ status: 'pending', extension: '3216' });
    expect((await h.directory.findUserByEmail('toto.titi@sandbox.example'))?.licenseIds).toEqual([]);
    expect((await h.directory.listImportJobs())[0]).toMatchObject({ kind: 'users', status: 'done' });
    for (const card of cardsOf([...modeQuestion, ...preview, ...result])) expect(validateCard(card)).toEqual([]);
  });

  test('a typed mode works, and an answer that is no mode asks again', async () => {
    const h = await openHarness('en-US');
    await h.say('import users');
    await h.say(FILE);
    expect(visibleText(await h.say('maybe'))).toContain('Click one of the two modes');
    expect(visibleText(await h.say('add'))).toMatch(/Mode\nAdd services only/);
  });

  test('a file attached while the users import waits for one goes to the users import, not the contacts one', async () => {
    const h = await openHarness('en-US');
    await h.say('import users');
    const replies = await h.send(attachment());
    expect(visibleText(replies)).toContain('How should the licence columns be read?');
  });

  test('a file attached outside any flow still goes to the contacts import, which points a users file to the users import', async () => {
    const h = await openHarness('en-US');
    const replies = await h.send(attachment());
    expect(visibleText(replies)).toContain('This is a users file');
  });
});
