import type { Messages } from '../src/i18n';
import type { ImportCounts } from '../src/domain/types';
import { searchBox } from './contactCards';
import { actionSet, adaptiveCard, cancelButton, facts, heading, openUrl, submit, text, type AdaptiveCard, type CardElement } from './adaptive';
import { escapeMarkdown } from './markdown';

/** The preview's Import button; a click outside the import flow is a double or stale click. */
export const IMPORT_CONFIRM = 'importConfirm';

export interface AskFileView {
  maxRows: number;
  maxBytes: number;
  ttlMinutes: number;
  uploadUrl?: string;
  templateUrl?: string;
  /** The users import's own question and accepted formats (contacts' by default). */
  texts?: { askFile: string; accepted: string; templateButton: string };
  /** More downloads, e.g. the users export to edit. */
  links?: { title: string; url: string }[];
}

export interface IssueLine {
  line: number;
  /** The column as the file's header names it, and the rule's sentence quoting the cell: plain text, escaped by the card. */
  column: string | null;
  message: string;
}

export interface PreviewView {
  importId: string;
  fileName: string;
  format: string;
  encoding: string;
  delimiter: string;
  rows: number;
  counts: ImportCounts;
  warnings: number;
  /** The first errors only; totalErrors says how many there are. */
  errors: IssueLine[];
  totalErrors: number;
  errorsUrl?: string;
  /** The users import's mode, in words. */
  mode?: string;
}

export interface ResultView {
  counts: ImportCounts;
  startedAt: string;
  endedAt: string;
  by: string;
  jobId: string;
  errorsUrl?: string;
  /** The flow "Import another file" starts, and what else to suggest (the users import: send invitations). */
  flow?: 'importContacts' | 'importUsers';
  hint?: string;
}

export function askFileCard(m: Messages, view: AskFileView): AdaptiveCard {
  const c = m.contactImport;
  const texts = view.texts ?? { askFile: c.askFile, accepted: c.accepted(view.maxRows, view.maxBytes), templateButton: c.templateButton };
  const body: CardElement[] = [text(texts.askFile, { weight: 'Bolder' }), text(texts.accepted, { isSubtle: true })];
  const links: CardElement[] = [];
  if (view.uploadUrl) {
    body.push(text(c.uploadHint(view.ttlMinutes), { isSubtle: true }));
    links.push(openUrl(c.uploadButton, view.uploadUrl));
  }
  if (view.templateUrl) links.push(openUrl(texts.templateButton, view.templateUrl));
  for (const link of view.links ?? []) links.push(openUrl(link.title, link.url));
  return adaptiveCard(body, [...links, cancelButton(m)]);
}

/** A preview kept for a later click (an import was running, or this one was interrupted): what happened, Import, Cancel. */
export function importAgainCard(m: Messages, message: string, importId: string): AdaptiveCard {
  return adaptiveCard([text(message)], [submit(m.contactImport.importButton, { action: IMPORT_CONFIRM, importId }, 'positive'), cancelButton(m)]);
}

export function previewCard(m: Messages, view: PreviewView): AdaptiveCard {
  const c = m.contactImport;
  const { counts } = view;
  const body: CardElement[] = [
    heading(c.previewTitle(escapeMarkdown(view.fileName))),
    text(c.previewIntro, { isSubtle: true }),
    facts([
      [c.format, c.formats[view.format] ?? view.format],
      [c.encoding, view.encoding],
      [c.delimiter, c.delimiters[view.delimiter] ?? view.delimiter],
      [c.rows, String(view.rows)],
      ...(view.mode ? [[m.userImport.modeLabel, view.mode] as [string, string]] : []),
    ]),
    facts([
      [c.toCreate, String(counts.created)],
      [c.toUpdate, String(counts.updated)],
      [c.toLeave, String(counts.unchanged)],
      [c.toReject, String(counts.failed)],
      ...(view.warnings ? [[c.warnings, String(view.warnings)] as [string, string]] : []),
    ]),
  ];
  if (view.errors.length) {
    body.push(text(c.firstErrors(view.errors.length, view.totalErrors), { weight: 'Bolder', color: 'Attention' }));
    // The column is the file's header; the message, a rule sentence quoting the cell, has no markdown of its own: both escaped.
    for (const e of view.errors) body.push(text(c.errorLine(e.line, e.column && escapeMarkdown(e.column), escapeMarkdown(e.message)), { spacing: 'Small' }));
  }
  const writes = counts.created + counts.updated;
  if (!writes) body.push(text(counts.failed ? c.nothingToImport : c.allUnchanged, { weight: 'Bolder' }));
  const actions: CardElement[] = [];
  if (writes) actions.push(submit(c.importButton, { action: IMPORT_CONFIRM, importId: view.importId }, 'positive'));
  if (view.errorsUrl) actions.push(openUrl(c.downloadErrors, view.errorsUrl));
  actions.push(cancelButton(m));
  return adaptiveCard(body, actions);
}

export function resultCard(m: Messages, view: ResultView): AdaptiveCard {
  const c = m.contactImport;
  const { counts } = view;
  const body: CardElement[] = [
    heading(counts.failed ? c.resultTitleWithErrors : c.resultTitle),
    facts([
      [c.created, String(counts.created)],
      [c.updated, String(counts.updated)],
      [c.unchanged, String(counts.unchanged)],
      [c.failed, String(counts.failed)],
    ]),
    facts([
      [c.startedAt, view.startedAt],
      [c.endedAt, view.endedAt],
      [c.by, view.by],
      [c.job, view.jobId],
    ]),
  ];
  const actions: CardElement[] = [];
  if (view.errorsUrl) {
    body.push(text(c.errorFileHint));
    actions.push(openUrl(c.downloadErrorFile, view.errorsUrl));
  }
  if (view.hint) body.push(text(view.hint, { isSubtle: true }));
  actions.push(submit(c.importAnother, { action: view.flow ?? 'importContacts' }));
  return adaptiveCard(body, actions);
}

export interface ContactsMenuView {
  count: number;
  /** Import, export and history are for admins. */
  admin: boolean;
}

/** The contacts menu: a search box and Add for everyone, the files for admins; a click comes back as the contacts flow with `do` set. */
export function contactsCard(m: Messages, view: ContactsMenuView): AdaptiveCard {
  const c = m.contacts;
  const buttons = [submit(c.templateButton, { action: 'contacts', do: 'template' })];
  if (view.admin) {
    buttons.unshift(submit(c.importButton, { action: 'importContacts' }, 'positive'));
    buttons.push(submit(c.exportButton, { action: 'contacts', do: 'export' }), submit(c.historyButton, { action: 'contacts', do: 'history' }));
  }
  return adaptiveCard([heading(c.title), text(c.count(view.count)), ...searchBox(m), actionSet(buttons)]);
}

/** A file ready to download: one sentence and its link. */
export function downloadCard(m: Messages, sentence: string, url: string): AdaptiveCard {
  return adaptiveCard([text(sentence)], [openUrl(m.contacts.download, url)]);
}

/** The last imports, one markdown line each (the caller escapes the file names and who). */
export function historyCard(m: Messages, lines: string[]): AdaptiveCard {
  const c = m.contacts;
  const body = [heading(c.historyTitle)];
  if (!lines.length) body.push(text(c.historyEmpty));
  for (const line of lines) body.push(text(line, { spacing: 'Small' }));
  return adaptiveCard(body, [submit(c.importButton, { action: 'importContacts' })]);
}
