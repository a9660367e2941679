import fs from 'node:fs';
import path from 'node:path';
import { openHarness, visibleText } from '../helpers/dialogHarness';

/**
 * Every prompt of every flow, given answers a person could type by mistake:
 * each gets a message saying what is expected, the flow keeps waiting (the
 * right answer still works), and nothing is written.
 */
const BAD = ['', '   ', '???', '<script>alert(1)</script>', '🙂🙂', 'x'.repeat(5000), '0', "'; DROP TABLE users; --"];

interface PromptCase {
  name: string;
  /** Answers that lead to the prompt, the first one starting the flow. */
  path: string[];
  /** What the reply to a bad answer must say (the prompt's own hint). */
  expected: RegExp;
  /** A good answer, to prove the flow is still waiting at that prompt. */
  good: string;
  /** What the good answer leads to. */
  next: RegExp;
}

const FILLED = fs.readFileSync(path.join(__dirname, '../../../shared/fixtures/csv/webex-contacts-template-filled.csv'), 'utf8');

const cases: PromptCase[] = [
  { name: 'add user: name and e-mail', path: ['add user'], expected: /I need a first name, a last name and an e-mail address|not a valid e-mail/, good: 'Ada Lovelace ada@example.com', next: /Which licence/ },
  { name: 'add user: licences', path: ['add user', 'Ada Lovelace ada@example.com'], expected: /There is no licence|Choose at least one licence/, good: 'Webex Suite', next: /Which location/ },
  { name: 'add user: location', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite'], expected: /There is no location/, good: 'IT division', next: /Number for IT division/ },
  { name: 'add user: number', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite', 'IT division'], expected: /is not a phone number I can read|is not a free number/, good: '+33 6 34 33 32 15', next: /Extension\? I suggest 3215/ },
  { name: 'add user: extension', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Suite', 'IT division', '+33 6 34 33 32 15'], expected: /An extension holds digits only/, good: '3215', next: /Summary — new user/ },
  { name: 'add user: confirmation', path: ['add user', 'Ada Lovelace ada@example.com', 'Webex Meetings'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /User Ada Lovelace created/ },
  { name: 'assign a number: which user', path: ['assign a number'], expected: /No user matches|users match/, good: 'j.rouchon@sandbox.example', next: /Current assignment/ },
  { name: 'delete a user: which user', path: ['delete user'], expected: /No user matches|users match/, good: 'toto.titi@sandbox.example', next: /Delete Toto Titi\?/ },
  { name: 'delete a user: confirmation', path: ['delete user', 'toto.titi@sandbox.example'], expected: /Answer the question above, or type "cancel"/, good: 'yes', next: /User Toto Titi deleted/ },
  { name: 'import contacts: the file', path: ['import contacts'], expected: /I am waiting for the contacts file|is empty|is neither CSV text|not a header I know/, good: FILLED, next: /Preview of contacts\.csv/ },
  { name: 'import contacts: the decision', path: ['import contacts', FILLED], expected: /Answer the question above, or type "cancel"/, good: 'import', next: /Import finished/ },
];

describe.each(cases)('bad answers at every prompt: $name', ({ path: steps, expected, good, next }) => {
  test.each(BAD.map((bad) => [JSON.stringify(bad.length > 40 ? `${bad.slice(0, 20)}…(${bad.length})` : bad), bad]))(
    '%s gets a clear message, nothing is written, and the prompt still waits',
    async (_label, bad) => {
      const h = await openHarness('en-US');
      for (const answer of steps) await h.say(answer);
      const audit = await h.directory.listAudit();
      const replies = visibleText(await h.say(bad));
      // A blank answer may just repeat the question; anything else must say what is expected.
      if (bad.trim()) expect(replies).toMatch(expected);
      expect(replies).not.toMatch(/something went wrong|undefined|\[object/);
      expect(await h.directory.listAudit()).toEqual(audit);
      expect(await h.directory.listContacts()).toEqual([]);
      expect(visibleText(await h.say(good))).toMatch(next);
    },
  );
});
