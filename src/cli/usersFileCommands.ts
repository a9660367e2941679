import { Option, type Command } from 'commander';
import type { UsersImportMode } from '../imports/userPlan';
import { withServices } from './common';
import { importAndReport, output } from './importOutput';

/** `users import|export|template`: the users CSV of seed 003, beside `users add|list|delete`. */
export function registerUsersFileCommands(program: Command): void {
  const users = program.commands.find((c) => c.name() === 'users');
  if (!users) throw new Error('the users command must be registered first');

  users
    .command('import')
    .description('import a users CSV (e-mail, names, location, number, extension, one TRUE/FALSE column per licence); one import at a time per org')
    .argument('<file>', 'a .csv (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx file')
    .addOption(
      new Option('--mode <mode>', 'add: TRUE adds a licence, FALSE changes nothing; add-remove: FALSE removes it').choices(['add', 'add-remove']).default('add'),
    )
    .option('--dry-run', 'check the file and report what would change, without writing anything')
    .option('--errors-out <file>', 'write the failed rows with a Comments column to this CSV file (removed when no row failed)')
    .action((file: string, opts: { mode: UsersImportMode; dryRun?: boolean; errorsOut?: string }, command: Command) =>
      withServices(({ userFiles }, ctx, m) =>
        importAndReport(m, file, opts, command.optsWithGlobals().json === true, (input) => userFiles.importFile(input, ctx, opts.mode), 'users'),
      ),
    );

  users
    .command('export')
    .description("the org's users in the users CSV (licences as TRUE/FALSE), UTF-8; to stdout unless --out")
    .option('--out <file>', 'write the CSV to this file')
    .action((opts: { out?: string }, command: Command) =>
      withServices(async ({ userFiles }) => {
        const exported = await userFiles.exportCsv();
        await output(exported.csv, opts.out, command.optsWithGlobals().json === true, { users: exported.users });
      }),
    );

  users
    .command('template')
    .description("the users CSV header with the org's licences, UTF-8; to stdout unless --out")
    .option('--out <file>', 'write the CSV to this file')
    .action((opts: { out?: string }, command: Command) =>
      withServices(async ({ userFiles }) => {
        const template = await userFiles.templateCsv();
        await output(template, opts.out, command.optsWithGlobals().json === true, {});
      }),
    );
}
