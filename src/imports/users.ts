import type { Directory } from '../directory/directory';
import type { IssueDetails } from '../domain/contactIssues';
import type { WriteContext } from '../domain/types';
import { checkUserRow, type UserRowDraft } from '../domain/userRows';
import { mapUsersHeader, type UserField, type UsersHeader } from '../csv/usersFormat';
import { runImport, type ImportOptions, type ImportOutcome, type ImportReport, type ImportRequest, type ImportSpec } from './pipeline';
import { UserPlanner, type UsersImportMode } from './userPlan';

export interface UsersImportReport extends ImportReport {
  mode: UsersImportMode;
}

/**
 * The users import of seed 003, through the same pipeline as contacts: by
 * e-mail, an existing user is updated, a new one created (pending). One
 * import at a time per org, users and contacts alike.
 */
export async function importUsers(
  directory: Directory,
  request: ImportRequest,
  ctx: WriteContext,
  options: ImportOptions & { mode: UsersImportMode },
): Promise<ImportOutcome<UsersImportReport>> {
  // The licence columns are the org's licences: read before the header is mapped.
  const licenses = await directory.listLicenses();
  const spec: ImportSpec<UsersHeader, UserRowDraft, UserField> = {
    kind: 'users',
    mapHeader: (cells) => mapUsersHeader(cells, licenses),
    checkRow: (value, header) => checkUserRow(value, header, options.region),
    async planner() {
      const [users, locations] = await Promise.all([directory.listUsers(), directory.listLocations()]);
      const numbers = (await Promise.all(locations.map((l) => directory.listNumbers(l.id)))).flat();
      const planner = new UserPlanner({ users, licenses, locations, numbers }, options.mode);
      return {
        plan: (line, draft) => planner.plan(line, draft),
        apply: async (applyCtx, ending) => ({ job: (await directory.applyUserChanges(planner.changes, applyCtx, ending)).job }),
        columnDetails: (details, columnOf): IssueDetails => (details.identity ? { identity: columnOf('email') ?? 'e-mail' } : {}),
      };
    },
    reportExtras: { mode: options.mode },
  };
  return runImport(directory, request, ctx, options, spec) as Promise<ImportOutcome<UsersImportReport>>;
}
