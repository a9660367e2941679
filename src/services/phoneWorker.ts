import { parentPort } from 'node:worker_threads';
import { readContactPhone } from '../domain/contactPhone';

/** Worker side of phoneReadings: reads the numbers it is sent and answers in the same order. */
parentPort?.on('message', ({ id, raws, region }: { id: number; raws: string[]; region: string }) => {
  parentPort!.postMessage({ id, readings: raws.map((raw) => readContactPhone(raw, 'work', region)) });
});
