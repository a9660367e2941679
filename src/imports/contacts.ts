import type { Directory } from '../directory/directory';
import { PHONE_FIELDS, PHONE_TYPE_FIELDS, SLOTS, type ContactDraft, type FieldKey } from '../domain/contactFields';
import { readContactPhone, readPhoneType } from '../domain/contactPhone';
import { contactUuidKey } from '../domain/contactMerge';
import { checkContactRow, type RowRules } from '../domain/contactRules';
import type { IssueDetails } from '../domain/contactIssues';
import type { ContactPhoneType, WriteContext } from '../domain/types';
import { CsvFileError } from '../csv/fileError';
import { mapHeader, normalizeHeader, type HeaderMap } from '../csv/formats';
import { USER_COLUMNS } from '../csv/usersFormat';
import { contactPlanner, contactPlannerAhead, matchEarly, type ContactPlanner, type IdentityKind } from './contactPlan';
import { phoneReader, type PhoneReader } from './phoneReadings';
import { runImport, type ImportOptions, type ImportOutcome, type ImportRequest, type ImportSpec, type RowPlannerAhead } from './pipeline';

export type { FailedRecords, ImportIssue, ImportOptions, ImportOutcome, ImportReport, ImportRequest } from './pipeline';
export { MAX_VALUE_LENGTH } from './pipeline';

const USERS_EMAIL_COLUMN = normalizeHeader(USER_COLUMNS[0].name);

/** The contacts import (seeds 000, 001, 004): the Webex template or the company-contacts format. */
export function importContacts(directory: Directory, request: ImportRequest, ctx: WriteContext, options: ImportOptions): Promise<ImportOutcome> {
  return runImport(directory, request, ctx, options, contactsSpec(directory, options.region));
}

function contactsSpec(directory: Directory, region: string): ImportSpec<HeaderMap, ContactDraft, FieldKey> {
  let rules: RowRules | undefined;
  let phones: PhoneReader | undefined;
  /** Where each row's numbers start among the file's numbers (one more entry: where the next row's would). */
  const numbersFrom = [0];
  /** The row being checked: it finds its numbers among those read ahead, from numbersFrom[row] to numbersFrom[row + 1]. */
  let row = 0;
  /** The Contact UUIDs and e-mails of the rows, as read ahead. */
  const ids: string[] = [];
  const emails: string[] = [];
  const readPhone = (raw: string, type: ContactPhoneType) =>
    (type !== 'work_extension' && phones?.find(raw, numbersFrom[row], numbersFrom[row + 1])) || readContactPhone(raw, type, region);
  return {
    kind: 'contacts',
    mapHeader(cells) {
      try {
        return mapHeader(cells);
      } catch (error) {
        if (error instanceof CsvFileError && cells.some((c) => normalizeHeader(c) === USERS_EMAIL_COLUMN)) throw new CsvFileError('users_file');
        throw error;
      }
    },
    readAhead(header) {
      const reader = (phones = phoneReader(region));
      const addPhones = phoneCells(header);
      return {
        row(value) {
          addPhones(value, reader.add);
          numbersFrom.push(reader.added());
          const id = value('contactUuid');
          const email = value('email');
          if (id) ids.push(contactUuidKey(id));
          if (email) emails.push(email);
        },
        ready: () => rowsWithNumbersRead(reader, numbersFrom),
      };
    },
    checkRow(value, header, index) {
      row = index;
      rules ??= {
        region,
        contactMethod: header.spec.id === 'company-contacts' ? 'workPhoneOrEmail' : 'any',
        fixedPhoneTypes: header.spec.fixedPhoneTypes,
        readPhone,
      };
      return checkContactRow(value, rules);
    },
    async planner(header, drafts) {
      return rowPlanner(directory, await contactPlanner(directory, header.fields, drafts));
    },
    async planAhead(header) {
      // The contacts the rows name by UUID or e-mail are looked up while the worker reads the last numbers.
      const early = matchEarly(directory, ids, emails);
      if (!early) return undefined;
      return rowPlanner(directory, await contactPlannerAhead(directory, header.fields, early));
    },
  };
}

/**
 * The planner as the import pipeline takes it. One object literal, not a
 * spread: the rows' checks call it for every row, and a spread gave it a
 * map (hidden class) of its own at every import, which threw away their
 * optimised code each time.
 */
function rowPlanner(directory: Directory, planner: ContactPlanner): RowPlannerAhead<ContactDraft, FieldKey> {
  return {
    plan: (line, draft) => planner.plan(line, draft),
    canPlan: (draft) => planner.canPlan(draft),
    complete: (drafts) => planner.complete(directory, drafts),
    async apply(ctx, ending) {
      const { job, failed = [] } = await directory.applyContactChanges(planner.changes, ctx, ending);
      // A backend that writes item by item (Webex bulk requests) names the changes it refused by position.
      const rejected = failed.flatMap((f) => (f.kind === 'delete' ? [] : [{ line: planner.lines[f.kind][f.index], message: f.message }]));
      return { job, rejected: rejected.filter((r) => r.line !== undefined) };
    },
    columnDetails: identityDetails,
  };
}

/** How many rows are ready as the numbers are read: a row is, once every number up to its last one is (see rowsReady on why module level). */
async function* rowsWithNumbersRead(reader: PhoneReader, numbersFrom: readonly number[]): AsyncGenerator<number, void> {
  let rows = 0;
  for await (const read of reader.read()) {
    while (rows + 1 < numbersFrom.length && numbersFrom[rows + 1] <= read) rows++;
    yield rows;
  }
}

/** Gives `add` a row's number cells, extensions left out (they are not phone numbers). */
function phoneCells(header: HeaderMap): (value: (field: FieldKey) => string, add: (raw: string) => void) => void {
  const slots = SLOTS.flatMap((slot, i) => (header.fields.has(PHONE_FIELDS[i]) ? [{ slot, number: PHONE_FIELDS[i], type: PHONE_TYPE_FIELDS[i] }] : []));
  return (value, add) => {
    for (const { slot, number, type } of slots) {
      const raw = value(number);
      if (raw && (header.spec.fixedPhoneTypes?.[slot] ?? readPhoneType(value(type))) !== 'work_extension') add(raw);
    }
  };
}

/** duplicate_row names the columns that made both rows the same contact, as the file calls them. */
function identityDetails(details: IssueDetails, columnOf: (field: FieldKey) => string | undefined): IssueDetails {
  const kind = details.identity as IdentityKind | undefined;
  if (!kind) return {};
  const names: Record<IdentityKind, (string | undefined)[]> = {
    uuid: [columnOf('contactUuid')],
    email: [columnOf('email')],
    namePhone: [columnOf('displayName'), columnOf('phone1')],
    name: [columnOf('displayName')],
  };
  return { identity: names[kind].filter(Boolean).join(' + ') };
}
