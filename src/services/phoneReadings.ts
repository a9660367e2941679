import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readContactPhone, type PhoneReading } from '../domain/contactPhone';
import { readShare, type ShareRequest, type ShareAnswer } from './phoneShare';

/** Below this many distinct numbers, sharing them with the worker costs more than it saves. */
export const PARALLEL_MIN_NUMBERS = 2000;

// Only the compiled build has the worker's .js (tests run the TypeScript sources: they read inline).
const WORKER_FILE = path.join(__dirname, 'phoneWorker.js');

let worker: Worker | undefined;
let nextId = 0;
/** Requests awaiting the worker's answer: while there are some, it keeps the process alive. */
let waiting = 0;

/**
 * Reads every distinct number of a file at once (a switchboard number shared by
 * a thousand rows is read once). libphonenumber costs about 3 µs a number, as
 * much as parsing the whole CSV, so a big file's numbers are read here and on
 * a worker thread at the same time, each taking the next chunk from a shared
 * cursor: the faster thread reads more, and a busy or slow worker only reads
 * less. A worker that fails leaves the chunks it took to be read here: the
 * result is the same, only slower.
 */
export async function readPhones(raws: Iterable<string>, region: string): Promise<Map<string, PhoneReading>> {
  const distinct = [...new Set(raws)];
  const readings: (PhoneReading | undefined)[] = new Array(distinct.length);
  if (distinct.length >= PARALLEL_MIN_NUMBERS && existsSync(WORKER_FILE)) {
    const request: ShareRequest = { raws: distinct, region, cursor: new SharedArrayBuffer(4) };
    const place = (start: number, chunk: PhoneReading[]) => chunk.forEach((reading, i) => (readings[start + i] = reading));
    const helped = readOnWorker(request).catch(() => []);
    readShare(request, place);
    for (const { start, readings: chunk } of await helped) place(start, chunk);
  }
  return new Map(distinct.map((raw, i) => [raw, readings[i] ?? readContactPhone(raw, 'work', region)]));
}

function readOnWorker(request: ShareRequest): Promise<ShareAnswer['chunks']> {
  const id = nextId++;
  const thread = (worker ??= startWorker());
  return new Promise((resolve, reject) => {
    const onMessage = (message: ShareAnswer) => {
      if (message.id !== id) return;
      done();
      resolve(message.chunks);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`the phone worker stopped (exit code ${code})`));
    const done = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
      thread.off('exit', onExit);
      if (--waiting === 0) thread.unref();
    };
    thread.on('message', onMessage);
    thread.once('error', onError);
    thread.once('exit', onExit);
    if (waiting++ === 0) thread.ref();
    thread.postMessage({ id, ...request });
  });
}

function startWorker(): Worker {
  const thread = new Worker(WORKER_FILE);
  // An idle worker must not keep the CLI or a stopping bot alive.
  thread.unref();
  const forget = () => {
    if (worker === thread) worker = undefined;
  };
  thread.once('error', forget);
  thread.once('exit', forget);
  return thread;
}
