import { createHash } from 'node:crypto';
import { ConversationState, TestAdapter, UserState } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { Dialog, type DialogContext } from 'botbuilder-dialogs';
import pino from 'pino';
import { startBlobRequestCounter, type BlobRequestCounter } from '../../../tools/blobRequestCounter';
import { ProvisioBot } from '../../../src/bot/bot';
import { blobContainer } from '../../../src/platform/store/container';
import type { LeasedTurnGate } from '../../../src/platform/state/leasedTurnGate';
import { createStateStore } from '../../../src/platform/state/stateStore';
import { containerName, startAzurite, type RunningAzurite } from '../../helpers/azurite';

/**
 * The blob requests of a bot turn with STATE_STORE=blob, counted by a proxy in front of a real Azurite, and the
 * guarantees that hold while a conversation's lease is kept between its turns: one turn at a time across instances,
 * saves that name the eTag read (also when the state came from memory), leases released on shutdown and after a
 * failed turn. Each bot here is an instance of its own (its own state store and turn gate) on one container.
 */

let azurite: RunningAzurite;
let counter: BlobRequestCounter;
beforeAll(async () => {
  azurite = await startAzurite();
  counter = await startBlobRequestCounter(azurite.port);
});
afterAll(async () => {
  await counter.stop();
  await azurite.stop();
});

const CONVERSATION_KEY = 'test/conversations/Convo1/';
const USER_KEY = 'test/users/user1/';
const LOCK = `locks/turns/${createHash('sha256').update('test/Convo1').digest('hex')}`;
const CONFLICT = /^This conversation moved on elsewhere while I was answering/;

/** "count" adds one to the dialog's state and stays; "language" saves a chosen locale; anything else answers and ends (as "aide": no state change). */
class Steps extends Dialog {
  constructor(private readonly during?: (text: string) => Promise<void> | void) {
    super('steps');
  }
  async beginDialog(dc: DialogContext) {
    return this.continueDialog(dc);
  }
  async continueDialog(dc: DialogContext) {
    const text = dc.context.activity.text ?? '';
    await this.during?.(text);
    if (text === 'fail') throw new Error('the dialog failed');
    if (text !== 'count') {
      await dc.context.sendActivity(`menu (${text})`);
      return dc.endDialog();
    }
    const n = (dc.activeDialog!.state.n ?? 0) + 1;
    dc.activeDialog!.state.n = n;
    await dc.context.sendActivity(`n=${n}`);
    return Dialog.EndOfTurn;
  }
}

/** One bot instance on `container`, its blob requests going through the counting proxy. */
function instance(container: string, during?: (text: string) => Promise<void> | void) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const store = createStateStore({ stateStore: { kind: 'blob', connectionString: counter.connectionString, container }, dataDir: '' }, logger);
  const bot = new ProvisioBot({
    conversationState: new ConversationState(store.storage),
    userState: new UserState(store.storage),
    dialog: new Steps(during),
    defaultLocale: 'en',
    access: { admins: [], helpdesk: [], open: true },
    logger,
    turns: store.turns,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  /** One message; its replies' texts. */
  const say = async (text: string): Promise<string[]> => {
    await adapter.send({ type: 'message', text, locale: 'en-US' });
    return adapter.activeQueue.splice(0).map((reply) => reply.text ?? '');
  };
  return { say, bot, gate: store.turns as LeasedTurnGate, lines, ready: store.ready };
}

/**
 * The requests since the last call, as "op target status", in the order they came; reads sent together (the person's
 * and the conversation's state at a lease's start) in name order, whichever arrived first.
 */
function requestsSinceLast(): string[] {
  const seen = counter.requests().map((r) => `${r.op} ${r.target} ${r.status}`);
  counter.reset();
  const inOrder: string[] = [];
  for (let i = 0; i < seen.length; ) {
    let end = i;
    while (end < seen.length && seen[end].startsWith('read ')) end++;
    if (end === i) inOrder.push(seen[i++]);
    else inOrder.push(...seen.slice(i, (i = end)).sort());
  }
  return inOrder;
}

/** Another instance's direct access to the container (no turn gate): what Azure would do, or a crashed instance. */
async function raw(container: string) {
  return (await blobContainer({ connectionString: azurite.connectionString, container }).client());
}

describe('blob state: the requests of a turn', () => {
  test('the next turns of a conversation on the same instance make no blob request (were 4 each: lease acquire, user and conversation state reads, lease release)', async () => {
    const a = instance(containerName());
    await a.ready();
    requestsSinceLast();
    expect(await a.say('help')).toEqual(['menu (help)']);
    // The first turn of a new conversation: the lock blob is created, the lease taken, both states read, the new
    // conversation state checked absent in the store itself and written. The lease is kept, not released yet.
    expect(requestsSinceLast()).toEqual([
      'lease-acquire turnLock 404',
      'write turnLock 201',
      'lease-acquire turnLock 201',
      'container-put container 409', // BlobsStorage's own createIfNotExists, once per process
      'read conversationState 404', // read with the person's state, at the same time
      'read conversationState 404', // the check that it is still absent, just before it is created
      'read userState 404',
      'write conversationState 201',
    ]);
    expect(await a.say('help')).toEqual(['menu (help)']);
    expect(requestsSinceLast()).toEqual(['read conversationState 200']); // its own write's eTag is unknown: read once
    for (let turn = 0; turn < 5; turn++) {
      expect(await a.say('help')).toEqual(['menu (help)']);
      expect(requestsSinceLast()).toEqual([]);
    }
    // A turn that changes the state writes it (with the eTag read), and only that.
    expect(await a.say('count')).toEqual(['n=1']);
    expect(requestsSinceLast()).toEqual(['write conversationState 201']);
    expect(await a.say('count')).toEqual(['n=2']);
    expect(requestsSinceLast()).toEqual(['read conversationState 200', 'write conversationState 201']);
    // Shutdown releases the kept lease.
    await a.bot.idle();
    expect(requestsSinceLast()).toEqual(['lease-release turnLock 200']);
    // The next turn takes the lease again and reads both states again.
    expect(await a.say('count')).toEqual(['n=3']);
    expect(requestsSinceLast()).toEqual(['lease-acquire turnLock 201', 'read conversationState 200', 'read userState 404', 'write conversationState 201']);
    await a.bot.idle();
  });

  test('the kept lease is released by itself a moment after the turn', async () => {
    const a = instance(containerName());
    await a.say('help');
    requestsSinceLast();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(requestsSinceLast()).toEqual(['lease-release turnLock 200']);
  });
});

describe('blob state: what the kept lease and the state in memory keep', () => {
  test('a turn of the conversation on another instance waits for the kept lease, then runs on the state the first wrote; the first then reads it again', async () => {
    const name = containerName();
    const events: string[] = [];
    const a = instance(name, (text) => void events.push(`a ${text}`));
    const b = instance(name, (text) => void events.push(`b ${text}`));
    expect(await a.say('count')).toEqual(['n=1']);
    const started = Date.now();
    expect(await b.say('count')).toEqual(['n=2']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await a.say('count')).toEqual(['n=3']);
    expect(events).toEqual(['a count', 'b count', 'a count']);
    await Promise.all([a.bot.idle(), b.bot.idle()]);
  });

  test('a save of a state from memory still names the eTag it was read with: a state changed behind the lease is not overwritten, and the person is told', async () => {
    const name = containerName();
    const a = instance(name);
    expect(await a.say('count')).toEqual(['n=1']);
    expect(await a.say('help')).toEqual(['menu (help)']); // ends the dialog: a write
    expect(await a.say('help')).toEqual(['menu (help)']); // reads the state: the next turn has it in memory
    // Written without the lease (what no instance does; a lease lost unnoticed would look like this).
    const stored = (await new BlobsStorage(azurite.connectionString, name).read([CONVERSATION_KEY]))[CONVERSATION_KEY];
    await new BlobsStorage(azurite.connectionString, name).write({ [CONVERSATION_KEY]: { ...stored, elsewhere: true, eTag: '*' } });
    requestsSinceLast();
    const answer = await a.say('count');
    expect(answer[0]).toBe('n=1'); // the turn ran on the state in memory (not the one written) ...
    expect(answer[1]).toMatch(CONFLICT); // ... and its save was refused
    expect(requestsSinceLast()).toEqual(['write conversationState 412', 'lease-release turnLock 200']); // a failed save releases at once
    expect((await new BlobsStorage(azurite.connectionString, name).read([CONVERSATION_KEY]))[CONVERSATION_KEY]).toMatchObject({ elsewhere: true });
    // The next turn reads the store again.
    await a.say('help');
    expect(requestsSinceLast()).toContain('read conversationState 200');
    await a.bot.idle();
  });

  test('a person\'s user state from memory: a save over a newer one (saved from another conversation) is refused too', async () => {
    const name = containerName();
    const a = instance(name);
    await a.say('help'); // reads the user state: none yet
    await new BlobsStorage(azurite.connectionString, name).write({ [USER_KEY]: { chosenLocale: 'fr', eTag: '*' } });
    const answer = await a.say('english'); // saves a chosen locale over a user state it believes absent
    expect(answer).toHaveLength(2);
    expect(answer[1]).toMatch(CONFLICT);
    expect((await new BlobsStorage(azurite.connectionString, name).read([USER_KEY]))[USER_KEY]).toMatchObject({ chosenLocale: 'fr' });
    await a.bot.idle();
  });

  test('a turn that throws releases the lease at once; so does shutdown: another instance takes it without waiting', async () => {
    const name = containerName();
    const a = instance(name);
    await a.say('fail').catch(() => undefined);
    const lease = (await raw(name)).getBlobClient(LOCK).getBlobLeaseClient();
    await lease.acquireLease(15); // not 409: free
    await lease.releaseLease();
    await a.say('help');
    await expect((await raw(name)).getBlobClient(LOCK).getBlobLeaseClient().acquireLease(15)).rejects.toMatchObject({ statusCode: 409 });
    await a.bot.idle();
    const after = (await raw(name)).getBlobClient(LOCK).getBlobLeaseClient();
    await after.acquireLease(15);
    await after.releaseLease();
  });

  test('a kept lease not surely renewed is taken again (same lease id) before the next turn, and the state read again', async () => {
    const name = containerName();
    let a!: ReturnType<typeof instance>;
    a = instance(name, (text) => {
      // As if its renewals had failed for a while: the lease is not known to be ours for long enough any more.
      if (text === 'stale') a.gate.current()!.ownedUntil = Date.now();
    });
    await a.say('help');
    await a.say('stale');
    requestsSinceLast();
    expect(await a.say('help')).toEqual(['menu (help)']);
    expect(requestsSinceLast()).toEqual(['lease-acquire turnLock 201', 'read conversationState 200', 'read userState 404']);
    expect(a.lines.filter((line) => line.includes('"level":40'))).toEqual([]);
    await a.bot.idle();
  });
});
