import fs from 'node:fs';
import { startBlobRequestCounter, type BlobRequestCounter } from '../../tools/blobRequestCounter';
import { containerName, startAzurite, type RunningAzurite } from '../helpers/azurite';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { tempDir } from '../helpers/dialogHarness';

/**
 * The built bot with STATE_STORE=blob, its Blob Storage requests counted by a proxy in front of Azurite: what one
 * "aide" turn costs (the turn-latency bench's load), and that a stopped instance leaves no lease behind.
 */

let azurite: RunningAzurite;
let counter: BlobRequestCounter;
let bot: BotProcess | undefined;
const dataDir = tempDir();

beforeAll(async () => {
  azurite = await startAzurite();
  counter = await startBlobRequestCounter(azurite.port);
  bot = await startBot({ DATA_DIR: dataDir, STATE_STORE: 'blob', BLOB_CONNECTION_STRING: counter.connectionString, BLOB_CONTAINER: containerName('turns') });
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop();
  await counter.stop();
  await azurite.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const kinds = () => counter.requests().map((r) => `${r.op} ${r.target}`);

test('"aide" turns one after the other in a conversation: blob requests on the first only (were 4 a turn: lease, two reads, release); stopping releases the lease', async () => {
  const perTurn: string[][] = [];
  for (let turn = 0; turn < 6; turn++) {
    counter.reset();
    const { status, activities } = await send(bot!.url, { text: 'aide' }, 'conv-counted');
    expect(status).toBe(200);
    expect(activities.some((a) => a.type === 'message')).toBe(true);
    perTurn.push(kinds());
  }
  // The first turn takes the lease (creating the lock blob) and reads both states; the second reads again the
  // conversation state the first wrote (its new eTag is not known); the next ones need nothing from the store.
  expect(perTurn[0]).toEqual(expect.arrayContaining(['lease-acquire turnLock', 'read userState', 'read conversationState', 'write conversationState']));
  expect(perTurn[0]).not.toContain('lease-release turnLock');
  expect(perTurn[1]).toEqual(['read conversationState']);
  expect(perTurn.slice(2)).toEqual([[], [], [], []]);
  counter.reset();
  expect(await bot!.stop()).toBe(0);
  expect(kinds()).toEqual(['lease-release turnLock']);
});
