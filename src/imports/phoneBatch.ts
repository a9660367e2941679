import { readContactPhone, type PhoneReading } from '../domain/contactPhone';

/**
 * A batch of numbers for the worker; `claim` (an Int32 in shared memory) says
 * whether a thread took it. `file` tells the batches of one file from another's.
 */
export interface BatchRequest {
  raws: string[];
  region: string;
  file: number;
  claim: SharedArrayBuffer;
}

/** Tells the worker a file's numbers are all read: it drops what it kept of them. */
export interface ForgetFile {
  forget: number;
}

/** A reading as sent between threads and kept: a plain E.164 string for a number read without remark. */
export type PackedReading = string | PhoneReading;

/** The worker's readings of a batch, or undefined when the other thread had claimed it. */
export interface BatchAnswer {
  id: number;
  readings?: PackedReading[];
}

/** True for the one thread that claims the batch first; every other caller gets false. */
export function claimBatch(claim: SharedArrayBuffer): boolean {
  return Atomics.compareExchange(new Int32Array(claim), 0, 0, 1) === 0;
}

export function isClaimed(claim: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(claim), 0) !== 0;
}

// Most numbers of a file read without remark: strings cross threads several times cheaper than objects.
const packReading = (reading: PhoneReading): PackedReading => ('value' in reading && !reading.warning ? reading.value : reading);

export const unpackReading = (packed: PackedReading): PhoneReading => (typeof packed === 'string' ? { value: packed } : packed);

/** Reads numbers with `region`, each distinct one once. */
export function memoReader(region: string): (raw: string) => PackedReading {
  const read = new Map<string, PackedReading>();
  return (raw) => {
    let reading = read.get(raw);
    if (reading === undefined) read.set(raw, (reading = packReading(readContactPhone(raw, 'work', region))));
    return reading;
  };
}
