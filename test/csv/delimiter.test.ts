import { detectDelimiter } from '../../src/csv/delimiter';

test.each([
  ['commas', 'Display Name,Phone Number 1,Phone Number 1 Type\r\nA;B,1,work', ','],
  ['semicolons (French Excel)', 'Display Name;Phone Number 1;Phone Number 1 Type\r\nA,B;1;work', ';'],
  ['tabs', 'Display Name\tPhone Number 1\tPhone Number 1 Type\nA,B\t1\twork', '\t'],
  ['delimiters inside quotes ignored', '"Name, with, commas",a;b;c\n', ';'],
  ['only the header line counts', 'a;b\n1,2,3,4,5,6\n', ';'],
  ['leading blank lines skipped', '\r\n\r\na\tb\n', '\t'],
  ['a single column: comma', 'Display Name\nA\n', ','],
])('%s → %j', (_name, text, delimiter) => {
  expect(detectDelimiter(text)).toBe(delimiter);
});
