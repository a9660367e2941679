import { messages } from '../../src/i18n';
import type { ImportOutcome } from '../../src/imports/contacts';
import { fileErrorMessage, importErrorFile, issueMessage } from '../../src/imports/report';
import { openHarness, ownFile, sharedFile, type Harness } from '../imports/importHarness';
import { xlsxFile } from '../helpers/xlsxFile';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});

afterAll(async () => {
  await h.close();
});

/** A small seeded generator (mulberry32): the same "random" files on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The import answered: a report whose counts add up, or a file error; every message renders. */
function expectAnswer(outcome: ImportOutcome): void {
  const m = messages('fr');
  if (!outcome.ok) {
    expect(fileErrorMessage(m, outcome.fileError.code, outcome.fileError.details)).not.toMatch(/undefined/);
    return;
  }
  const { report } = outcome;
  expect(report.created + report.updated + report.unchanged + report.failed).toBe(report.file.rows);
  for (const issue of [...report.errors, ...report.warnings]) expect(issueMessage(m, issue)).not.toMatch(/undefined/);
  if (report.failed) expect(importErrorFile(m, outcome.failed)).toBeInstanceOf(Buffer);
}

const run = (bytes: Buffer) => h.run(bytes, { dryRun: true });

test('random bytes never make the import throw', async () => {
  const next = random(42);
  for (let i = 0; i < 300; i++) {
    const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 600) }, () => Math.floor(next() * 256)));
    expectAnswer(await run(bytes));
  }
});

test('random CSV-like text under a valid header never makes the import throw', async () => {
  const next = random(7);
  const alphabet = [',', ';', '\t', '"', '""', '\r\n', '\n', '\r', ' ', 'é', 'a', '0', '6', '+', '@', '.', '=', 'E+10', 'work', "'"];
  for (let i = 0; i < 400; i++) {
    const body = Array.from({ length: Math.floor(next() * 120) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const header = next() < 0.5 ? 'Display Name,Phone Number 1,Phone Number 1 Type,Contact Email,Group ID 1' : 'nom-contact;poste;e-mail;téléphone-travail';
    expectAnswer(await run(Buffer.from(`${header}\r\n${body}`, 'utf8')));
  }
});

test.each([
  ['the filled template', () => sharedFile('webex-contacts-template-filled.csv')],
  ['the company sample', () => sharedFile('company-contacts-sample.csv')],
  ['the row-errors fixture', () => ownFile('webex-row-errors.csv')],
  ['an .xlsx file', () => xlsxFile([['Display Name', 'Phone Number 1', 'Phone Number 1 Type'], ['Ada', 612345678, 'mobile']])],
])('%s cut at every byte never makes the import throw', async (_name, file) => {
  const bytes = file();
  for (let end = 0; end <= bytes.length; end++) expectAnswer(await run(bytes.subarray(0, end)));
});
