import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { send, startBot, type BotProcess } from '../helpers/botProcess';
import { runCli } from '../helpers/cli';
import { visibleText } from '../helpers/visibleText';

/**
 * Load: 50 conversations × 20 turns at once over HTTP against the built bot.
 * Each conversation adds its own user (name and e-mail carry its number), so
 * state mixed between conversations shows in the replies and in the directory.
 */
const CONVERSATIONS = 50;
const TURNS = 20;

const MENU = 'Que voulez-vous faire ?';
const ASK_IDENTITY = 'Prénom, nom et adresse e-mail du nouvel utilisateur';
const FLOW_HELP = 'Répondez à la question ci-dessus';
const CANCELLED = "Annulé. Rien n'a été modifié.";

interface Turn {
  say: string;
  expect: string[];
}

const turn = (say: string, ...expect: string[]): Turn => ({ say, expect });
const tagOf = (i: number) => `Load${String(i).padStart(3, '0')}`;
const emailOf = (i: number) => `${tagOf(i).toLowerCase()}@example.com`;
/** 10 conversations take Webex Suite (12 units left in the seed), the 40 others Webex Meetings (49 left). */
const isCalling = (i: number) => i % 5 === 4;
const extensionOf = (i: number) => `5${String(i).padStart(3, '0')}`;

/** Conversation i's 20 turns: add its user (changing the name on the way), find it by name and by e-mail, help between. */
function script(i: number): Turn[] {
  const tag = tagOf(i);
  const email = emailOf(i);
  const licence = isCalling(i)
    ? [
        turn('Webex Suite', 'Emplacement ?'),
        turn('IT division', "Numéro de l'emplacement IT division"),
        turn('aucun', 'Numéro interne ?'),
        turn(extensionOf(i), 'Récapitulatif', email, extensionOf(i)),
      ]
    : [turn('Webex Meetings', 'Récapitulatif', email)];
  const turns = [
    turn('aide', MENU),
    turn('ajouter un utilisateur', ASK_IDENTITY),
    turn(`Prénom ${tag} ${email}`, 'Quelle(s) licence(s)'),
    ...licence,
    turn('aide', FLOW_HELP, 'Récapitulatif', `Prénom ${tag}`, email),
    turn('modifier', 'Que voulez-vous modifier ?'),
    turn('nom', ASK_IDENTITY),
    turn(`Autre ${tag} ${email}`, 'Récapitulatif', `Autre ${tag}`, email),
    turn('oui', `Utilisateur Autre ${tag} créé`),
    turn(`supprimer un utilisateur ${tag}`, `Supprimer Autre ${tag} ?`, email),
    turn('aide', FLOW_HELP, `Supprimer Autre ${tag} ?`),
    turn('annuler', CANCELLED),
    turn('ajouter un utilisateur', ASK_IDENTITY),
    turn(`Prénom ${tag} ${email}`, `${email} est déjà utilisée par Autre ${tag}`),
    turn('annuler', CANCELLED),
    turn(`supprimer un utilisateur ${email}`, `Supprimer Autre ${tag} ?`),
    turn('annuler', CANCELLED),
  ];
  while (turns.length < TURNS) turns.push(turn(turns.length % 2 ? 'help' : 'aide', MENU));
  return turns;
}

/** What is wrong with conversation i's reply to one turn, or undefined. */
function checkTurn(i: number, expected: Turn, status: number, activities: any[]): string | undefined {
  if (status !== 200) return `HTTP ${status}`;
  // Everything the bot sent back, its state traces included, may only name this conversation's own user.
  const foreign = [...JSON.stringify(activities).matchAll(/load(\d{3})/gi)].map((m) => Number(m[1])).filter((n) => n !== i);
  if (foreign.length) return `mentions another conversation's user: ${[...new Set(foreign)].map(tagOf).join(', ')}`;
  const shown = visibleText(activities.filter((a) => a.type === 'message'));
  const missing = expected.expect.filter((text) => !shown.includes(text));
  if (missing.length) return `expected ${JSON.stringify(missing)}, got ${JSON.stringify(shown.slice(0, 300))}`;
  return undefined;
}


interface Outcome {
  statuses: number[];
  /** The first problem of the conversation; it stops there (later turns would only repeat it). */
  problem?: string;
}

async function converse(url: string, i: number): Promise<Outcome> {
  const statuses: number[] = [];
  const conversation = `load-${i}`;
  const from = { id: `admin-${i}`, name: `Admin ${i}` };
  for (const [n, expected] of script(i).entries()) {
    const where = `conversation ${i}, turn ${n + 1} ("${expected.say}")`;
    try {
      const { status, activities } = await send(url, { text: expected.say, from }, conversation);
      statuses.push(status);
      const problem = checkTurn(i, expected, status, activities);
      if (problem) return { statuses, problem: `${where}: ${problem}` };
    } catch (error) {
      return { statuses, problem: `${where}: ${(error as Error).message}` };
    }
  }
  return { statuses };
}

describe('the checks of the load test', () => {
  const ok = turn('aide', MENU);
  const menu = [{ type: 'message', text: MENU }];
  test('accept the conversation’s own answers', () => {
    expect(checkTurn(7, turn('oui', 'Load007 créé'), 200, [{ type: 'message', text: 'Utilisateur Load007 créé' }])).toBeUndefined();
  });
  test('catch a 5xx, another conversation’s user (even in a state trace) and a missing answer', () => {
    expect(checkTurn(7, ok, 503, menu)).toBe('HTTP 503');
    expect(checkTurn(7, ok, 200, [...menu, { type: 'trace', value: { email: 'load012@example.com' } }])).toContain('Load012');
    expect(checkTurn(7, ok, 200, [{ type: 'message', text: 'Load008' }])).toContain('Load008');
    expect(checkTurn(7, ok, 200, [{ type: 'trace', text: MENU }])).toContain('expected');
  });
});

describe(`load: ${CONVERSATIONS} conversations × ${TURNS} turns at once over HTTP`, () => {
  let bot: BotProcess | undefined;
  afterAll(async () => {
    if (bot && bot.child.exitCode === null) await bot.stop();
  });

  test('every turn answers 200 with its own conversation’s state; every user exists once', async () => {
    for (let i = 0; i < CONVERSATIONS; i++) expect(script(i)).toHaveLength(TURNS);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-load-'));
    bot = await startBot({ DATA_DIR: dataDir });
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => converse(bot!.url, i)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    expect(await bot.stop()).toBe(0);

    const problems = outcomes.flatMap((o) => (o.problem ? [o.problem] : []));
    const statuses = outcomes.flatMap((o) => o.statuses);
    const failedTurns = bot.logs.filter((line) => line.includes('"turn failed"'));
    expect({ problems, failedTurns }).toEqual({ problems: [], failedTurns: [] });
    expect({ turns: statuses.length, non200: statuses.filter((s) => s !== 200) }).toEqual({ turns: CONVERSATIONS * TURNS, non200: [] });

    // After the stop (data flushed): each conversation's user exists exactly once, with what that conversation answered.
    const list = runCli(dataDir, ['users', 'list', '--json']);
    expect(list.code).toBe(0);
    const loadUsers = (list.json as any[]).filter((u) => /^load\d{3}@/.test(u.email));
    const wrong = Array.from({ length: CONVERSATIONS }, (_, i) => {
      const mine = loadUsers.filter((u) => u.email === emailOf(i));
      const want = isCalling(i)
        ? { firstName: 'Autre', lastName: tagOf(i), licenses: ['Webex Suite'], location: 'IT division', extension: extensionOf(i) }
        : { firstName: 'Autre', lastName: tagOf(i), licenses: ['Webex Meetings'], location: null, extension: null };
      return mine.length === 1 && Object.entries(want).every(([k, v]) => JSON.stringify(mine[0][k]) === JSON.stringify(v))
        ? undefined
        : `${emailOf(i)}: ${JSON.stringify(mine)}`;
    }).filter(Boolean);
    expect({ wrong, loadUsers: loadUsers.length }).toEqual({ wrong: [], loadUsers: CONVERSATIONS });
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`load: ${statuses.length} turns in ${seconds} s\n`);
  }, 60_000);
});
