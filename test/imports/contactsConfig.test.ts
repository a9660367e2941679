import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import { createServices } from '../../src/services';
import { CTX } from './importHarness';

test('import limits default to 10,000 rows and 5 MB', () => {
  expect(loadConfig({}).importLimits).toEqual({ maxRows: 10_000, maxBytes: 5_242_880 });
});

test('IMPORT_MAX_ROWS and IMPORT_MAX_BYTES are read', () => {
  expect(loadConfig({ IMPORT_MAX_ROWS: '1000', IMPORT_MAX_BYTES: '1048576' }).importLimits).toEqual({ maxRows: 1000, maxBytes: 1_048_576 });
});

test.each([
  ['IMPORT_MAX_ROWS', 'lots', /IMPORT_MAX_ROWS: expected a whole number of data rows \(1 or more\) \(got "lots"\)/],
  ['IMPORT_MAX_ROWS', '0', /IMPORT_MAX_ROWS: expected a whole number of data rows/],
  ['IMPORT_MAX_BYTES', '1.5', /IMPORT_MAX_BYTES: expected a whole number of bytes/],
])('%s=%s is refused, naming the variable', (name, value, expected) => {
  let problems: string[] = [];
  try {
    loadConfig({ [name]: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    problems = (error as ConfigError).problems;
  }
  expect(problems).toEqual([expect.stringMatching(expected)]);
});

test('the services apply the configured limits', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-limits-'));
  const directory = await openLowdbDirectory(dir);
  try {
    const { contacts } = createServices(directory, loadConfig({ IMPORT_MAX_ROWS: '1' }));
    const file = Buffer.from('Display Name,Contact Email\nA,a@example.com\nB,b@example.com\n');
    const outcome = await contacts.importFile({ bytes: file, fileName: 'two.csv', dryRun: true }, CTX);
    expect(outcome).toMatchObject({ ok: false, fileError: { code: 'too_many_rows', details: { rows: 2, max: 1 } } });
  } finally {
    await directory.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
