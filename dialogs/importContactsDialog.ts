import { ActivityTypes, TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { askFileCard, IMPORT_CONFIRM, previewCard, resultCard, type IssueLine } from '../cards/importCards';
import { DirectoryError } from '../src/directory/directory';
import type { ImportJob } from '../src/domain/types';
import { AttachmentFetchError } from '../src/files/fetchAttachment';
import { formatDateTime, type Messages } from '../src/i18n';
import type { Services } from '../src/services';
import type { ImportIssue, ImportOutcome } from '../src/services/contactImport';
import { fileErrorMessage, importErrorFile, issueMessage } from '../src/services/contactMessages';
import { templateCsv } from '../src/csv/export';
import { AnswerPrompt, accept, refuse } from './base/answerPrompt';
import { CancelAndHelpDialog } from './base/cancelAndHelpDialog';
import { pastedFile, type IncomingFile } from './base/incomingFile';
import { cardActivity, sendCard } from './base/send';
import { actorOf, conversationKeyOf, t, turnLocale } from './base/turn';
import { saidImport } from './base/words';
import type { FlowOptions } from './mainDialog';

export const IMPORT_CONTACTS_DIALOG = 'importContacts';
const FILE = 'importContacts.file';
const DECISION = 'importContacts.decision';
const FLOW = 'importContacts.flow';
const PREVIEW_ERRORS = 10;


interface ImportState {
  importId?: string;
  rows?: number;
}

/**
 * Seeds 000 and 001: get the file (attachment, upload link or pasted lines),
 * preview it (a dry run), import it on confirmation, show the result with the
 * error file to fix and send again.
 */
export class ImportContactsDialog extends CancelAndHelpDialog {
  constructor(
    private readonly services: Services,
    /** How often a long import says it is still running. */
    private readonly progressEveryMs = 5000,
  ) {
    super(IMPORT_CONTACTS_DIALOG);
    this.addDialog(
      new AnswerPrompt<IncomingFile>(FILE, async (context, answer) => {
        const file = pastedFile(answer.text, 'contacts.csv');
        return file ? accept(file) : refuse(t(context).contactImport.waitingForFile);
      }),
    );
    this.addDialog(
      new AnswerPrompt<string>(DECISION, async (context, answer, { importId }: { importId: string }) => {
        if (answer.value?.action === IMPORT_CONFIRM && answer.value.importId === importId) return accept(importId);
        if (!answer.value && saidImport(answer.text)) return accept(importId);
        return refuse(t(context).flowHelp);
      }),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.fileStep.bind(this), this.previewStep.bind(this), this.importStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async fileStep(step: WaterfallStepContext) {
    const file = ((step.options ?? {}) as FlowOptions).value?.file as IncomingFile | undefined;
    if (file) return step.next(file);
    const card = cardActivity(await this.askFileCard(step.context));
    return step.prompt(FILE, { prompt: card });
  }

  private async previewStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const file = step.result as IncomingFile;
    const bytes = await this.bytesOf(context, file);
    if (!bytes) return step.replaceDialog(FLOW, {});
    const outcome = await this.services.contacts.importFile({ bytes, fileName: file.fileName, dryRun: true }, this.writeContext(context));
    if (!outcome.ok) {
      await context.sendActivity(`${fileErrorMessage(m, outcome.fileError.code, outcome.fileError.details)} ${m.contactImport.sendAnother}`);
      return step.replaceDialog(FLOW, {});
    }
    const { report } = outcome;
    const conversation = conversationKeyOf(context);
    const importId = file.kind === 'kept' ? file.token : await this.services.files.keep(conversation, bytes, file.fileName);
    Object.assign(step.values as ImportState, { importId, rows: report.file.rows });
    const card = previewCard(m, {
      importId,
      fileName: file.fileName,
      format: report.file.format,
      encoding: report.file.encoding,
      delimiter: report.file.delimiter,
      rows: report.file.rows,
      counts: report,
      warnings: report.warnings.length,
      errors: report.errors.slice(0, PREVIEW_ERRORS).map((issue) => issueLine(m, issue)),
      totalErrors: report.errors.length,
      errorsUrl: await this.errorFileUrl(context, outcome),
    });
    if (!report.created && !report.updated) {
      await this.services.files.forget(importId);
      await sendCard(context, card);
      return step.endDialog();
    }
    return step.prompt(DECISION, { prompt: cardActivity(card), validations: { importId } });
  }

  private async importStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const { importId, rows } = step.values as ImportState;
    const kept = await this.services.files.takeKept(importId!, conversationKeyOf(context));
    if (!kept) {
      await context.sendActivity(m.contactImport.alreadyImported);
      return step.endDialog();
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity(m.contactImport.importing(rows!));
    let outcome: ImportOutcome;
    try {
      outcome = await this.withProgress(context, () =>
        this.services.contacts.importFile({ bytes: kept.bytes, fileName: kept.entry.fileName ?? 'contacts.csv', dryRun: false }, this.writeContext(context)),
      );
    } catch (error) {
      if (!(error instanceof DirectoryError && error.code === 'import_running')) throw error;
      const { by, startedAt } = error.details as { by: string; startedAt: string };
      await context.sendActivity(m.contactImport.busy(by, this.time(context, startedAt)));
      return step.endDialog();
    }
    if (!outcome.ok) {
      await context.sendActivity(fileErrorMessage(m, outcome.fileError.code, outcome.fileError.details));
      return step.endDialog();
    }
    await sendCard(context, resultCard(m, this.resultView(context, outcome.job!, await this.errorFileUrl(context, outcome))));
    return step.endDialog();
  }

  private async askFileCard(context: TurnContext) {
    const { files, importLimits } = this.services;
    const conversation = conversationKeyOf(context);
    const reference = TurnContext.getConversationReference(context.activity);
    return askFileCard(t(context), {
      maxRows: importLimits.maxRows,
      maxBytes: importLimits.maxBytes,
      ttlMinutes: files.ttlMinutes,
      uploadUrl: await files.upload(conversation, { reference, locale: turnLocale(context) }),
      templateUrl: await files.download(conversation, templateCsv(), 'contacts-template.csv'),
    });
  }

  /** The file's bytes, or undefined after telling the person why they could not be had. */
  private async bytesOf(context: TurnContext, file: IncomingFile): Promise<Uint8Array | undefined> {
    const m = t(context);
    if (file.kind === 'text') return Buffer.from(file.text, 'utf8');
    if (file.kind === 'kept') {
      const kept = await this.services.files.kept(file.token, conversationKeyOf(context));
      if (!kept) await context.sendActivity(m.contactImport.alreadyImported);
      return kept?.bytes;
    }
    try {
      return await this.services.fetchAttachment(file.url);
    } catch (error) {
      if (!(error instanceof AttachmentFetchError)) throw error;
      await context.sendActivity(m.contactImport.fetchFailed[error.code](error.details as Record<string, string | number>));
      return undefined;
    }
  }

  private async errorFileUrl(context: TurnContext, outcome: ImportOutcome): Promise<string | undefined> {
    if (!outcome.ok) return undefined;
    const bytes = importErrorFile(t(context), outcome.failed);
    if (!bytes) return undefined;
    const name = `${outcome.report.file.format === 'company-contacts' ? 'contacts' : 'webex-contacts'}-errors.csv`;
    return this.services.files.download(conversationKeyOf(context), bytes, name);
  }

  /** A typing indicator now, then a message every few seconds until the work ends. */
  private async withProgress<T>(context: TurnContext, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const m = t(context);
    const timer = setInterval(() => {
      void context.sendActivity(m.contactImport.stillImporting(Math.round((Date.now() - started) / 1000))).catch(() => undefined);
    }, this.progressEveryMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private resultView(context: TurnContext, job: ImportJob, errorsUrl: string | undefined) {
    return {
      counts: job.counts,
      startedAt: this.time(context, job.startedAt),
      endedAt: this.time(context, job.endedAt ?? job.startedAt),
      by: job.by,
      jobId: job.id.slice(0, 8),
      errorsUrl,
    };
  }

  private time(context: TurnContext, iso: string): string {
    return formatDateTime(turnLocale(context), iso, context.activity.localTimezone);
  }

  private writeContext(context: TurnContext) {
    return { actor: actorOf(context), flow: IMPORT_CONTACTS_DIALOG };
  }
}

function issueLine(m: Messages, issue: ImportIssue): IssueLine {
  return { line: issue.line, column: issue.column, message: issueMessage(m, issue) };
}

