import { parentPort, workerData } from 'node:worker_threads';
import { CsvFileError } from './fileError';
import { readXlsxHere, type XlsxAnswer, type XlsxLimits } from './xlsx';

/** Worker side of readXlsx: reads the one file it is given, answers, and ends. */
const { bytes, limits } = workerData as { bytes: Uint8Array; limits: XlsxLimits };
readXlsxHere(bytes, limits).then(
  (records) => parentPort!.postMessage({ records } satisfies XlsxAnswer),
  (error) => {
    const { code, details } = error instanceof CsvFileError ? error : new CsvFileError('unreadable_xlsx');
    parentPort!.postMessage({ error: { code, details } } satisfies XlsxAnswer);
  },
);
