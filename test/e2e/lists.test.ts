import path from 'node:path';
import { send as sendTo, startBot, type BotProcess } from '../helpers/botProcess';
import { runCli } from '../helpers/cli';
import { buttonData, cardOf, tempDir, visibleText } from '../helpers/dialogHarness';

const FILLED = path.join(__dirname, '../../../shared/fixtures/csv/webex-contacts-template-filled.csv');

let bot: BotProcess;
let dataDir: string;
/** One activity from a French-speaking admin, in one conversation; the bot's replies come back (expectReplies). */
const send = async (activity: Record<string, unknown>) => {
  const { status, activities } = await sendTo(bot.url, activity, 'c-lists');
  expect(status).toBe(200);
  return activities;
};

beforeAll(async () => {
  dataDir = tempDir();
  // The eight contacts of the Webex template ("fournisseur 1" … "fournisseur 8"), imported as an admin would.
  expect(runCli(dataDir, ['contacts', 'import', FILLED, '--json']).json).toMatchObject({ created: 8, failed: 0 });
  bot = await startBot({ DATA_DIR: dataDir });
});
// No turn may fail on the way.
afterEach(() => expect(bot.logs.filter((line) => line.includes('"level":50'))).toEqual([]));
afterAll(async () => {
  await bot.stop();
});

test('over HTTP: create a list, add two contacts found by a search, show it; a restarted bot shows the same list', async () => {
  const asked = await send({ text: 'créer une liste « Fournisseurs clés »' });
  expect(visibleText(asked)).toContain('Description de « Fournisseurs clés » ?');
  const created = await send({ text: 'passer' });
  expect(visibleText(created)).toContain('✅ Liste de diffusion « Fournisseurs clés » créée');

  const search = await send({ value: buttonData(created, /^Ajouter des contacts$/) });
  expect(visibleText(search)).toContain('Quels contacts voulez-vous ajouter à « Fournisseurs clés » ?');
  const found = await send({ value: { ...buttonData(search, /^Rechercher$/), query: 'fournisseur' } });
  expect(visibleText(found)).toContain('8 contacts correspondent à « fournisseur »');
  const choiceSet = cardOf(found[0]).body.find((e: any) => e.type === 'Input.ChoiceSet');
  expect(choiceSet.choices.slice(0, 2).map((c: any) => c.title)).toEqual(['1. fournisseur 1 — +33 1 23 45 67 01', '2. fournisseur 2 — +33 1 24 35 67 02']);
  const ticked = choiceSet.choices
    .filter((c: any) => /fournisseur [27] /.test(c.title))
    .map((c: any) => c.value)
    .join(',');

  const confirm = await send({ value: { ...buttonData(found, /^Ajouter la sélection$/), contactIds: ticked } });
  expect(visibleText(confirm)).toContain('Ajouter 2 contacts à « Fournisseurs clés » ?');
  const added = await send({ value: buttonData(confirm, /^Ajouter$/) });
  expect(visibleText(added)).toContain('✅ 2 contacts ajoutés à « Fournisseurs clés »');

  const shown = visibleText(await send({ text: 'liste fournisseurs clés' }));
  expect(shown).toContain('Membres (2)');
  expect(shown).toContain('- fournisseur 2 — +33 1 24 35 67 02\n- fournisseur 7 — +33 5 23 45 67 89');
  const overview = visibleText(await send({ text: 'listes de diffusion' }));
  expect(overview).toContain('**Fournisseurs clés** — 2 membres');

  // Written to the data directory, not kept in memory: a restarted bot shows the same list.
  await bot.stop();
  bot = await startBot({ DATA_DIR: dataDir });
  const afterRestart = visibleText(await send({ text: 'afficher la liste Fournisseurs clés' }));
  expect(afterRestart).toContain('- fournisseur 2 — +33 1 24 35 67 02\n- fournisseur 7 — +33 5 23 45 67 89');
});
