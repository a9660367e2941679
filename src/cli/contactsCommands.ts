import type { Command } from 'commander';
import { TEMPLATE_HEADER, templateCsv } from '../csv/export';
import { withServices } from './common';
import { registerContactEditCommands } from './contactEditCommands';
import { importAndReport, output } from './importOutput';

export function registerContactsCommands(program: Command): void {
  const contacts = program.command('contacts').description('add, search and delete contacts; import them from CSV or .xlsx, export them, get the template');
  registerContactEditCommands(contacts);

  contacts
    .command('import')
    .description('import a contacts file (Webex template or company-contacts format): valid rows are applied, failed rows reported')
    .argument('<file>', 'a .csv (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx file')
    .option('--dry-run', 'check the file and report what would change, without writing anything')
    .option('--errors-out <file>', 'write the failed rows with a Comments column to this CSV file (removed when no row failed)')
    .action((file: string, opts: { dryRun?: boolean; errorsOut?: string }, command: Command) =>
      withServices(({ contacts }, ctx, m) =>
        importAndReport(m, file, opts, command.optsWithGlobals().json === true, (input) => contacts.importFile(input, ctx)),
      ),
    );

  contacts
    .command('export')
    .description('every contact in the Webex template (with its Contact UUID), UTF-8 CSV; to stdout unless --out')
    .option('--out <file>', 'write the CSV to this file')
    .action((opts: { out?: string }, command: Command) =>
      withServices(async ({ contacts }) => {
        const exported = await contacts.exportCsv();
        await output(exported.csv, opts.out, command.optsWithGlobals().json === true, { contacts: exported.contacts });
      }),
    );

  contacts
    .command('template')
    .description('the Webex contacts template (its header row), UTF-8 CSV; to stdout unless --out')
    .option('--out <file>', 'write the CSV to this file')
    // No directory needed: the template is the same for every org.
    .action((opts: { out?: string }, command: Command) =>
      output(templateCsv(), opts.out, command.optsWithGlobals().json === true, { columns: TEMPLATE_HEADER.length }),
    );
}
