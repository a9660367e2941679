import os from 'node:os';
import type { Command } from 'commander';
import { configOfProcess } from '../config';
import type { WriteContext } from '../domain/types';
import { visibleControls } from '../domain/typedText';
import { messages, type Messages } from '../i18n';
import type { Services } from '../services';

/** Wrong use of the command line (exit 2), as opposed to a broken business rule (exit 1). */
export class UsageError extends Error {}

/**
 * Opens the same directory as the bot, runs `fn` with the messages of
 * DEFAULT_LOCALE (the CLI's language), and always closes it (pending writes reach the disk).
 */
export async function withServices<T>(fn: (services: Services, ctx: WriteContext, m: Messages) => Promise<T>): Promise<T> {
  const config = configOfProcess();
  // Loaded when a command runs, not when the CLI starts: --help and usage errors need none of the backends.
  const { openDirectory } = require('../openDirectory') as typeof import('../openDirectory');
  const { createServices } = require('../services') as typeof import('../services');
  const directory = await openDirectory(config);
  try {
    const baseUrl = () => config.publicUrl ?? `http://localhost:${config.port}`;
    return await fn(createServices(directory, { ...config, baseUrl }), cliWriteContext(), messages(config.defaultLocale));
  } finally {
    await directory.close();
  }
}

/** The messages of DEFAULT_LOCALE, the CLI's language (English when the configuration cannot be read). */
export function cliMessages(): Messages {
  try {
    return messages(configOfProcess().defaultLocale);
  } catch {
    return messages('en');
  }
}

/** Whoever runs the CLI can read and write the data folder itself: an admin. */
function cliWriteContext(): WriteContext {
  const name = os.userInfo().username;
  return { actor: { id: `cli:${name}`, name, role: 'admin' }, flow: 'cli' };
}

/** Commander's argParser for an option that may be repeated: every value, in order. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Text for a terminal: a stored control or bidi character is shown as \u001b, never sent raw (escape-sequence injection). */
export function terminalText(text: string): string {
  return text.split('\n').map(visibleControls).join('\n');
}

export function writeOut(text: string): void {
  process.stdout.write(terminalText(text));
}

export function writeErr(text: string): void {
  process.stderr.write(terminalText(text));
}

/** JSON.stringify leaves C1 controls and bidi overrides as they are: written as \u escapes, the same JSON. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
}

/** `--json` is a global option: JSON on stdout, otherwise one human-readable line per item. */
export function print<T>(command: Command, value: T, lines: (value: T) => string[]): void {
  if (command.optsWithGlobals().json) printJson(value);
  else writeOut(lines(value).map((line) => `${line}\n`).join(''));
}
