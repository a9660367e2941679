import iconv from 'iconv-lite';
import { CsvFileError } from './fileError';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

// Control characters other than tab, LF, FF and CR: a text file (CSV) has none, a binary file many.
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F]/g;
const MAX_CONTROL_SHARE = 0.01;

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 with a few broken sequences (a UTF-8 file edited or pasted into in
 * another encoding): more well-formed non-ASCII characters than broken ones.
 * Read as Windows-1252, each of its accents would become two wrong characters
 * ("é" → "Ã©"), column names included, without a word; it is refused instead.
 * A real Windows-1252 file has almost no byte pair that is valid UTF-8.
 */
function isBrokenUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let broken = 0;
  for (const char of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    if (char === '\uFFFD') broken++;
    else if (char > '\x7F') valid++;
  }
  return valid > broken;
}

function detect(bytes: Uint8Array): DecodedText | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = tryUtf8(bytes.subarray(3));
    return text === undefined ? undefined : { text, encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, 0xff, 0xfe)) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (isBrokenUtf8(bytes)) return undefined;
  // Not UTF-8: what French Excel writes for "CSV (séparateur: point-virgule)".
  return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252' };
}

/** Bytes of a CSV file → text; a file that is not text (NUL bytes, binary) is a file error. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = detect(bytes);
  if (!decoded || decoded.text.includes('\0')) throw new CsvFileError('not_text');
  const controls = decoded.text.match(CONTROL)?.length ?? 0;
  if (controls > decoded.text.length * MAX_CONTROL_SHARE) throw new CsvFileError('not_text');
  return decoded;
}
