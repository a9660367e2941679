import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CsvFileError } from './fileError';

const inflateRaw = promisify(zlib.inflateRaw);

/** What the parts of an .xlsx (the files inside its zip) may unzip to. */
export interface UnzipLimits {
  /** Bytes of one part, unzipped. */
  maxPartBytes: number;
  /** Bytes of all the parts together, unzipped. */
  maxTotalBytes: number;
  /** Parts: a workbook has a few dozen. */
  maxParts: number;
}

interface Part {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** Unzipped, as the central directory declares it. */
  size: number;
  localOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const unreadable = () => new CsvFileError('unreadable_xlsx');

/** The parts the central directory lists, with their declared sizes; nothing is unzipped. */
function centralDirectory(zip: Buffer): Part[] {
  // The end record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = zip.length - 22;
  while (end >= Math.max(0, zip.length - 22 - 0xffff) && zip.readUInt32LE(end) !== END_SIGNATURE) end--;
  if (end < 0 || zip.readUInt32LE(end) !== END_SIGNATURE) throw unreadable();
  const start = zip.readUInt32LE(end + 16);
  const stop = start + zip.readUInt32LE(end + 12);
  if (stop > end) throw unreadable(); // also a zip64 directory (0xffffffff), never needed under 4 GB
  const parts: Part[] = [];
  for (let at = start; at < stop; ) {
    if (at + 46 > stop || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw unreadable();
    const nameLength = zip.readUInt16LE(at + 28);
    parts.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      // 0xffffffff (zip64: the size is elsewhere) counts as 4 GB: over any cap.
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's bytes, unzipped: never more than its declared size, which the caps were checked against. */
async function unzipPart(zip: Buffer, part: Part): Promise<Buffer> {
  const at = part.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE || part.flags & 1) throw unreadable(); // bit 0: encrypted
  const dataStart = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(dataStart, dataStart + part.compressedSize);
  if (data.length !== part.compressedSize) throw unreadable();
  let bytes: Buffer;
  if (part.method === STORED) bytes = data;
  else if (part.method !== DEFLATED) throw unreadable();
  else {
    try {
      // Declared sizes can lie: inflating stops one chunk past the declared size.
      bytes = await inflateRaw(data, { maxOutputLength: Math.max(1, part.size) });
    } catch {
      throw unreadable();
    }
  }
  if (bytes.length !== part.size || zlib.crc32(bytes) !== part.crc) throw unreadable();
  return bytes;
}

/**
 * The XML parts of an .xlsx (what a sheet is read from), unzipped within the
 * limits: the declared sizes are checked against them before anything is
 * unzipped, and no part is unzipped past its declared size.
 */
export async function unzipXlsx(bytes: Uint8Array, limits: UnzipLimits): Promise<Record<string, Uint8Array>> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = centralDirectory(zip);
  if (parts.length > limits.maxParts) throw new CsvFileError('xlsx_too_many_parts', { parts: parts.length, max: limits.maxParts });
  let total = 0;
  for (const part of parts) {
    if (part.size > limits.maxPartBytes) throw new CsvFileError('xlsx_too_large', { size: part.size, max: limits.maxPartBytes });
    total += part.size;
  }
  if (total > limits.maxTotalBytes) throw new CsvFileError('xlsx_too_large', { size: total, max: limits.maxTotalBytes });
  const xml = parts.filter((part) => part.name.endsWith('.xml') || part.name.endsWith('.rels'));
  const contents = await Promise.all(xml.map((part) => unzipPart(zip, part)));
  return Object.fromEntries(xml.map((part, i) => [part.name, contents[i]]));
}
