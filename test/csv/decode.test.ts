import iconv from 'iconv-lite';
import { decodeText } from '../../src/csv/decode';
import { CsvFileError } from '../../src/csv/fileError';

const TEXT = 'nom-contact,poste\r\nJérôme Dœuf,Sécurité — accueil\r\n';

test.each([
  ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8-bom'],
  ['UTF-16 LE with BOM', iconv.encode(TEXT, 'utf-16le', { addBOM: true }), 'utf-16le'],
  ['UTF-16 BE with BOM', iconv.encode(TEXT, 'utf-16be', { addBOM: true }), 'utf-16be'],
  ['Windows-1252 (French Excel)', iconv.encode(TEXT, 'windows-1252'), 'windows-1252'],
])('%s decodes to the same text, BOM removed', (_name, bytes, encoding) => {
  const decoded = decodeText(bytes);
  expect({ text: decoded.utf8.toString('utf8'), encoding: decoded.encoding }).toEqual({ text: TEXT, encoding });
});

test('UTF-16 starts with its BOM bytes (the case above is not decoded by luck)', () => {
  expect([...iconv.encode('a', 'utf-16le', { addBOM: true })]).toEqual([0xff, 0xfe, 0x61, 0x00]);
  expect([...iconv.encode('a', 'utf-16be', { addBOM: true })]).toEqual([0xfe, 0xff, 0x00, 0x61]);
});

function fileErrorOf(bytes: Uint8Array): string | undefined {
  try {
    decodeText(bytes);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFileError);
    return (error as CsvFileError).code;
  }
}

test.each([
  ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')],
  ['UTF-16 without a BOM (NUL bytes)', iconv.encode(TEXT, 'utf-16le')],
  ['a run of control bytes', Buffer.from(Array.from({ length: 200 }, (_, i) => i % 32))],
  ['a UTF-8 BOM followed by invalid UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x00])],
])('%s is not_text', (_name, bytes) => {
  expect(fileErrorOf(bytes)).toBe('not_text');
});

test('one stray control character in a big text file is still text', () => {
  const text = `${'Display Name,Contact Email\r\n'}${'A,a@example.com\r\n'.repeat(20)}B\u0007,b@example.com\r\n`;
  expect(decodeText(Buffer.from(text)).encoding).toBe('utf-8');
});
