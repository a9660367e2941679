import type { TurnContext } from 'botbuilder';
import { templateCsv } from '../../src/csv/export';
import type { Services } from '../../src/services';
import { conversationKeyOf } from '../base/turn';
import { ImportFileDialog } from './importFileDialog';

export const IMPORT_CONTACTS_DIALOG = 'importContacts';

/** Seeds 000, 001 and 004: the contacts file, in the Webex template or the company-contacts format. */
export class ImportContactsDialog extends ImportFileDialog {
  constructor(services: Services, progressEveryMs?: number) {
    super(
      services,
      {
        dialogId: IMPORT_CONTACTS_DIALOG,
        kind: 'contacts',
        pastedName: 'contacts.csv',
        waitingForFile: (m) => m.contactImport.waitingForFile,
        askFile: async (context: TurnContext) => ({
          maxRows: services.importLimits.maxRows,
          maxBytes: services.importLimits.maxBytes,
          templateUrl: await services.files.download(conversationKeyOf(context), templateCsv(), 'contacts-template.csv'),
        }),
        run: (request, ctx) => services.contacts.importFile(request, ctx),
        errorFileName: (report) => `${report.file.format === 'company-contacts' ? 'contacts' : 'webex-contacts'}-errors.csv`,
      },
      progressEveryMs,
    );
  }
}
