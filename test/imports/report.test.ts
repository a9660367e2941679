import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';

// Every detail a file or row issue can carry, so that no message shows "undefined".
const DETAILS = {
  column: 'Phone Number 1',
  value: 'x',
  number: '0612',
  allowed: 'work, work_extension, mobile, home, other',
  e164: '+15551234567',
  message: 'Refused by policy.',
  suggestion: '+4915112345678',
  count: 13,
  expected: 12,
  delimiter: ',',
  line: 2,
  identity: 'Contact Email',
  email: 'a@example.com',
  name: 'Ada',
  size: 6_000_000,
  max: 5_242_880,
  rows: 10_001,
  found: 'Name, Phone',
  columns: 'Display Name',
  length: 300,
  position: 4,
  character: 'U+001B',
  parts: 5_005,
  cell: 'XFD20000',
};

describe.each(['file', 'row'] as const)('import %s messages', (kind) => {
  const codes = Object.keys(en.import[kind]);

  test('French and English have the same codes', () => {
    expect(Object.keys(fr.import[kind]).sort()).toEqual([...codes].sort());
  });

  test.each(codes)('%s reads in both languages, with every detail filled in', (code) => {
    const english = (en.import[kind] as Record<string, (d: typeof DETAILS) => string>)[code](DETAILS);
    const french = (fr.import[kind] as Record<string, (d: typeof DETAILS) => string>)[code](DETAILS);
    for (const message of [english, french]) {
      expect(message).not.toMatch(/undefined|NaN|\[object/);
      expect(message.length).toBeGreaterThan(30);
    }
    expect(french).not.toBe(english);
  });
});

test('sizes are told in megabytes: 5 MB is the default limit', () => {
  expect(en.import.file.too_large({ size: 6_000_000, max: 5_242_880 })).toContain('5.7 MB; the limit is 5.0 MB');
  expect(fr.import.file.too_large({ size: 6_000_000, max: 5_242_880 })).toContain('5,7 Mo ; la limite est de 5,0 Mo');
});

test('counts and sizes are written as each language writes numbers', () => {
  expect(en.import.file.too_many_rows({ rows: 10_001, max: 10_000 })).toContain('holds 10,001 rows; the limit is 10,000 per import');
  expect(fr.import.file.too_many_rows({ rows: 10_001, max: 10_000 })).toContain('contient 10\u202f001 lignes ; la limite est de 10\u202f000 par import');
  expect(fr.import.file.too_large({ size: 5_242_881, max: 5_242_880 })).toContain('5\u202f242\u202f881 octets ; la limite est de 5\u202f242\u202f880 octets');
  expect(fr.contactImport.accepted(10_000, 5_242_880)).toContain("jusqu'à 10\u202f000 lignes et 5,0 Mo");
  expect(en.contactImport.accepted(10_000, 5_242_880)).toContain('up to 10,000 rows and 5.0 MB');
});

test('the error file column is Comments in English and Commentaires in French (the name the import ignores)', () => {
  expect([en.import.commentsColumn, fr.import.commentsColumn]).toEqual(['Comments', 'Commentaires']);
});
