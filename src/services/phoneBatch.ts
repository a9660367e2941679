import type { PhoneReading } from '../domain/contactPhone';

/** A batch of numbers for the worker; `claim` (an Int32 in shared memory) says whether a thread took it. */
export interface BatchRequest {
  raws: string[];
  region: string;
  claim: SharedArrayBuffer;
}

/** A reading as sent between threads: a plain E.164 string for a number read without remark. */
type PackedReading = string | PhoneReading;

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
export const packReadings = (readings: PhoneReading[]): PackedReading[] =>
  readings.map((reading) => ('value' in reading && !reading.warning ? reading.value : reading));

export const unpackReadings = (packed: PackedReading[]): PhoneReading[] =>
  packed.map((reading) => (typeof reading === 'string' ? { value: reading } : reading));
