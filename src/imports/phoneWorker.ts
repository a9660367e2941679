import { parentPort } from 'node:worker_threads';
import { claimBatch, memoReader, type BatchAnswer, type BatchRequest, type ForgetFile } from './phoneBatch';

/** The files being read: a number repeated in a file is read once. */
const readers = new Map<number, ReturnType<typeof memoReader>>();
// A file whose reading stopped halfway (refused once parsed) is never forgotten: only so many are kept.
const FILES_KEPT = 4;

function readerOf(file: number, region: string): ReturnType<typeof memoReader> {
  let reader = readers.get(file);
  if (!reader) {
    if (readers.size >= FILES_KEPT) readers.delete(readers.keys().next().value!);
    readers.set(file, (reader = memoReader(region)));
  }
  return reader;
}

/** Worker side of phoneReadings: reads each batch it is sent, unless the main thread has claimed it already. */
parentPort?.on('message', (message: (BatchRequest & { id: number }) | ForgetFile) => {
  if ('forget' in message) {
    readers.delete(message.forget);
    return;
  }
  const { id, raws, region, file, claim } = message;
  const readings = claimBatch(claim) ? raws.map(readerOf(file, region)) : undefined;
  parentPort!.postMessage({ id, readings } satisfies BatchAnswer);
});
