import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import { Dialog, type DialogContext } from 'botbuilder-dialogs';
import pino from 'pino';
import { ProvisioBot } from '../../src/bot/bot';
import { ETagCheckedStorage } from '../../src/platform/state/eTagCheckedStorage';
import { TurnBusyError, type TurnGate } from '../../src/platform/state/turnGate';

/** A turn that could not run, or whose state could not be saved, is answered plainly and logged: never silently lost. */

function setup(options: { turns?: TurnGate; duringTurn?: (memory: MemoryStorage, text: string) => Promise<void> } = {}) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const memory = new MemoryStorage();
  const storage = new ETagCheckedStorage(memory);
  const conversationState = new ConversationState(storage);
  const ran: string[] = [];
  /** Answers every message and stays active, so that each turn changes and saves the dialog state. */
  class Echo extends Dialog {
    async beginDialog(dc: DialogContext) {
      return this.continueDialog(dc);
    }
    async continueDialog(dc: DialogContext) {
      const text = dc.context.activity.text ?? '';
      ran.push(text);
      dc.activeDialog!.state.turns = (dc.activeDialog!.state.turns ?? 0) + 1;
      await options.duringTurn?.(memory, text);
      await dc.context.sendActivity(`step for ${text}`);
      return Dialog.EndOfTurn;
    }
  }
  const dialog = new Echo('echo');
  const bot = new ProvisioBot({
    conversationState,
    userState: new UserState(storage),
    dialog,
    defaultLocale: 'fr',
    access: { admins: [], helpdesk: [], open: true },
    logger,
    turns: options.turns,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  return { adapter, lines, memory, ran };
}

const KEY = 'test/conversations/Convo1/';
const CONFLICT = /^This conversation moved on elsewhere while I was answering .* send your last answer again, or type "help"\.$/;

test.each([
  ['a new conversation (no state yet when read)', 'first'],
  ['a conversation under way (state read with its eTag)', 'second'],
])('%s: another instance saves it during the turn: the save is refused, the newer state kept, the person told', async (_case, interfered) => {
  const { adapter, lines, memory, ran } = setup({
    duringTurn: async (store, text) => {
      if (text === interfered) await store.write({ [KEY]: { savedElsewhere: text, eTag: '*' } });
    },
  });
  const flow = adapter.send({ type: 'message', text: 'first', locale: 'en-US' }).assertReply('step for first');
  const answered = interfered === 'first' ? flow : flow.send({ type: 'message', text: 'second', locale: 'en-US' }).assertReply('step for second');
  await answered.assertReply((reply) => expect(reply.text).toMatch(CONFLICT));
  expect(ran).toEqual(interfered === 'first' ? ['first'] : ['first', 'second']);
  expect((await memory.read([KEY]))[KEY]).toMatchObject({ savedElsewhere: interfered });
  expect(lines.some((line) => line.includes('"level":40') && line.includes('eTag conflict'))).toBe(true);
});

test('without a concurrent save, the same turn saves normally', async () => {
  const { adapter, memory } = setup();
  await adapter.send({ type: 'message', text: 'first', locale: 'en-US' }).assertReply('step for first');
  expect(Object.keys(await memory.read([KEY]))).toEqual([KEY]);
});

test('the conversation is held elsewhere for too long: the turn does not run and the person is asked to send it again, in French', async () => {
  const busy: TurnGate = { run: async (key) => Promise.reject(new TurnBusyError(key, 10_000)), idle: async () => undefined };
  const { adapter, lines, ran } = setup({ turns: busy });
  await adapter
    .send({ type: 'message', text: 'bonjour', locale: 'fr-FR' })
    .assertReply("Je traite encore un message précédent de cette conversation. Rien n'a été fait avec celui-ci : renvoyez-le dans un instant.");
  expect(ran).toEqual([]);
  expect(lines.some((line) => line.includes('another instance holds the conversation'))).toBe(true);
});
