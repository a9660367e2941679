import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './auditCommands';
import { registerContactsCommands } from './contactsCommands';
import { registerInvitationsCommands } from './invitationsCommands';
import { registerListsCommands } from './listsCommands';
import { RefusedError } from './cliErrors';
import { registerLocationsCommands } from './locationsCommands';
import { registerUsersCommands } from './usersCommands';
import { registerUsersFileCommands } from './usersFileCommands';
import { registerWebexCommands } from './webexCommands';
import { cliMessages, printJson, UsageError, writeErr } from './common';
import { ConfigError } from '../config';
import { ListError } from '../domain/listRules';
import { RuleError } from '../domain/ruleError';
import { ruleMessage, type Messages } from '../i18n';

/** Exit codes: 0 done, 1 a rule refused the request or something failed, 2 wrong usage or configuration. */
export function buildProgram(): Command {
  const program = new Command('provisio')
    .description('Provisio from the command line: the same directory and rules as the bot (DATA_DIR, DIRECTORY_BACKEND).')
    .option('--json', 'print JSON instead of human-readable lines')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    // Subcommands inherit this only if it is set before they are created.
    .exitOverride();
  registerUsersCommands(program);
  registerUsersFileCommands(program);
  registerLocationsCommands(program);
  registerContactsCommands(program);
  registerAuditCommands(program);
  registerInvitationsCommands(program);
  registerListsCommands(program);
  registerWebexCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error, program.opts().json === true);
  }
}

function report(error: unknown, json: boolean): number {
  // Commander has already printed its own message (or the help).
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof ConfigError || error instanceof UsageError) {
    writeErr(`${error.message}\n`);
    return 2;
  }
  // The CLI speaks DEFAULT_LOCALE, like the bot to a client that gives no locale.
  const m = cliMessages();
  if (error instanceof RuleError) {
    const message = ruleMessage(m, error);
    if (json) printJson({ error: { code: error.code, message } });
    else writeErr(`${m.cli.error(message)}\n`);
    return 1;
  }
  if (error instanceof ListError) return refuse(m, new RefusedError(error.code, m.lists.errors[error.code](error.details)), json);
  if (error instanceof RefusedError) return refuse(m, error, json);
  const message = error instanceof Error ? error.message : String(error);
  writeErr(`${m.cli.error(message.replace(/\s*\n\s*/g, ' '))}\n`);
  return 1;
}

function refuse(m: Messages, error: RefusedError, json: boolean): number {
  if (json) printJson({ error: { code: error.code, message: error.message, ...error.extra } });
  else writeErr(`${m.cli.error(error.message)}\n`);
  return 1;
}

if (require.main === module) {
  // exitCode rather than exit(): stdout, when piped, is flushed before the process ends.
  void main(process.argv).then((code) => (process.exitCode = code));
}
