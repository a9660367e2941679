import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { CsvFileError } from './fileError';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text in UTF-8: the file's own bytes (BOM left out) when it is UTF-8, else the decoded text encoded again. */
  utf8: Buffer;
  encoding: TextEncoding;
}

const MAX_CONTROL_SHARE = 0.01;

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
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

const fromText = (text: string, encoding: TextEncoding): DecodedText => ({ utf8: Buffer.from(text, 'utf8'), encoding });

function detect(bytes: Uint8Array): DecodedText | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return isUtf8(buffer.subarray(3)) ? { utf8: buffer.subarray(3), encoding: 'utf-8-bom' } : undefined;
  if (startsWith(bytes, 0xff, 0xfe)) return fromText(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, 0xfe, 0xff)) return fromText(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16be');
  if (isUtf8(buffer)) return { utf8: buffer, encoding: 'utf-8' };
  if (isBrokenUtf8(bytes)) return undefined;
  // Not UTF-8: what French Excel writes for "CSV (séparateur: point-virgule)".
  return fromText(iconv.decode(buffer, 'windows-1252'), 'windows-1252');
}

/**
 * Control characters other than tab, LF, FF and CR: a text file (CSV) has
 * none, a binary file many. In UTF-8 each is a single byte below 0x20 or 0x7F
 * (the bytes of other characters are all 0x80 or above), so bytes are counted.
 */
function controlCount(utf8: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < utf8.length; i++) {
    const byte = utf8[i];
    if (byte < 0x20 ? byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d : byte === 0x7f) count++;
  }
  return count;
}

/** Bytes of a CSV file → its text in UTF-8; a file that is not text (NUL bytes, binary) is a file error. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = detect(bytes);
  if (!decoded || decoded.utf8.includes(0)) throw new CsvFileError('not_text');
  if (controlCount(decoded.utf8) > decoded.utf8.length * MAX_CONTROL_SHARE) throw new CsvFileError('not_text');
  return decoded;
}
