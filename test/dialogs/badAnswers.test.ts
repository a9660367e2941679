import fs from 'node:fs';
import path from 'node:path';
import { openHarness, visibleText, type Harness } from '../helpers/dialogHarness';

/**
 * Every prompt of every flow, given answers a person could type by mistake:
 * each gets a message saying what is expected, the flow keeps waiting (the
 * right answer still works), and nothing is written.
 */
const BAD = ['', '   ', '???', '<script>alert(1)</script>', '🙂🙂', 'x'.repeat(5000), '0', "'; DROP TABLE users; --"];

/** An answer that needs the directory: a card click carrying a contact id. */
type Step = string | ((h: Harness) => Promise<Record<string, unknown>>);

interface PromptCase {
  name: string;
  /** Answers that lead to the prompt, the first one starting the flow. */
  path: Step[];
  /** Contacts the flow works on. */
  seed?: (h: Harness) => Promise<void>;
  /** What the reply to a bad answer must say (the prompt's own hint). */
  expected: RegExp;
  /** A good answer, to prove the flow is still waiting at that prompt. */
  good: string;
  /** What the good answer leads to. */
  next: RegExp;
}

const seedJean = async (h: Harness) => {
  const saved = await h.services.contactEditing.add({ displayName: 'Jean Dupont', email: 'jean.dupont@acme.fr' }, { actor: { id: 't', name: 'Test', role: 'admin' }, flow: 'test' });
  if (!saved.ok) throw new Error('seed refused');
};
const jeanId = async (h: Harness) => (await h.directory.listContacts())[0].id;
const editJean = (field?: string) => async (h: Harness) => ({ action: 'contacts', do: 'edit', id: await jeanId(h), ...(field ? { field } : {}) });

const FILLED = fs.readFileSync(path.join(__dirname, '../../../shared/fixtures/csv/webex-contacts-template-filled.csv'), 'utf8');

const cases: PromptCase[] = [
  { name: 'add user: name and e-mail', path: ['add user'], expected: /I need a first name, a last name and an e-mail address|not a valid e-mail/, good: 'Ada Lovelace ada@example.com', next: /Which licence/ },
  { name: 'add user: licences', path: ['add user', 'Ada Lovelace ada@example.com'], expected: /There is no licence|Choose at least one licence/, good: 'Webex Suite', next: /Which location/ },
  { name: 'add user: location', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite'], expected: /There is no location/, good: 'IT division', next: /Number for IT division/ },
  { name: 'add user: number', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite', 'IT division'], expected: /is not a phone number I can read|is not a free number/, good: '+33 6 34 33 32 15', next: /Extension\? I suggest 3215/ },
  { name: 'add user: extension', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite', 'IT division', '+33 6 34 33 32 15'], expected: /An extension holds digits only/, good: '3215', next: /Summary — new user/ },
  { name: 'add user: confirmation', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Meetings'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /User Ada Lovelace created/ },
  { name: 'assign a number: which user', path: ['assign a number'], expected: /No user matches|users match|The search holds \d+ characters; at most 255/, good: 'j.rouchon@sandbox.example', next: /Current assignment/ },
  { name: 'delete a user: which user', path: ['delete user'], expected: /No user matches|users match|The search holds \d+ characters; at most 255/, good: 'toto.titi@sandbox.example', next: /Delete Toto Titi\?/ },
  { name: 'delete a user: confirmation', path: ['delete user', 'toto.titi@sandbox.example'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /User Toto Titi deleted/ },
  { name: 'import contacts: the file', path: ['import contacts'], expected: /I am waiting for the contacts file|is empty|is neither CSV text|not a header I know/, good: FILLED, next: /Preview of contacts\.csv/ },
  { name: 'add a contact: a detail', path: ['add contact', 'Jean Dupont'], expected: /I did not understand|"Phone type 1" is empty/, good: 'jean@example.com', next: /✓ E-mail: jean@example\.com/ },
  { name: 'add a contact: the summary', path: ['add contact', 'Jean Dupont', 'jean@example.com', 'done'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /Contact Jean Dupont created/ },
  { name: 'search contacts: the query', seed: seedJean, path: ['search'], expected: /No contact matches|Which contact\?|The search holds \d+ characters; at most 255/, good: 'dupont', next: /One contact matches "dupont"/ },
  { name: 'edit a contact: the field', seed: seedJean, path: [editJean()], expected: /Choose a field on the card, or type its name/, good: 'title', next: /New value for "Title"/ },
  { name: 'edit a contact: the value', seed: seedJean, path: [editJean('email')], expected: /is not a valid e-mail address|New value for "E-mail"/, good: 'jean@globex.fr', next: /Change Jean Dupont\?/ },
  { name: 'edit a contact: the confirmation', seed: seedJean, path: [editJean('email'), 'jean@globex.fr'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /Contact Jean Dupont updated/ },
  { name: 'delete contacts: which', seed: seedJean, path: ['delete contacts'], expected: /No contact matches|Which contact\?|The search holds \d+ characters; at most 255/, good: 'dupont', next: /Tick the contacts to delete/ },
  { name: 'delete contacts: the confirmation', seed: seedJean, path: [async (h) => ({ action: 'contacts', do: 'delete', ids: await jeanId(h) })], expected: /Click Delete to confirm, or Cancel/, good: 'yes', next: /Deleted: Jean Dupont/ },
  { name: 'import contacts: the decision', path: ['import contacts', FILLED], expected: /Answer the question above, or type "cancel"/, good: 'import', next: /Import finished/ },
];

describe.each(cases)('bad answers at every prompt: $name', ({ path: steps, seed, expected, good, next }) => {
  test.each(BAD.map((bad) => [JSON.stringify(bad.length > 40 ? `${bad.slice(0, 20)}…(${bad.length})` : bad), bad]))(
    '%s gets a clear message, nothing is written, and the prompt still waits',
    async (_label, bad) => {
      const h = await openHarness('en-US');
      await seed?.(h);
      for (const answer of steps) await h.say(typeof answer === 'string' ? answer : await answer(h));
      const audit = await h.directory.listAudit();
      const contacts = await h.directory.listContacts();
      const replies = visibleText(await h.say(bad));
      // A blank answer may just repeat the question; anything else must say what is expected.
      if (bad.trim()) expect(replies).toMatch(expected);
      expect(replies).not.toMatch(/something went wrong|undefined|\[object/);
      expect(await h.directory.listAudit()).toEqual(audit);
      expect(await h.directory.listContacts()).toEqual(contacts);
      expect(visibleText(await h.say(good))).toMatch(next);
    },
  );
});
