import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { openWebexDirectory } from '../../src/directory/webex/webexDirectory';
import { WebexEmulator } from '../../tools/webex-emulator/server';

export interface Backend {
  directory: Directory;
  emulator?: WebexEmulator;
  close(): Promise<void>;
}

/** The same sandbox org behind either backend: the lowdb sandbox, or the emulator's seed through the Webex APIs. */
export const BACKENDS: Array<[string, () => Promise<Backend>]> = [
  [
    'lowdb',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-contract-'));
      const directory = await openLowdbDirectory(dir);
      return { directory, close: async () => (await directory.close(), fs.rmSync(dir, { recursive: true, force: true })) };
    },
  ],
  [
    'webex',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-contract-'));
      const emulator = new WebexEmulator({ pageSize: 2, jobDurationMs: 20 });
      const url = await emulator.listen(0);
      const directory = await openWebexDirectory({ apiUrl: url, token: emulator.token, orgId: emulator.orgId, dataDir: dir, backoffMs: 5, maxBackoffMs: 20, jobPollMs: 10 });
      return {
        directory,
        emulator,
        close: async () => {
          await directory.close();
          await emulator.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];
