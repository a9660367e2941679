import type { Directory } from '../directory/directory';
import type { Contact, ImportJob, WriteContext } from '../domain/types';
import { exportContactsCsv } from '../csv/export';
import type { TableLimits } from '../csv/read';
import { importContacts, type ImportOutcome, type ImportRequest } from '../imports/contacts';

export interface ContactServiceOptions {
  region: string;
  limits: TableLimits;
  now?: () => Date;
}

/** Contacts use cases shared by the bot and the CLI: import a file, export (the template is csv/export's templateCsv). */
export class ContactService {
  constructor(
    private readonly directory: Directory,
    private readonly options: ContactServiceOptions,
  ) {}

  listContacts(): Promise<Contact[]> {
    return this.directory.listContacts();
  }

  importFile(request: ImportRequest, ctx: WriteContext): Promise<ImportOutcome> {
    return importContacts(this.directory, request, ctx, this.options);
  }

  /** The last imports, newest first. */
  async lastImports(count = 10): Promise<ImportJob[]> {
    return (await this.directory.listImportJobs()).slice(0, count);
  }

  /** The latest job that ran from this preview (any kind of import), if one did. */
  async jobOfPreview(importId: string): Promise<ImportJob | undefined> {
    return (await this.directory.listImportJobs()).find((job) => job.importId === importId);
  }

  /** Every contact as a Webex template CSV (UTF-8 with BOM), ready to edit and import back. */
  async exportCsv(): Promise<{ csv: Buffer; contacts: number }> {
    const contacts = await this.directory.listContacts();
    return { csv: exportContactsCsv(contacts), contacts: contacts.length };
  }
}
