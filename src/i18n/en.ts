import type { ImportCounts } from '../domain/types';
import { contactEditingEn } from './contactEditing';
import { listsEn } from './lists';
import { userImportEn } from './userImport';
import { invitationsEn } from './invitations';

export const en = {
  welcome: {
    title: 'Welcome to Provisio',
    body: 'I help you manage your Webex organisation: users, phone numbers, contacts and imports. Pick an action below or type what you want to do ("add user", "import contacts", "help").',
  },
  menu: {
    title: 'What would you like to do?',
    subtitle: 'Click an action or type it. "cancel" stops a flow at any step, "help" shows this menu. Écrivez « français » pour passer en français.',
    actions: {
      addUser: 'Add a user',
      assignNumber: 'Assign a number',
      deleteUser: 'Delete a user',
      listUsers: 'Users',
      importContacts: 'Import contacts',
      importUsers: 'Import users',
      sendInvitations: 'Send invitations',
      contacts: 'Contacts',
      distributionLists: 'Distribution lists',
      audit: 'Audit log',
      help: 'Help',
    },
  },
  comingSoon: (flow: string) => `"${flow}" is not available yet in this version. Everything else in the menu works.`,
  notUnderstood: (text: string) => `I did not understand "${text}". Here is what I can do:`,
  cancelled: 'Cancelled. Nothing was changed.',
  flowHelp: 'Answer the question above, or type "cancel" to stop. Nothing is written before you confirm.',
  languageSet: 'I will answer in English from now on.',
  accessDenied: (id: string) => `Sorry, you are not allowed to use Provisio. Ask an administrator to add you (your identifier: ${id}).`,
  notAllowed: (flow: string) => `Sorry, "${flow}" is reserved for administrators. Ask one of them if it needs doing.`,
  notYourQuestion: (owner: string, flow: string, minutes: number) =>
    `This question belongs to ${owner}, who started "${flow}": only they can answer it or type "cancel". Nothing was changed. Once it has waited ${minutes} minutes without an answer, anyone may start something else.`,
  nothingToCancel: 'There is nothing to cancel.',
  turnError: (id: string) => `Sorry, something went wrong on my side. Please try again. (reference ${id})`,
  turnBusy: 'I am still working on an earlier message of this conversation. Nothing was done with this one: send it again in a moment.',
  turnConflict:
    'This conversation moved on elsewhere while I was answering (another of its messages was handled at the same time), so I could not record where we are. What you confirmed above is done; send your last answer again, or type "help".',
  backendUnavailable: (id: string) =>
    `The directory could not be reached. Nothing was changed. Please try again in a moment. (reference ${id})`,
  errors: {
    invalid_email: (d: Details) => `"${d.email}" is not a valid e-mail address (expected something like name@company.com).`,
    email_taken: (d: Details) => `${d.email} is already used by ${d.name}. Give another e-mail address.`,
    invalid_name: () => 'A first name and a last name are both needed.',
    license_required: () => 'Choose at least one licence.',
    unknown_license: (d: Details) => `There is no licence "${d.name}". Licences: ${d.known}.`,
    no_units_left: (d: Details) => `"${d.license}" has no unit left (${d.total} of ${d.total} used). Choose another licence, or free a unit first.`,
    location_required: () => 'A calling licence needs a location.',
    calling_needs_license: () => 'A location, number or extension needs a calling licence. Add one, or leave them out.',
    unknown_location: (d: Details) => `There is no location "${d.name}". Locations: ${d.known}.`,
    number_not_free: (d: Details) => `${d.number} is not a free number of this location (someone may have just taken it). Choose another one.`,
    invalid_number: (d: Details) => `"${d.number}" is not a phone number I can read. Type it as +33 6 34 33 32 11 or 06 34 33 32 11.`,
    invalid_extension: (d: Details) => `An extension holds digits only (2 to 10); "${d.extension}" does not.`,
    extension_taken: (d: Details) => `Extension ${d.extension} is already used by ${d.name} in this location. Choose another one.`,
    number_or_extension_required: () => 'A calling user needs a phone number or an extension (a temporary extension is fine).',
    user_not_found: (d: Details) => `No user matches "${d.query}". Type part of the name or the e-mail address.`,
    value_too_long: (d: Details) => `The ${typedField.en[String(d.field)] ?? d.field} holds ${d.length} characters; at most ${d.max} are accepted. Shorten it.`,
    unsafe_character: (d: Details) =>
      `The ${typedField.en[String(d.field)] ?? d.field} holds an invisible control character (${d.character}) at position ${d.position}: it would garble what is shown. Type it again without it.`,
    not_allowed: () => 'Sorry, your role does not allow this change, so nothing was written. Ask an administrator if it needs doing.',
  },
  common: {
    confirm: 'Confirm',
    change: 'Change',
    cancel: 'Cancel',
    more: 'More',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    statusActive: 'Active',
    statusPending: 'Pending (invitation not sent yet)',
    statusPendingShort: 'Pending',
    name: 'Name',
    email: 'E-mail',
    licenses: 'Licences',
    location: 'Location',
    number: 'Number',
    extension: 'Extension',
    status: 'Status',
    before: 'Before',
    after: 'After',
    noneValue: '—',
  },
  addUser: {
    askIdentity: 'First name, last name and e-mail address of the new user? (you can type it all at once: "Robert Redford rredford@example.com")',
    identityShape: 'I need a first name, a last name and an e-mail address, for example "Robert Redford rredford@example.com".',
    askLicenses: 'Which licence(s)? Click one, or tick several and press Continue. You can also type the names.',
    unitsLeft: (name: string, left: number) => `${name} — ${left} left`,
    continue: 'Continue',
    askLocation: 'Which location?',
    askNumber: (location: string, free: number) => `Number for ${location} (${free} free):`,
    noNumber: 'No number',
    noFreeNumber: (location: string) => `Every number of ${location} is assigned ("None"): I will give an extension only. You can add a number later with "assign a number".`,
    askExtension: (suggested: string) => `Extension? I suggest ${suggested} (the last 4 digits). Click it or type another one.`,
    askExtensionRequired: 'Extension? (2 to 10 digits; required without a number; a temporary one is fine)',
    askExtensionOptional: 'Extension? (2 to 10 digits) Or click "No extension".',
    noExtension: 'No extension',
    summaryTitle: 'Summary — new user',
    created: (name: string) => `✅ User ${name} created`,
    addAnother: 'Add another user',
    whatToChange: 'What do you want to change?',
    changeIdentity: 'Name and e-mail',
    changeLicenses: 'Licences',
    changeCalling: 'Location and number',
    changeExtension: 'Extension',
    numberTaken: (number: string) => `${number} was just given to someone else. Choose another number.`,
  },
  findUser: {
    ask: 'Which user? Type part of the name or the e-mail address.',
    choose: (count: number) => `${count} users match. Which one?`,
  },
  assignNumber: {
    title: (name: string) => `Number for ${name}`,
    current: 'Current assignment',
    done: (name: string) => `✅ Number assigned to ${name}`,
    summaryTitle: 'Summary — number assignment',
  },
  deleteUser: {
    confirmTitle: (name: string) => `Delete ${name}?`,
    willRemove: 'This is irreversible. It removes:',
    freesNumber: (number: string) => `number ${number} goes back to the free numbers of its location`,
    freesExtension: (extension: string) => `extension ${extension} is freed`,
    removesLicenses: (names: string) => `licences: ${names}`,
    delete: 'Delete',
    done: (name: string) => `🗑️ User ${name} deleted`,
  },
  listUsers: {
    title: (count: number, filter: string) => `${count} user(s)${filter ? ` — ${filter}` : ''}`,
    empty: 'No user matches.',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    next: 'Next page',
    filterHelp: 'Filters: "users active", "users pending", or a location name.',
  },
  invitations: invitationsEn,
  audit: {
    title: (shown: number, total: number) =>
      shown < total ? `Audit log: the last ${shown} of ${total} changes` : `Audit log: ${total} change${total === 1 ? '' : 's'}`,
    empty: 'No change has been written yet.',
    entry: (d: { at: string; who: string; action: string; target: string }) => `${d.at} — ${d.who}: ${d.action} ${d.target}`,
    change: (field: string, before: string, after: string) => `${field}: ${before || '—'} → ${after || '—'}`,
    cliHint: 'The whole log, with every detail: npm run cli -- audit --json (or --since 2026-11-01).',
    actions: {
      'user.create': 'created the user',
      'user.delete': 'deleted the user',
      'user.assignCalling': 'changed the calling of',
      'user.invite': 'sent the invitation to',
      'user.activate': 'activated',
      'contacts.apply': 'imported or changed contacts:',
      'list.create': 'created the distribution list',
      'list.delete': 'deleted the distribution list',
      'list.update': 'renamed the distribution list',
      'list.members': 'changed the members of the distribution list',
      'contact.create': 'created the contact',
      'contact.update': 'changed the contact',
      'contact.delete': 'deleted the contact',
      'contacts.delete': 'deleted the contacts',
    } as Record<string, string>,
  },
  contactImport: {
    askFile: 'Send me the contacts file: attach it to your message (CSV or .xlsx), or paste its lines here, header first.',
    accepted: (rows: number, bytes: number) =>
      `Accepted: the Webex contacts template (28 columns) or the company-contacts format, as CSV or .xlsx, up to ${formatCount(rows, 'en')} rows and ${megabytes(bytes)} MB.`,
    uploadHint: (minutes: number) => `No attach button in your chat? Use the upload link (valid ${minutes} minutes).`,
    uploadButton: 'Upload a file',
    templateButton: 'Download the template',
    waitingForFile: 'I am waiting for the contacts file: attach it, paste its lines (header first), or type "cancel".',
    fetchFailed: {
      host_not_allowed: (d: Details) =>
        `I do not download files from ${d.host}. Attach the file from your computer in this chat, or use the upload link.`,
      insecure_url: (d: Details) => `I only download files over https, and ${d.host} is not. Attach the file from your computer, or use the upload link.`,
      bad_url: () => 'This attachment has no address I can download. Attach the file again, or use the upload link.',
      too_large: (d: Details) => `The file is larger than ${megabytes(d.limit)} MB, the limit per import. Split it into smaller files.`,
      timeout: () => 'Downloading the file took too long. Send it again; if it keeps failing, use the upload link.',
      http_status: (d: Details) => `The file could not be downloaded (the server answered ${d.status}). Send it again, or use the upload link.`,
      too_many_redirects: () => 'The file could not be downloaded (too many redirections). Attach it again, or use the upload link.',
      network: () => 'The file could not be downloaded (network error). Send it again, or use the upload link.',
    },
    sendAnother: 'Send a corrected file, or type "cancel".',
    previewTitle: (fileName: string) => `Preview of ${fileName}`,
    previewIntro: 'Nothing is written yet. Check the counts, then click Import.',
    format: 'Format',
    formats: { 'webex-contacts': 'Webex contacts template', 'company-contacts': 'Company contacts', 'webex-users': 'Control Hub users CSV' } as Record<string, string>,
    encoding: 'Encoding',
    delimiter: 'Delimiter',
    delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as Record<string, string>,
    rows: 'Rows',
    toCreate: 'To create',
    toUpdate: 'To update',
    toLeave: 'Unchanged',
    toReject: 'Rejected (errors)',
    warnings: 'Warnings',
    firstErrors: (shown: number, total: number) => (shown < total ? `First ${shown} errors of ${total}:` : `Errors (${total}):`),
    errorLine: (line: number, column: string | null, message: string) => `Line ${line}${column ? `, ${column}` : ''}: ${message}`,
    importButton: 'Import',
    downloadErrors: 'Download errors',
    nothingToImport: 'No row can be imported. Download the errors, fix the rows (the reason is in the Comments column), then send the file again.',
    allUnchanged: 'Every contact of the file is already in the directory as it is: there is nothing to import.',
    importing: (rows: number) => `Importing ${formatCount(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}…`,
    stillImporting: (seconds: number) => `Still importing… (${seconds} s)`,
    resultTitle: 'Import finished',
    resultTitleWithErrors: 'Import finished, with errors',
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Unchanged',
    failed: 'Errors',
    startedAt: 'Started',
    endedAt: 'Ended',
    by: 'By',
    job: 'Import no.',
    errorFileHint: 'Download the error file, fix each row as its Comments column says, and send it again: only those rows will be imported.',
    downloadErrorFile: 'Download the error file',
    importAnother: 'Import another file',
    busyKept: (by: string, at: string) =>
      `An import is already running, started by ${by} at ${at}. Your preview is kept: click Import again once it has ended.`,
    interrupted: (fileName: string, at: string) =>
      `The import of ${fileName} started at ${at} was interrupted before it finished (the service restarted). Running it again is safe: the contacts it had already written are recognised and left unchanged. Click Import to run it again.`,
    alreadyImported: 'This preview has already been imported or has expired: nothing was imported again. Send the file again to start a new import.',
    cancelled: 'Import cancelled. Nothing was imported.',
    links: (minutes: number) => `Links stay valid for ${minutes} minutes.`,
  },
  contacts: {
    title: 'Contacts',
    count: (n: number) => (n === 1 ? 'One contact in the directory.' : `${n} contacts in the directory.`),
    importButton: 'Import a file',
    templateButton: 'Download the template',
    exportButton: 'Export all contacts',
    historyButton: 'Last imports',
    exportReady: (n: number, minutes: number) => `Export of ${n} contacts ready (Webex template, UTF-8). The link stays valid ${minutes} minutes.`,
    templateReady: (minutes: number) => `Here is the Webex contacts template (header only). The link stays valid ${minutes} minutes.`,
    download: 'Download',
    historyTitle: 'Last imports',
    historyEmpty: 'No import yet.',
    historyLine: (d: { fileName: string; by: string; at: string; status: string; counts: string }) =>
      `${d.at} — ${d.fileName} by ${d.by}: ${d.status}${d.counts ? ` (${d.counts})` : ''}`,
    historyCounts: (c: { created: number; updated: number; unchanged: number; failed: number }) =>
      `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} errors`,
    status: { running: 'running', done: 'done', failed: 'file refused', interrupted: 'interrupted (nothing imported)' } as Record<string, string>,
  },
  userImport: userImportEn,
  contactEditing: contactEditingEn,
  lists: listsEn,
  import: {
    commentsColumn: 'Comments',
    nothingImported: 'Nothing was imported.',
    file: {
      empty_file: () => 'The file is empty. Save your spreadsheet as CSV UTF-8 or .xlsx, with the header on the first line and one contact per line.',
      header_only: () => 'The file holds the header but no contact. Add one contact per line under the header, then import it again.',
      not_text: () =>
        'This file is neither CSV text nor an .xlsx workbook. In your spreadsheet, use "Save as" > "CSV UTF-8 (comma delimited)" or .xlsx, and import that file.',
      unreadable_xlsx: () => 'This .xlsx workbook cannot be read (damaged or password-protected). Open it in your spreadsheet and save it again as .xlsx or CSV UTF-8.',
      xlsx_too_large: (d: Details) =>
        `Once unzipped, this .xlsx workbook holds ${fileSizes(d, 'en')[0]} of data; the limit is ${fileSizes(d, 'en')[1]}. Keep only the sheet to import (delete the other sheets, the images, and any empty rows and columns below or right of your data), or save it as CSV UTF-8, and import it again.`,
      xlsx_too_many_parts: (d: Details) =>
        `This .xlsx workbook is made of ${formatCount(d.parts, 'en')} parts (sheets, images, charts…); the limit is ${formatCount(d.max, 'en')}. Copy the rows to import into a new workbook, or save the sheet as CSV UTF-8, and import that file.`,
      xlsx_too_wide: (d: Details) =>
        `The sheet has a value in cell ${d.cell}, beyond the last column read (${d.max}, the 256th). Delete what is right of your data, or move your columns to the left, and import the file again.`,
      too_large: (d: Details) =>
        `The file weighs ${fileSizes(d, 'en')[0]}; the limit is ${fileSizes(d, 'en')[1]} per import. Split it into smaller files and import them one after the other.`,
      too_many_rows: (d: Details) =>
        `The file holds ${formatCount(d.rows, 'en')} rows; the limit is ${formatCount(d.max, 'en')} per import. Split it into files of at most ${formatCount(d.max, 'en')} rows and import them one after the other.`,
      malformed_csv: (d: Details) =>
        `Line ${d.line}: a double quote is misplaced or never closed, so the file cannot be read from there. A value holding quotes, delimiters or line breaks must be inside double quotes, with its own quotes doubled (""); or save the file again from your spreadsheet.`,
      unknown_header: (d: Details) =>
        `The first line is not a header I know (it starts with: ${d.found}). Use the Webex contacts template (Display Name, Contact UUID, First Name, …: download the template) or the company-contacts format (nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2).`,
      missing_column: (d: Details) =>
        `The header (first line) lacks the column ${d.columns} ("/" means: one of them). Add it with that exact name, or start from the template.`,
      duplicate_column: (d: Details) => `The header has the column "${d.column}" twice. Keep only one of them.`,
      users_file: () => 'This is a users file (User ID/Email, licences…), not a contacts file: type "import users" to import it.',
      contacts_file: () => 'This is a contacts file, not a users file: type "import contacts" to import it.',
    },
    row: {
      display_name_required: (d: Details) => `"${d.column}" is empty: every contact needs a display name. Fill it in.`,
      contact_method_required: () => 'The contact has no phone number, e-mail or SIP URI: fill in at least one of them.',
      phone_or_email_required: () => 'The contact has neither a work phone nor an e-mail: fill in "téléphone-travail" or "e-mail".',
      phone_type_required: (d: Details) =>
        `"${d.column}" is empty, but the number ${d.number} needs a type: write work, work_extension, mobile, home or other.`,
      phone_type_invalid: (d: Details) => `"${d.value}" in "${d.column}" is not a phone type: write one of ${d.allowed}.`,
      phone_type_without_number: (d: Details) => `"${d.column}" says "${d.value}" but its number is empty: the type is ignored.`,
      phone_invalid: (d: Details) =>
        `"${d.value}" in "${d.column}" is not a phone number. Write it in international form (+33 1 23 45 67 89, or 0033…) or as a national number (01 23 45 67 89).`,
      phone_scientific_notation: (d: Details) =>
        `"${d.value}" in "${d.column}" is a number that a spreadsheet turned into scientific notation: its last digits are lost. Type the number again in a column formatted as text (e.g. +33 6 12 34 56 78), then save as CSV.`,
      phone_lost_plus: (d: Details) =>
        `"${d.value}" in "${d.column}" looks like an international number that lost its "+" in a spreadsheet: write ${d.suggestion}, in a column formatted as text so that the "+" stays.`,
      phone_plus_added: (d: Details) =>
        `"${d.value}" in "${d.column}" is an international number without its "+" (a spreadsheet drops it): imported as ${d.e164}. Check it; write it with its "+", in a column formatted as text, and this warning goes.`,
      phone_not_valid: (d: Details) =>
        `"${d.value}" in "${d.column}" (${d.e164}) has a possible length but is not a number in use in its country: imported as it is, check it.`,
      extension_invalid: (d: Details) => `"${d.value}" in "${d.column}" is not an extension: an extension holds 2 to 10 digits (e.g. 4021).`,
      email_invalid: (d: Details) => `"${d.value}" in "${d.column}" is not a valid e-mail address (expected something like name@company.com).`,
      sip_invalid: (d: Details) =>
        `"${d.value}" in "${d.column}" is not a SIP URI (expected user@domain, such as jdoe@example.com or sip:jdoe@example.com).`,
      too_many_values: (d: Details) =>
        `The row has ${d.count} values for ${d.expected} columns: a value probably holds the delimiter "${d.delimiter}". Put that value inside double quotes, or remove the extra values.`,
      unknown_column: (d: Details) => `Column "${d.column}" is not a column I know: its values are ignored. If it should be read, give it the template's name.`,
      unknown_contact_uuid: (d: Details) =>
        `No contact has the Contact UUID "${d.value}". Leave "${d.column}" empty to create a new contact, or copy the UUID from a fresh export.`,
      ambiguous_contact: () =>
        'Several contacts have this display name and first number: the row cannot say which one to change. Give it its Contact UUID (from an export) or its e-mail, or change the other contacts first.',
      unknown_group: (d: Details) =>
        `There is no distribution list "${d.value}" ("${d.column}"). Create the list first, or give the id or exact name of an existing list.`,
      duplicate_row: (d: Details) =>
        `This row is the same contact as line ${d.line} of the file (same ${d.identity}): only line ${d.line} is imported. Merge the two rows.`,
      email_in_use: (d: Details) =>
        `${d.email} is already the e-mail of the contact "${d.name}". Give another e-mail, or put that contact's Contact UUID on this row to update it.`,
      unsafe_character: (d: Details) =>
        `"${d.column}" holds an invisible control character (${d.character}) at position ${d.position}: it would garble what is shown. Type the value again without it.`,
      value_too_long: (d: Details) => `"${d.column}" holds ${d.length} characters; at most ${d.max} are accepted. Shorten it.`,
      email_twice_in_file: (d: Details) =>
        `${d.email} is also the e-mail of the contact on line ${d.line} of the file: two contacts cannot share an e-mail. Give each its own.`,
      contact_exists: (d: Details) =>
        `The contact "${d.name}" already exists (same e-mail, or same name and first number): edit it rather than create a second one, or change the e-mail.`,
      backend_rejected: (d: Details) => `Webex refused this row: ${d.message} Fix the row and import it again (the error file holds it).`,
      contact_not_found: () => 'This contact no longer exists (another admin may have deleted it): search for it again.',
    },
  },
  /** The CLI's own words around the messages above (its human-readable lines, not --json). */
  cli: {
    error: (message: string) => `Error: ${message}`,
    wrote: (file: string) => `Wrote ${file}`,
    errorFileNotWritten: (file: string, reason: string) =>
      `The import ran (its report is above), but the error file ${file} could not be written (${reason}). Import the file again with --dry-run and another --errors-out to get it: nothing is applied twice.`,
    staleErrorFileRemoved: (file: string) => `No row failed: removed ${file}, the error file of an earlier import.`,
    importFile: (name: string, format: string, encoding: string, delimiter: string, rows: number) =>
      `${name}: ${format}, ${encoding}, delimiter ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}, ${rows} row(s)`,
    importDryRun: (c: ImportCounts) =>
      `Dry run, nothing written: would create ${c.created}, update ${c.updated}, leave ${c.unchanged} unchanged; ${c.failed} failed`,
    importDone: (c: ImportCounts) => `Created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, failed ${c.failed}`,
    issue: (kind: 'error' | 'warning', line: number, column: string | null, code: string, message: string) =>
      `${kind}: line ${line}${column ? `, ${column}` : ''} [${code}] ${message}`,
  },
};

type Details = Record<string, string | number>;

/** Bytes as megabytes with one decimal, as the import limits are told: 5.0 in English, 5,0 in French. */
/** The fields a person types outside a file, as the messages name them. */
export const typedField: Record<'en' | 'fr', Record<string, string>> = {
  en: { firstName: 'first name', lastName: 'last name', email: 'e-mail address', name: 'name', description: 'description', query: 'search' },
  fr: { firstName: 'Le prénom', lastName: 'Le nom', email: "L'adresse e-mail", name: 'Le nom', description: 'La description', query: 'La recherche' },
};

export function megabytes(bytes: string | number, locale: 'fr' | 'en' = 'en'): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(Number(bytes) / (1024 * 1024));
}

/** A count as the locale writes it: 10,000 in English, 10 000 in French. */
export function formatCount(value: string | number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale).format(Number(value));
}

/** A file's size beside the limit it passed: in MB, or in bytes when MB would show the same figure twice (or 0.0). */
export function fileSizes(d: Details, locale: 'fr' | 'en'): [string, string] {
  const [size, max] = [Number(d.size), Number(d.max)];
  const units = locale === 'fr' ? { mb: 'Mo', bytes: 'octets' } : { mb: 'MB', bytes: 'bytes' };
  if (megabytes(size) !== megabytes(max) && Number(megabytes(max)) > 0) return [`${megabytes(size, locale)} ${units.mb}`, `${megabytes(max, locale)} ${units.mb}`];
  const number = new Intl.NumberFormat(locale);
  return [`${number.format(size)} ${units.bytes}`, `${number.format(max)} ${units.bytes}`];
}


export type Messages = typeof en;
