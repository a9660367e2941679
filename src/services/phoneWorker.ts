import { parentPort } from 'node:worker_threads';
import { claimBatch, memoReader, type BatchAnswer, type BatchRequest } from './phoneBatch';

/** The readers of the files read last: a number repeated in a file is read once; another file starts afresh. */
const readers = new Map<number, ReturnType<typeof memoReader>>();
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
parentPort?.on('message', ({ id, raws, region, file, claim }: BatchRequest & { id: number }) => {
  const readings = claimBatch(claim) ? raws.map(readerOf(file, region)) : undefined;
  parentPort!.postMessage({ id, readings } satisfies BatchAnswer);
});
