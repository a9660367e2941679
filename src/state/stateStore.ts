import path from 'node:path';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { blobContainer } from './blob/container';
import { LeasedTurnGate } from './blob/leasedTurnGate';
import { ETagCheckedStorage } from './eTagCheckedStorage';
import { FileStorage } from './fileStorage';
import { KeyedQueue } from './keyedQueue';
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

/** STATE_STORE=file: DATA_DIR/state and an in-process queue (one instance); blob: BlobsStorage and blob leases (several). */
export function createStateStore(config: Pick<Config, 'stateStore' | 'dataDir'>, logger: Logger): StateStore {
  const settings = config.stateStore;
  if (settings.kind === 'blob') {
    const container = blobContainer(settings);
    return {
      storage: new ETagCheckedStorage(new BlobsStorage(settings.connectionString, settings.container)),
      turns: new LeasedTurnGate(container, {
        onLeaseProblem: (key, what, error) => logger.warn({ conversation: key, err: error }, `could not ${what} a turn lease`),
      }),
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
