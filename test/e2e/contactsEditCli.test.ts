import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type Run } from '../helpers/cli';

const FILLED = path.join(__dirname, '../../../shared/fixtures/csv/webex-contacts-template-filled.csv');

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-contacts-edit-cli-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]): Run => runCli(dataDir, args);

describe('contacts add', () => {
  test('--json prints the stored contact (E.164 numbers, list names) and exits 0', () => {
    expect(cli('lists', 'create', 'Suppliers', '--json').code).toBe(0);
    const run = cli('contacts', 'add', '--name', 'Jean Dupont', '--phone', '06 12 34 56 78:mobile', '--phone', '4021:work_extension', '--email', 'jean@acme.fr', '--company', 'ACME', '--city', 'Lyon', '--list', 'Suppliers', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({
      displayName: 'Jean Dupont',
      phoneNumbers: [
        { value: '+33612345678', type: 'mobile' },
        { value: '4021', type: 'work_extension' },
      ],
      email: 'jean@acme.fr',
      companyName: 'ACME',
      address: { city: 'Lyon' },
      lists: ['Suppliers'],
      warnings: [],
    });
    expect(run.json.id).toEqual(expect.any(String));
  });

  test('a number without a type is a work number', () => {
    expect(cli('contacts', 'add', '--name', 'Desk', '--phone', '+33 1 23 45 67 89', '--json').json.phoneNumbers).toEqual([{ value: '+33123456789', type: 'work' }]);
  });

  test('broken rules exit 1 with every import message, in JSON with their field and code; nothing is written', () => {
    const run = cli('contacts', 'add', '--name', ' ', '--phone', '3,36E+10', '--email', 'nope', '--json');
    expect(run.code).toBe(1);
    expect(run.json.error.code).toBe('invalid_contact');
    expect(run.json.error.issues.map((i: { field: string; code: string }) => [i.field, i.code])).toEqual([
      ['displayName', 'display_name_required'],
      ['phone1', 'phone_scientific_notation'],
      ['email', 'email_invalid'],
    ]);
    expect(run.json.error.issues[2].message).toBe('"nope" in "E-mail" is not a valid e-mail address (expected something like name@company.com).');
    expect(cli('contacts', 'search', 'nope', '--json').json.total).toBe(0);
    expect(cli('audit', '--json').json).toEqual([]);
  });

  test('in French by default (DEFAULT_LOCALE), on stderr without --json', () => {
    const run = runCli(dataDir, ['contacts', 'add', '--name', 'A', '--email', 'nope'], { DEFAULT_LOCALE: 'fr' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Erreur : « nope » dans « E-mail » n'est pas une adresse e-mail valide (attendu : nom@entreprise.fr).\n");
  });

  test('an existing contact (same e-mail) is refused, naming it; an unknown list too', () => {
    cli('contacts', 'add', '--name', 'Jean Dupont', '--email', 'jean@acme.fr');
    const twin = cli('contacts', 'add', '--name', 'J. Dupont', '--email', 'JEAN@acme.fr', '--json');
    expect(twin.code).toBe(1);
    expect(twin.json.error.issues).toEqual([expect.objectContaining({ code: 'contact_exists', message: expect.stringContaining('"Jean Dupont"') })]);
    const unknown = cli('contacts', 'add', '--name', 'Ada', '--email', 'ada@acme.fr', '--list', 'Partners', '--json');
    expect(unknown.json.error.issues).toEqual([expect.objectContaining({ field: 'group1', code: 'unknown_group', message: expect.stringContaining('"Partners" ("Group ID 1")') })]);
  });

  test('more than 5 numbers is a usage error (exit 2) before anything is opened', () => {
    const phones = ['1', '2', '3', '4', '5', '6'].flatMap((n) => ['--phone', `010203040${n}`]);
    const run = cli('contacts', 'add', '--name', 'A', ...phones);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/at most 5 numbers/);
  });
});

describe('contacts search and delete', () => {
  beforeEach(() => {
    expect(cli('contacts', 'import', FILLED).code).toBe(0);
  });

  test('search --json pages the matches by display name', () => {
    const run = cli('contacts', 'search', 'fournisseur', '--page-size', '3', '--page', '2', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ total: 8, page: 2, pages: 3 });
    expect(run.json.contacts.map((c: { displayName: string }) => c.displayName)).toEqual(['fournisseur 4', 'fournisseur 5', 'fournisseur 6']);
  });

  test('search by number digits', () => {
    const found = cli('contacts', 'search', '01 23 45 67 01', '--json').json.contacts;
    expect(found.map((c: { displayName: string }) => c.displayName)).toEqual(['fournisseur 1']);
  });

  test('a bad --page is a usage error', () => {
    expect(cli('contacts', 'search', 'x', '--page', 'two').code).toBe(2);
  });

  test('delete needs --yes and names the contacts; with it, deletes them and says which ids were unknown (exit 1)', () => {
    const [a, b] = cli('contacts', 'search', 'fournisseur', '--json').json.contacts.map((c: { id: string }) => c.id);
    const unconfirmed = cli('contacts', 'delete', '--id', a, '--id', b);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toBe('Deleting fournisseur 1, fournisseur 2 is irreversible: add --yes to confirm.\n');
    expect(cli('contacts', 'search', 'fournisseur', '--json').json.total).toBe(8);

    const run = cli('contacts', 'delete', '--id', a, '--id', b, '--yes', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ deleted: [{ id: a, displayName: 'fournisseur 1' }, { id: b, displayName: 'fournisseur 2' }], missing: [] });
    expect(cli('contacts', 'search', 'fournisseur', '--json').json.total).toBe(6);

    const again = cli('contacts', 'delete', '--id', a, '--yes', '--json');
    expect(again.code).toBe(1);
    expect(again.json).toEqual({ deleted: [], missing: [a] });
  });
});

describe('lists', () => {
  test('create, add two contacts, show: the members by name, and the export writes the list id back', () => {
    cli('contacts', 'import', FILLED);
    const list = cli('lists', 'create', 'Suppliers', '--description', 'Our suppliers', '--json').json;
    expect(list).toMatchObject({ name: 'Suppliers', description: 'Our suppliers', members: [] });
    const [a, b] = cli('contacts', 'search', 'fournisseur', '--json').json.contacts.map((c: { id: string }) => c.id);

    const added = cli('lists', 'add', 'suppliers', '--contact', a, '--contact', b, '--json');
    expect(added.code).toBe(0);
    expect(added.json).toMatchObject({ added: [a, b], removed: [] });
    const shown = cli('lists', 'show', 'Suppliers', '--json');
    expect(shown.json.members.map((c: { displayName: string; lists: string[] }) => [c.displayName, c.lists])).toEqual([
      ['fournisseur 1', ['Suppliers']],
      ['fournisseur 2', ['Suppliers']],
    ]);
    const exported = cli('contacts', 'export').stdout;
    expect(exported.split('\r\n').filter((line) => line.includes(list.id))).toHaveLength(2);
    expect(cli('lists', 'all', '--json').json).toMatchObject([{ name: 'Suppliers', members: 2 }]);
  });

  test('a taken name, an unknown list and an unknown contact exit 1 with their message', () => {
    cli('lists', 'create', 'VIP');
    const taken = cli('lists', 'create', 'vip', '--json');
    expect([taken.code, taken.json.error.code]).toEqual([1, 'list_name_taken']);
    expect(cli('lists', 'show', 'Nope').stderr).toBe('Error: There is no distribution list "Nope". Type "lists" to see them, or give the exact name or the id of a list.\n');
    const unknown = cli('lists', 'add', 'VIP', '--contact', 'gone', '--json');
    expect([unknown.code, unknown.json.error.code]).toEqual([1, 'contact_not_found']);
  });

  test('rename, remove and delete (with --yes); the members stay contacts', () => {
    const id = cli('contacts', 'add', '--name', 'Ada', '--email', 'ada@acme.fr', '--json').json.id;
    cli('lists', 'create', 'VIP');
    cli('lists', 'add', 'VIP', '--contact', id);
    expect(cli('lists', 'rename', 'VIP', 'Clients VIP', '--json').json.name).toBe('Clients VIP');
    expect(cli('lists', 'remove', 'clients vip', '--contact', id, '--json').json).toMatchObject({ added: [], removed: [id] });
    cli('lists', 'add', 'Clients VIP', '--contact', id);
    expect(cli('lists', 'delete', 'Clients VIP').code).toBe(2);
    expect(cli('lists', 'delete', 'Clients VIP', '--yes', '--json').json).toMatchObject({ deleted: { name: 'Clients VIP' }, members: 1 });
    expect(cli('contacts', 'search', 'ada', '--json').json.contacts).toEqual([expect.objectContaining({ id, lists: [] })]);
  });
});
