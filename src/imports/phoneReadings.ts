import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PhoneReading } from '../domain/contactPhone';
import { claimBatch, isClaimed, memoReader, unpackReading, type BatchAnswer, type BatchRequest, type ForgetFile, type PackedReading } from './phoneBatch';

/** Below this many numbers, sharing them with the worker costs more than it saves. */
export const PARALLEL_MIN_NUMBERS = 512;
/** Numbers sent to the worker at a time: small enough to share evenly, big enough that messages stay few. */
const BATCH = 256;

// Only the compiled build has the worker's .js (tests run the TypeScript sources: they read inline).
const WORKER_FILE = path.join(__dirname, 'phoneWorker.js');

/** Collects a file's numbers while it is parsed, then reads them, in the order they were added. */
export interface PhoneReader {
  add(raw: string): void;
  /** How many numbers were added so far: the next one's position. */
  added(): number;
  /**
   * Once every number is added: yields, as the batches come back, how many
   * of the numbers (in the order they were added) are read, up to all of them.
   */
  read(): AsyncGenerator<number, void>;
  /** The reading of `raw` when it was added at a position from `from` to `to` (excluded) that is read. */
  find(raw: string, from: number, to: number): PhoneReading | undefined;
  /** Reads them all: each distinct number's reading. */
  done(): Promise<Map<string, PhoneReading>>;
}

/**
 * Reads a file's numbers. libphonenumber costs about 3 µs a number, as much
 * as parsing the whole CSV, so a big file's numbers go to a worker thread in
 * batches while the rest of the file is still being parsed. Each number is
 * kept at the position it was added at, so that a row finds its own numbers
 * without a lookup table; the worker reads a number repeated across the
 * file (a switchboard shared by a thousand rows) once. Whichever thread
 * starts a batch first claims it. Once the worker has started, this thread
 * waits for it: the worker's code is warm from every batch it read, this
 * thread's reads a few hundred numbers an import and runs several times
 * slower. A worker not up yet, busy with another import or failed leaves
 * the batches it has not started to be read here, from the last one back:
 * the result is the same, only slower. The readings come back batch by
 * batch, so that the rows whose numbers are read can be checked meanwhile.
 */
export function phoneReader(region: string): PhoneReader {
  const numbers: string[] = [];
  /** Each number's reading, at its position, once read. */
  const readings: PackedReading[] = [];
  const batches: Batch[] = [];
  const parallel = existsSync(WORKER_FILE);
  const file = nextFile++;
  /** Sends each full batch not sent yet, and with `tail` the last one, however short. */
  const post = (tail = false) => {
    while (numbers.length - batches.length * BATCH >= (tail ? 1 : BATCH)) {
      const request: BatchRequest = { raws: numbers.slice(batches.length * BATCH, (batches.length + 1) * BATCH), region, file, claim: new SharedArrayBuffer(4) };
      batches.push({ raws: request.raws, claim: request.claim, answer: readOnWorker(request).catch(() => undefined) });
    }
  };
  const fileNumbers: FileNumbers = { file, numbers, readings, batches, readHere: memoReader(region), post };
  const read = () => readNumbers(fileNumbers);
  return {
    add(raw) {
      numbers.push(raw);
      if (parallel && numbers.length >= PARALLEL_MIN_NUMBERS && numbers.length % BATCH === 0) post();
    },
    added: () => numbers.length,
    read,
    find(raw, from, to) {
      for (let i = from; i < to && i < readings.length; i++) if (numbers[i] === raw) return unpackReading(readings[i]);
      return undefined;
    },
    async done() {
      const reading = read();
      while (!(await reading.next()).done);
      return new Map(numbers.map((raw, i) => [raw, unpackReading(readings[i])]));
    },
  };
}

interface Batch {
  raws: string[];
  claim: SharedArrayBuffer;
  answer: Promise<PackedReading[] | undefined>;
}

/** A file's numbers as they are added, sent in batches and read. */
interface FileNumbers {
  file: number;
  numbers: string[];
  readings: PackedReading[];
  batches: Batch[];
  readHere: (raw: string) => PackedReading;
  post(tail?: boolean): void;
}

/**
 * PhoneReader.read. A module-level generator: a generator function made per
 * file gives its generators a map of their own, and the code iterating them
 * was deoptimised and optimised again at every import.
 */
async function* readNumbers({ file, numbers, readings, batches, readHere, post }: FileNumbers): AsyncGenerator<number, void> {
  if (!batches.length) {
    // A file too small to share is read here whole.
    for (const raw of numbers) readings.push(readHere(raw));
    yield readings.length;
    return;
  }
  post(true);
  const readHereFirst: (PackedReading[] | undefined)[] = batches.map(() => undefined);
  for (let i = batches.length - 1; i >= 0 && !isClaimed(batches[0].claim); i--) if (claimBatch(batches[i].claim)) readHereFirst[i] = batches[i].raws.map(readHere);
  for (let i = 0; i < batches.length; i++) {
    const batch = readHereFirst[i] ?? (await batches[i].answer) ?? batches[i].raws.map(readHere);
    for (const reading of batch) readings.push(reading);
    yield readings.length;
  }
  worker?.postMessage({ forget: file } satisfies ForgetFile);
}

/** Every distinct number of `raws` with its reading. */
export function readPhones(raws: Iterable<string>, region: string): Promise<Map<string, PhoneReading>> {
  const reader = phoneReader(region);
  for (const raw of raws) reader.add(raw);
  return reader.done();
}

let worker: Worker | undefined;
let nextId = 0;
let nextFile = 0;
interface Waiting {
  resolve: (answer: BatchAnswer) => void;
  reject: (error: Error) => void;
}
/** Batches awaiting the worker's answer: while there are some, it keeps the process alive. */
const waiting = new Map<number, Waiting>();

/** The worker's readings of a batch, or undefined when this thread claimed it first. */
function readOnWorker(request: BatchRequest): Promise<PackedReading[] | undefined> {
  const id = nextId++;
  return new Promise<BatchAnswer>((resolve, reject) => {
    const thread = (worker ??= startWorker());
    if (waiting.size === 0) thread.ref();
    waiting.set(id, { resolve, reject });
    thread.postMessage({ id, ...request });
  }).then((answer) => answer.readings);
}

function settle(id: number, outcome: (handlers: Waiting) => void): void {
  const handlers = waiting.get(id);
  if (!handlers) return;
  waiting.delete(id);
  if (waiting.size === 0) worker?.unref();
  outcome(handlers);
}

function startWorker(): Worker {
  const thread = new Worker(WORKER_FILE);
  // An idle worker must not keep the CLI or a stopping bot alive.
  thread.unref();
  thread.on('message', (answer: BatchAnswer) => settle(answer.id, ({ resolve }) => resolve(answer)));
  const fail = (error: Error) => {
    if (worker === thread) worker = undefined;
    for (const id of [...waiting.keys()]) settle(id, ({ reject }) => reject(error));
  };
  thread.once('error', fail);
  thread.once('exit', (code) => fail(new Error(`the phone worker stopped (exit code ${code})`)));
  return thread;
}
