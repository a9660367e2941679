import { readContactPhone } from '../../src/domain/contactPhone';
import { PARALLEL_MIN_NUMBERS, readPhones as readPhonesFromSources } from '../../src/imports/phoneReadings';
// The compiled build is the one with a worker (npm test builds first): it reads its share of a big file there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readPhones: readPhonesWithWorker, phoneReader: phoneReaderWithWorker } =
  require('../../dist/src/imports/phoneReadings.js') as typeof import('../../src/imports/phoneReadings');

/** French national numbers, international ones, numbers not valid, damaged cells and junk, in one mix. */
function mixedNumbers(count: number): string[] {
  const kinds = [
    (i: number) => `01 ${String(40_000_000 + i).replace(/(..)(..)(..)(..)/, '$1 $2 $3 $4')}`,
    (i: number) => `+49 30 ${String(1_000_000 + i)}`,
    (i: number) => `0033 6${String(10_000_000 + i)}`,
    (i: number) => `491511${String(2_000_000 + i)}`,
    (i: number) => `3.36${i}E+10`,
    (i: number) => `+1 555 ${String(i).padStart(7, '0')}`,
    (i: number) => `abc${i}`,
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length](i));
}

const expected = (raws: string[]) => new Map(raws.map((raw) => [raw, readContactPhone(raw, 'work', 'FR')]));

test.each([
  ['a small file, read inline', readPhonesFromSources, 50],
  ['a big file, sent batch by batch to the worker thread', readPhonesWithWorker, PARALLEL_MIN_NUMBERS * 2 + 1],
])('%s: each distinct number gets exactly what readContactPhone says, warnings and errors included', async (_name, readPhones, count) => {
  const raws = mixedNumbers(count);
  const readings = await readPhones([...raws, ...raws.slice(0, 10)], 'FR');
  expect(readings).toEqual(expected(raws));
  const kinds = new Set([...readings.values()].map((r) => ('error' in r ? r.error : r.warning ? r.warning.code : 'ok')));
  expect(kinds).toEqual(new Set(['ok', 'phone_not_valid', 'phone_lost_plus', 'phone_scientific_notation', 'phone_invalid']));
});

test('imports one after another reuse the worker and each gets its own answers', async () => {
  const first = mixedNumbers(PARALLEL_MIN_NUMBERS);
  const second = first.map((raw) => `${raw}9`);
  const [a, b] = await Promise.all([readPhonesWithWorker(first, 'FR'), readPhonesWithWorker(second, 'FR')]);
  expect(a).toEqual(expected(first));
  expect(b).toEqual(expected(second));
});

test('numbers sent while the file is still parsed are read by the worker, with the region, the last short batch too', async () => {
  const raws = Array.from({ length: PARALLEL_MIN_NUMBERS * 3 + 7 }, (_, i) => `02 ${String(5_000_000 + i)}`);
  const reader = phoneReaderWithWorker('BE');
  raws.forEach((raw) => reader.add(raw));
  // Time for the worker to start and claim the first batch, as it does while a big file is parsed: it reads them all then.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const readings = await reader.done();
  expect(readings).toEqual(new Map(raws.map((raw) => [raw, readContactPhone(raw, 'work', 'BE')])));
  expect(readings.get(raws.at(-1)!)).toMatchObject({ value: expect.stringMatching(/^\+322/) });
});

test('readings come back batch by batch, in the order the numbers were added: each count yielded has its readings in place', async () => {
  const raws = mixedNumbers(PARALLEL_MIN_NUMBERS * 2 + 3);
  const reader = phoneReaderWithWorker('FR');
  raws.forEach((raw) => reader.add(raw));
  const counts: number[] = [];
  for await (const count of reader.read()) {
    counts.push(count);
    expect(raws.slice(0, count).filter((raw, i) => reader.find(raw, i, i + 1) === undefined)).toEqual([]);
    if (count < raws.length) expect(reader.find(raws[count], count, count + 1)).toBeUndefined();
  }
  expect(counts.length).toBeGreaterThan(1);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBe(raws.length);
  expect(raws.map((raw, i) => reader.find(raw, i, i + 1))).toEqual(raws.map((raw) => readContactPhone(raw, 'work', 'FR')));
});

test('a number is found only among the positions asked for, repeats included', async () => {
  const reader = phoneReaderWithWorker('FR');
  ['01 40 00 00 01', '01 40 00 00 02', '01 40 00 00 01'].forEach((raw) => reader.add(raw));
  await reader.done();
  expect(reader.find('01 40 00 00 01', 1, 2)).toBeUndefined();
  expect(reader.find('01 40 00 00 01', 1, 3)).toEqual({ value: '+33140000001' });
  expect(reader.find('01 40 00 00 02', 0, 2)).toEqual({ value: '+33140000002' });
  expect(reader.find('01 40 00 00 03', 0, 3)).toBeUndefined();
});

test('a file too small to share is read inline, all at once', async () => {
  const raws = mixedNumbers(20);
  const reader = phoneReaderWithWorker('FR');
  raws.forEach((raw) => reader.add(raw));
  const counts: number[] = [];
  for await (const count of reader.read()) counts.push(count);
  expect(counts).toEqual([raws.length]);
  expect(raws.map((raw, i) => reader.find(raw, i, i + 1))).toEqual(raws.map((raw) => readContactPhone(raw, 'work', 'FR')));
});

test('a number repeated all over a big file (a shared switchboard) gets the same reading everywhere', async () => {
  const raws = mixedNumbers(PARALLEL_MIN_NUMBERS * 2).map((raw, i) => (i % 3 === 0 ? '01 40 00 00 00' : raw));
  const reader = phoneReaderWithWorker('FR');
  raws.forEach((raw) => reader.add(raw));
  await reader.done();
  expect(raws.map((raw, i) => reader.find(raw, i, i + 1))).toEqual(raws.map((raw) => readContactPhone(raw, 'work', 'FR')));
});
