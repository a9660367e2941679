import { readContactPhone, type PhoneReading } from '../domain/contactPhone';

/** Numbers read a chunk at a time: small enough to share evenly, big enough that the shared cursor is rarely touched. */
const CHUNK = 256;

/** Numbers shared between threads: each takes the next chunk by moving `cursor` (an Int32 in shared memory). */
export interface ShareRequest {
  raws: string[];
  region: string;
  cursor: SharedArrayBuffer;
}

export interface ShareAnswer {
  id: number;
  chunks: { start: number; readings: PhoneReading[] }[];
}

/** Reads chunks until none is left; `take` gets each chunk's readings with the index of its first number. */
export function readShare({ raws, region, cursor }: ShareRequest, take: (start: number, readings: PhoneReading[]) => void): void {
  const next = new Int32Array(cursor);
  for (let start = Atomics.add(next, 0, CHUNK); start < raws.length; start = Atomics.add(next, 0, CHUNK)) {
    take(start, raws.slice(start, start + CHUNK).map((raw) => readContactPhone(raw, 'work', region)));
  }
}
