import { parentPort } from 'node:worker_threads';
import { readShare, type ShareAnswer, type ShareRequest } from './phoneShare';

/** Worker side of phoneReadings: reads chunks of the numbers it is sent until none is left, and answers with them. */
parentPort?.on('message', ({ id, ...request }: ShareRequest & { id: number }) => {
  const chunks: ShareAnswer['chunks'] = [];
  readShare(request, (start, readings) => chunks.push({ start, readings }));
  parentPort!.postMessage({ id, chunks } satisfies ShareAnswer);
});
