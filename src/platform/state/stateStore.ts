import path from 'node:path';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { blobContainer } from '../store/container';
import { HeldStateCache, type Guard } from './heldStateCache';
import { LeasedTurnGate } from './leasedTurnGate';
import { ETagCheckedStorage } from './eTagCheckedStorage';
import { FileStorage } from './fileStorage';
import { KeyedQueue } from '../store/keyedQueue';
import type { TurnGate } from './turnGate';

/** Where conversation and user state live, and how turns of one conversation are kept one at a time. */
export interface StateStore {
  storage: Storage;
  turns: TurnGate;
  /** For the start-up log: never the connection string. */
  describe: { kind: 'file'; dir: string } | { kind: 'blob'; container: string };
  /** Resolves once the store answers (the blob container exists): a bad connection string stops the start. */
  ready(): Promise<void>;
}

/**
 * How long a conversation's turn lease stays after a turn: the person's next message, a card click, a proactive
 * continuation that comes meanwhile runs under it (no lease to take, its state already read); another instance's turn
 * of that conversation waits that much longer.
 */
const KEEP_LEASE_MS = 1000;

/**
 * How long a person's user state read in a turn is trusted by the next turns under the same lease: a language typed
 * in another conversation of theirs applies here at the latest this long after (a save still names the eTag read).
 */
const USER_STATE_TRUSTED_MS = 2000;

const channelOf = (turnKey: string) => turnKey.slice(0, turnKey.indexOf('/'));

/** ConversationState's storage key (no namespace) for a turn gate's key (`channel/conversation id`, as conversationKeyOf makes it). */
function conversationStateKey(turnKey: string): string {
  return `${channelOf(turnKey)}/conversations/${turnKey.slice(turnKey.indexOf('/') + 1)}/`;
}

/** STATE_STORE=file: DATA_DIR/state and an in-process queue (one instance); blob: BlobsStorage and blob leases (several). */
export function createStateStore(config: Pick<Config, 'stateStore' | 'dataDir'>, logger: Logger): StateStore {
  const settings = config.stateStore;
  if (settings.kind === 'blob') {
    const container = blobContainer(settings);
    const turns = new LeasedTurnGate(container, {
      onLeaseProblem: (key, what, error) => logger.warn({ conversation: key, err: error }, `could not ${what} a turn lease`),
      keepMs: KEEP_LEASE_MS,
    });
    // The conversation's own state, under its lease, is read once per lease and not once per turn; its people's
    // user state (the language they chose) too, for at most USER_STATE_TRUSTED_MS.
    const guardedBy = (key: string): Guard | undefined => {
      const hold = turns.current();
      if (!hold) return undefined;
      if (key === conversationStateKey(hold.key)) return { hold, maxAgeMs: Infinity };
      // The bot reads the person's state first (their language), then the conversation's: both at once.
      if (key.startsWith(`${channelOf(hold.key)}/users/`)) return { hold, maxAgeMs: USER_STATE_TRUSTED_MS, readWith: [conversationStateKey(hold.key)] };
      return undefined;
    };
    return {
      storage: new ETagCheckedStorage(new HeldStateCache(new BlobsStorage(settings.connectionString, settings.container), guardedBy)),
      turns,
      describe: { kind: 'blob', container: settings.container },
      ready: async () => void (await container.client()),
    };
  }
  const dir = path.join(config.dataDir, 'state');
  return {
    storage: new ETagCheckedStorage(new FileStorage(dir)),
    turns: new KeyedQueue(),
    describe: { kind: 'file', dir },
    ready: async () => undefined,
  };
}
