import { parentPort } from 'node:worker_threads';
import { readContactPhone } from '../domain/contactPhone';
import { claimBatch, packReadings, type BatchAnswer, type BatchRequest } from './phoneBatch';

/** Worker side of phoneReadings: reads each batch it is sent, unless the main thread has claimed it already. */
parentPort?.on('message', ({ id, raws, region, claim }: BatchRequest & { id: number }) => {
  const readings = claimBatch(claim) ? packReadings(raws.map((raw) => readContactPhone(raw, 'work', region))) : undefined;
  parentPort!.postMessage({ id, readings } satisfies BatchAnswer);
});
