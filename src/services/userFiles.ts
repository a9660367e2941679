import type { Directory } from '../directory/directory';
import type { WriteContext } from '../domain/types';
import { exportUsersCsv, usersTemplateCsv } from '../csv/usersExport';
import type { TableLimits } from '../csv/read';
import type { ImportOutcome, ImportRequest } from '../imports/pipeline';
import { importUsers, type UsersImportReport } from '../imports/users';
import type { UsersImportMode } from '../imports/userPlan';

export interface UserFilesOptions {
  region: string;
  limits: TableLimits;
  now?: () => Date;
}

/** The users CSV use cases shared by the bot and the CLI: import, export, template. */
export class UserFileService {
  constructor(
    private readonly directory: Directory,
    readonly options: UserFilesOptions,
  ) {}

  importFile(request: ImportRequest, ctx: WriteContext, mode: UsersImportMode = 'add'): Promise<ImportOutcome<UsersImportReport>> {
    return importUsers(this.directory, request, ctx, { ...this.options, mode });
  }

  async exportCsv(): Promise<{ csv: Buffer; users: number }> {
    const [users, licenses, locations] = await Promise.all([
      this.directory.listUsers(),
      this.directory.listLicenses(),
      this.directory.listLocations(),
    ]);
    return { csv: exportUsersCsv(users, licenses, locations), users: users.length };
  }

  async templateCsv(): Promise<Buffer> {
    return usersTemplateCsv(await this.directory.listLicenses());
  }
}
