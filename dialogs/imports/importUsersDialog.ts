import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../cards/userCards';
import type { Messages } from '../../src/i18n';
import { megabytes } from '../../src/i18n/en';
import type { Services } from '../../src/services';
import type { UserFileService } from '../../src/services/userFiles';
import type { UsersImportMode } from '../../src/imports/userPlan';
import { AnswerPrompt, accept, refuse } from '../base/answerPrompt';
import type { IncomingFile } from '../base/incomingFile';
import { cardActivity } from '../base/send';
import { conversationKeyOf, t } from '../base/turn';
import { normalise } from '../base/commands';
import { ImportFileDialog, type ImportState } from './importFileDialog';
import { own } from '../../src/domain/own';

export const IMPORT_USERS_DIALOG = 'importUsers';
const MODE = 'importUsers.mode';
const MODE_ACTION = 'usersImportMode';
const MODES: UsersImportMode[] = ['add', 'add-remove'];

/** What a person may type for each mode, normalised. */
const TYPED_MODES: Record<string, UsersImportMode> = {
  add: 'add',
  ajouter: 'add',
  'add services only': 'add',
  'ajouter des services uniquement': 'add',
  'add and remove': 'add-remove',
  'add-remove': 'add-remove',
  'add and remove services': 'add-remove',
  'ajouter et supprimer': 'add-remove',
  'ajouter et supprimer des services': 'add-remove',
};

/**
 * Seed 003: the users CSV. Between the file and the preview it asks how to
 * read the licence columns ("add services only" or "add and remove services");
 * the preview says which mode is active.
 */
export class ImportUsersDialog extends ImportFileDialog {
  constructor(services: Services, userFiles: UserFileService, progressEveryMs?: number) {
    const { limits } = userFiles.options;
    super(
      services,
      {
        dialogId: IMPORT_USERS_DIALOG,
        kind: 'users',
        pastedName: 'users.csv',
        waitingForFile: (m) => m.userImport.waitingForFile,
        askFile: async (context: TurnContext) => {
          const m = t(context);
          const conversation = conversationKeyOf(context);
          const exported = await userFiles.exportCsv();
          return {
            maxRows: limits.maxRows,
            maxBytes: limits.maxBytes,
            texts: { askFile: m.userImport.askFile, accepted: m.userImport.accepted(limits.maxRows, megabytes(limits.maxBytes)), templateButton: m.userImport.templateButton },
            templateUrl: await services.files.download(conversation, await userFiles.templateCsv(), 'users-template.csv'),
            links: [{ title: m.userImport.exportButton, url: await services.files.download(conversation, exported.csv, 'users.csv') }],
          };
        },
        run: (request, ctx, choices) => userFiles.importFile(request, ctx, modeOf(choices)),
        errorFileName: () => 'users-errors.csv',
        modeOf: (m, choices) => m.userImport.modes[modeOf(choices)],
        resultHint: (m, job) => (job.counts.created ? m.userImport.sendInvitationsHint : undefined),
      },
      progressEveryMs,
    );
    this.addDialog(
      new AnswerPrompt<UsersImportMode>(MODE, async (context, answer) => {
        const clicked = answer.value?.action === MODE_ACTION ? (answer.value.mode as UsersImportMode) : undefined;
        const mode = clicked ?? own(TYPED_MODES, normalise(answer.text ?? ''));
        return mode && MODES.includes(mode) ? accept(mode) : refuse(t(context).userImport.waitingForMode);
      }),
    );
  }

  protected override async choicesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as ImportState).file = step.result as IncomingFile;
    return step.prompt(MODE, { prompt: cardActivity(modeCard(t(step.context))) });
  }

  protected override choicesOf(result: unknown): Record<string, string> {
    return { mode: modeOf({ mode: String(result) }) };
  }
}

function modeOf(choices: Record<string, string>): UsersImportMode {
  return choices.mode === 'add-remove' ? 'add-remove' : 'add';
}

function modeCard(m: Messages) {
  const u = m.userImport;
  const note = MODES.map((mode) => `${u.modes[mode]} — ${u.modeHelp[mode]}`).join('\n\n');
  return choiceCard(u.askMode, MODES.map((mode) => ({ title: u.modes[mode], data: { action: MODE_ACTION, mode } })), note);
}
