import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The built CLI (npm test builds first), run as a user would. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: any;
}

export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    // The CLI speaks DEFAULT_LOCALE (French unless set): these tests read its English.
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, DEFAULT_LOCALE: 'en', ...env },
    timeout: 20_000,
  });
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json };
}
