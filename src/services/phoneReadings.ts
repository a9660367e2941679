import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readContactPhone, type PhoneReading } from '../domain/contactPhone';

/** Below this many distinct numbers, handing half to the worker costs more than it saves. */
export const PARALLEL_MIN_NUMBERS = 2000;

// Only the compiled build has the worker's .js (tests run the TypeScript sources: they read inline).
const WORKER_FILE = path.join(__dirname, 'phoneWorker.js');

let worker: Worker | undefined;
let nextId = 0;
/** Requests awaiting the worker's answer: while there are some, it keeps the process alive. */
let waiting = 0;

/**
 * Reads every distinct number of a file at once (a switchboard number shared by
 * a thousand rows is read once). A big file's numbers are read half here and
 * half on a worker thread, in parallel: libphonenumber costs about 3 µs a
 * number, as much as parsing the whole CSV. A worker that fails leaves its
 * half to be read here: the result is the same, only slower.
 */
export async function readPhones(raws: Iterable<string>, region: string): Promise<Map<string, PhoneReading>> {
  const distinct = [...new Set(raws)];
  const half = distinct.length >= PARALLEL_MIN_NUMBERS && existsSync(WORKER_FILE) ? Math.ceil(distinct.length / 2) : distinct.length;
  const theirs = distinct.slice(half);
  const pending = theirs.length ? readOnWorker(theirs, region).catch(() => undefined) : Promise.resolve([]);
  const readings = new Map<string, PhoneReading>();
  for (let i = 0; i < half; i++) readings.set(distinct[i], readContactPhone(distinct[i], 'work', region));
  const answered = (await pending) ?? theirs.map((raw) => readContactPhone(raw, 'work', region));
  theirs.forEach((raw, i) => readings.set(raw, answered[i]));
  return readings;
}

function readOnWorker(raws: string[], region: string): Promise<PhoneReading[]> {
  const id = nextId++;
  const thread = (worker ??= startWorker());
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; readings: PhoneReading[] }) => {
      if (message.id !== id) return;
      done();
      resolve(message.readings);
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
    thread.postMessage({ id, raws, region });
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
