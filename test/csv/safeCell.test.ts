import { neutraliseCell, restoreCell } from '../../src/csv/safeCell';

test.each(['=HYPERLINK("http://evil","x")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\tabc', '\rabc', "=1+1"])(
  'a cell starting like a formula (%j) is prefixed with a quote, and restored on import',
  (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(restoreCell(neutraliseCell(value))).toBe(value);
  },
);

test.each(['+33612345678', '+33 6 12 34 56 78', '+1-555-123-4567', '+49.1222.333'])('a phone number %j is left as it is', (value) => {
  expect(neutraliseCell(value)).toBe(value);
});

test.each(['fournisseur 1', '0123456701', "l'été", '', 'a=b'])('ordinary text %j is unchanged both ways', (value) => {
  expect(neutraliseCell(value)).toBe(value);
  expect(restoreCell(value)).toBe(value);
});

test("a value that merely starts with a quote is kept on import ('abc)", () => {
  expect(restoreCell("'abc")).toBe("'abc");
});
