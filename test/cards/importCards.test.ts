import {
  askFileCard,
  contactsCard,
  downloadCard,
  historyCard,
  IMPORT_CONFIRM,
  previewCard,
  resultCard,
  type PreviewView,
} from '../../cards/importCards';
import type { AdaptiveCard } from '../../cards/adaptive';
import { messages, type Messages } from '../../src/i18n';
import { cardButtons, cardFacts, cardTexts, validateCard } from '../helpers/cardSchema';

/** The contacts card's search box button and Add, for everyone. */
const searchButtons = (m: Messages) => [
  { title: m.contactEditing.searchButton, data: { action: 'contacts', do: 'search' }, style: 'positive' },
  { title: m.contactEditing.addButton, data: { action: 'contacts', do: 'add' } },
];

const links = (card: AdaptiveCard) => (card.actions ?? []).filter((a) => a.type === 'Action.OpenUrl').map((a) => [a.title, a.url]);

const preview: PreviewView = {
  importId: 'imp-1',
  fileName: 'fournisseurs.csv',
  format: 'webex-contacts',
  encoding: 'utf-8',
  delimiter: ';',
  rows: 12,
  counts: { created: 8, updated: 1, unchanged: 1, failed: 2 },
  warnings: 1,
  errors: [
    { line: 3, column: 'Contact Email', message: 'bad e-mail' },
    { line: 7, column: null, message: 'no contact method' },
  ],
  totalErrors: 14,
  errorsUrl: 'https://bot.example.com/files/err',
};
const result = {
  counts: { created: 8, updated: 0, unchanged: 0, failed: 0 },
  startedAt: '21/11/2026 10:00:00',
  endedAt: '21/11/2026 10:00:02',
  by: 'Julien Rouchon',
  jobId: 'abcd1234',
};

/** Builder, card, texts it must show, buttons (title and data) and links it must offer. */
const cases: Array<[string, (m: Messages) => AdaptiveCard, (m: Messages) => string[], (m: Messages) => unknown[], (m: Messages) => string[][]]> = [
  [
    'askFileCard: how to send the file, with the upload link and the template',
    (m) => askFileCard(m, { maxRows: 10000, maxBytes: 5 * 1024 * 1024, ttlMinutes: 60, uploadUrl: 'https://b/upload/t', templateUrl: 'https://b/files/t' }),
    (m) => [m.contactImport.askFile, m.contactImport.accepted(10000, 5 * 1024 * 1024), m.contactImport.uploadHint(60)],
    (m) => [{ title: m.common.cancel, data: { action: 'cancel' } }],
    (m) => [[m.contactImport.uploadButton, 'https://b/upload/t'], [m.contactImport.templateButton, 'https://b/files/t']],
  ],
  [
    'previewCard: counts, the first errors, Import / Download errors / Cancel',
    (m) => previewCard(m, preview),
    (m) => [
      m.contactImport.previewTitle('fournisseurs.csv'),
      m.contactImport.previewIntro,
      m.contactImport.firstErrors(2, 14),
      m.contactImport.errorLine(3, 'Contact Email', 'bad e-mail'),
      m.contactImport.errorLine(7, null, 'no contact method'),
    ],
    (m) => [
      { title: m.contactImport.importButton, data: { action: IMPORT_CONFIRM, importId: 'imp-1' }, style: 'positive' },
      { title: m.common.cancel, data: { action: 'cancel' } },
    ],
    (m) => [[m.contactImport.downloadErrors, 'https://bot.example.com/files/err']],
  ],
  [
    'previewCard with nothing to write: says why, no Import button',
    (m) => previewCard(m, { ...preview, counts: { created: 0, updated: 0, unchanged: 0, failed: 2 }, errorsUrl: undefined }),
    (m) => [
      m.contactImport.previewTitle('fournisseurs.csv'),
      m.contactImport.previewIntro,
      m.contactImport.firstErrors(2, 14),
      m.contactImport.errorLine(3, 'Contact Email', 'bad e-mail'),
      m.contactImport.errorLine(7, null, 'no contact method'),
      m.contactImport.nothingToImport,
    ],
    (m) => [{ title: m.common.cancel, data: { action: 'cancel' } }],
    () => [],
  ],
  [
    'resultCard without errors: counts, when, who, job, Import another file',
    (m) => resultCard(m, result),
    (m) => [m.contactImport.resultTitle],
    (m) => [{ title: m.contactImport.importAnother, data: { action: 'importContacts' } }],
    () => [],
  ],
  [
    'resultCard with errors: the error file link and how to use it',
    (m) => resultCard(m, { ...result, counts: { ...result.counts, failed: 3 }, errorsUrl: 'https://b/files/e' }),
    (m) => [m.contactImport.resultTitleWithErrors, m.contactImport.errorFileHint],
    (m) => [{ title: m.contactImport.importAnother, data: { action: 'importContacts' } }],
    (m) => [[m.contactImport.downloadErrorFile, 'https://b/files/e']],
  ],
  [
    'contactsCard for an admin: search, add, import, template, export, last imports',
    (m) => contactsCard(m, { count: 3, admin: true }),
    (m) => [m.contacts.title, m.contacts.count(3)],
    (m) => [
      ...searchButtons(m),
      { title: m.contacts.importButton, data: { action: 'importContacts' }, style: 'positive' },
      { title: m.contacts.templateButton, data: { action: 'contacts', do: 'template' } },
      { title: m.contacts.exportButton, data: { action: 'contacts', do: 'export' } },
      { title: m.contacts.historyButton, data: { action: 'contacts', do: 'history' } },
    ],
    () => [],
  ],
  [
    'contactsCard for help-desk: search, add and the template',
    (m) => contactsCard(m, { count: 1, admin: false }),
    (m) => [m.contacts.title, m.contacts.count(1)],
    (m) => [...searchButtons(m), { title: m.contacts.templateButton, data: { action: 'contacts', do: 'template' } }],
    () => [],
  ],
  [
    'downloadCard: one sentence and its link',
    (m) => downloadCard(m, m.contacts.exportReady(8, 60), 'https://b/files/x'),
    (m) => [m.contacts.exportReady(8, 60)],
    () => [],
    (m) => [[m.contacts.download, 'https://b/files/x']],
  ],
  [
    'historyCard: one line per import',
    (m) => historyCard(m, ['line one', 'line two']),
    (m) => [m.contacts.historyTitle, 'line one', 'line two'],
    (m) => [{ title: m.contacts.importButton, data: { action: 'importContacts' } }],
    () => [],
  ],
  [
    'historyCard with no import yet',
    (m) => historyCard(m, []),
    (m) => [m.contacts.historyTitle, m.contacts.historyEmpty],
    (m) => [{ title: m.contacts.importButton, data: { action: 'importContacts' } }],
    () => [],
  ],
];

describe.each(['fr', 'en'] as const)('import cards (%s)', (locale) => {
  const m = messages(locale);

  test.each(cases)('%s: a valid Adaptive Card 1.3', (_name, build) => {
    expect(validateCard(build(m))).toEqual([]);
  });

  test.each(cases)('%s: its texts, buttons and links', (_name, build, texts, buttons, urls) => {
    const card = build(m);
    expect(cardTexts(card)).toEqual(texts(m));
    expect(cardButtons(card)).toEqual(buttons(m));
    expect(links(card)).toEqual(urls(m));
  });

  test('the preview shows format, encoding, delimiter and rows in words, then the four counts and the warnings', () => {
    const c = m.contactImport;
    expect(cardFacts(previewCard(m, preview))).toEqual([
      [c.format, c.formats['webex-contacts']],
      [c.encoding, 'utf-8'],
      [c.delimiter, c.delimiters[';']],
      [c.rows, '12'],
      [c.toCreate, '8'],
      [c.toUpdate, '1'],
      [c.toLeave, '1'],
      [c.toReject, '2'],
      [c.warnings, '1'],
    ]);
  });

  test('the result shows the four counts, then started, ended, by and job id', () => {
    const c = m.contactImport;
    expect(cardFacts(resultCard(m, result))).toEqual([
      [c.created, '8'],
      [c.updated, '0'],
      [c.unchanged, '0'],
      [c.failed, '0'],
      [c.startedAt, result.startedAt],
      [c.endedAt, result.endedAt],
      [c.by, 'Julien Rouchon'],
      [c.job, 'abcd1234'],
    ]);
  });
});
