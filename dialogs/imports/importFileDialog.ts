import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown, escapeValues } from '../../cards/markdown';
import { askFileCard, IMPORT_CONFIRM, importAgainCard, previewCard, resultCard, type AskFileView, type IssueLine } from '../../cards/importCards';
import { DirectoryError } from '../../src/directory/directory';
import type { ImportJob, ImportKind, WriteContext } from '../../src/domain/types';
import { AttachmentFetchError } from '../../src/platform/files/fetchAttachment';
import { formatDateTime, type Messages } from '../../src/i18n';
import type { Services } from '../../src/services';
import type { ImportIssue, ImportOutcome, ImportReport, ImportRequest } from '../../src/imports/pipeline';
import { fileErrorMessage, importErrorFile, issueMessage } from '../../src/imports/report';
import { AnswerPrompt, accept, refuse } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { pastedFile, type IncomingFile } from '../base/incomingFile';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, conversationKeyOf, t, turnLocale } from '../base/turn';
import { saidImport } from '../base/words';
import type { FlowOptions } from '../base/flowOptions';

const PREVIEW_ERRORS = 10;

export interface ImportState {
  file?: IncomingFile;
}

/** A preview waiting for its Import click: asked again, with what happened, when an import was running or it was interrupted. */
interface ImportDecision {
  importId: string;
  rows: number;
  /** Choices made between the file and the preview (the users import's mode). */
  choices: Record<string, string>;
  question: Partial<Activity>;
  /** The person was told that this preview's import was interrupted, and clicks to run it again. */
  rerun?: boolean;
}

/** What differs from one file import to another (contacts, users). */
export interface FileImportKind {
  dialogId: 'importContacts' | 'importUsers';
  kind: ImportKind;
  /** The name of pasted lines, as if they were a file. */
  pastedName: string;
  waitingForFile(m: Messages): string;
  askFile(context: TurnContext): Promise<Omit<AskFileView, 'uploadUrl' | 'ttlMinutes'>>;
  run(request: ImportRequest, ctx: WriteContext, choices: Record<string, string>): Promise<ImportOutcome>;
  errorFileName(report: ImportReport): string;
  /** The preview's mode line, if any. */
  modeOf?(m: Messages, choices: Record<string, string>): string | undefined;
  resultHint?(m: Messages, job: ImportJob): string | undefined;
}

/**
 * Seeds 000, 001 and 003: get the file (attachment, upload link or pasted
 * lines), preview it (a dry run), import it on confirmation, show the result
 * with the error file to fix and send again. `choicesStep` asks what the kind
 * of import needs between the file and the preview.
 */
export class ImportFileDialog extends CancelAndHelpDialog {
  protected readonly ids: { file: string; decision: string; flow: string; run: string };

  constructor(
    protected readonly services: Services,
    protected readonly importKind: FileImportKind,
    /** How often a long import says it is still running. */
    private readonly progressEveryMs = 5000,
  ) {
    super(importKind.dialogId);
    const id = importKind.dialogId;
    this.ids = { file: `${id}.file`, decision: `${id}.decision`, flow: `${id}.flow`, run: `${id}.run` };
    this.addDialog(
      new AnswerPrompt<IncomingFile>(this.ids.file, async (context, answer) => {
        const file = pastedFile(answer.text, importKind.pastedName);
        return file ? accept(file) : refuse(importKind.waitingForFile(t(context)));
      }),
    );
    this.addDialog(
      new AnswerPrompt<string>(this.ids.decision, async (context, answer, { importId }: { importId: string }) => {
        if (answer.value?.action === IMPORT_CONFIRM && answer.value.importId === importId) return accept(importId);
        if (!answer.value && saidImport(answer.text)) return accept(importId);
        return refuse(t(context).flowHelp);
      }),
    );
    this.addDialog(
      new WaterfallDialog(this.ids.flow, [
        this.fileStep.bind(this),
        this.choicesStep.bind(this),
        this.previewStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(this.ids.run, [this.decisionStep.bind(this), this.importStep.bind(this)]));
    this.initialDialogId = this.ids.flow;
  }

  private async fileStep(step: WaterfallStepContext) {
    const file = ((step.options ?? {}) as FlowOptions).value?.file as IncomingFile | undefined;
    if (file) return step.next(file);
    const card = cardActivity(await this.askFileCard(step.context));
    return step.prompt(this.ids.file, { prompt: card });
  }

  /** Keeps the file; a kind that needs a choice asks it here and passes it on as the step's result. */
  protected async choicesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as ImportState).file = step.result as IncomingFile;
    return step.next({});
  }

  /** The choices step's result as the choices the import runs with. */
  protected choicesOf(result: unknown): Record<string, string> {
    return (result as Record<string, string> | undefined) ?? {};
  }

  private async previewStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const file = (step.values as ImportState).file!;
    const choices = this.choicesOf(step.result);
    const bytes = await this.bytesOf(context, file);
    if (!bytes) return step.replaceDialog(this.ids.flow, {});
    const outcome = await this.importKind.run({ bytes, fileName: file.fileName, dryRun: true }, this.writeContext(context), choices);
    if (!outcome.ok) {
      await context.sendActivity(`${fileErrorMessage(m, outcome.fileError.code, escapeValues(outcome.fileError.details), this.importKind.kind)} ${m.contactImport.sendAnother}`);
      return step.replaceDialog(this.ids.flow, {});
    }
    const { report } = outcome;
    const conversation = conversationKeyOf(context);
    const importId = file.kind === 'kept' ? file.token : await this.services.files.keep(conversation, bytes, file.fileName);
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
      mode: this.importKind.modeOf?.(m, choices),
    });
    if (!report.created && !report.updated) {
      await this.services.files.forget(importId);
      await sendCard(context, card);
      return step.endDialog();
    }
    const decision: ImportDecision = { importId, rows: report.file.rows, choices, question: cardActivity(card) };
    return step.replaceDialog(this.ids.run, decision);
  }

  private async decisionStep(step: WaterfallStepContext) {
    const { question, importId } = step.options as ImportDecision;
    return step.prompt(this.ids.decision, { prompt: question, validations: { importId } });
  }

  /**
   * The kept file is let go only once its import has run: an import refused
   * because another one runs keeps the preview for a later click, and one
   * interrupted by a crash is offered again.
   */
  private async importStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const decision = step.options as ImportDecision;
    const { importId, rows, choices } = decision;
    const [kept, previous] = await Promise.all([this.services.files.kept(importId, conversationKeyOf(context)), this.services.contacts.jobOfPreview(importId)]);
    if (!kept || previous?.status === 'done') {
      await context.sendActivity(m.contactImport.alreadyImported);
      return step.endDialog();
    }
    const askAgain = (message: string, rerun = decision.rerun) =>
      step.replaceDialog(this.ids.run, { ...decision, rerun, question: cardActivity(importAgainCard(m, message, importId)) } satisfies ImportDecision);
    if (previous?.status === 'interrupted' && !decision.rerun) {
      return askAgain(m.contactImport.interrupted(escapeMarkdown(previous.fileName), this.time(context, previous.startedAt)), true);
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity(m.contactImport.importing(rows));
    let outcome: ImportOutcome;
    try {
      outcome = await this.withProgress(context, () =>
        this.importKind.run(
          { bytes: kept.bytes, fileName: kept.entry.fileName ?? this.importKind.pastedName, dryRun: false, importId },
          this.writeContext(context),
          choices,
        ),
      );
    } catch (error) {
      if (!(error instanceof DirectoryError && error.code === 'import_running')) throw error;
      const { by, startedAt } = error.details as { by: string; startedAt: string };
      return askAgain(m.contactImport.busyKept(escapeMarkdown(by), this.time(context, startedAt)));
    }
    await this.services.files.forget(importId);
    if (!outcome.ok) {
      await context.sendActivity(fileErrorMessage(m, outcome.fileError.code, escapeValues(outcome.fileError.details), this.importKind.kind));
      return step.endDialog();
    }
    const view = this.resultView(context, outcome.job!, await this.errorFileUrl(context, outcome));
    await sendCard(context, resultCard(m, { ...view, flow: this.importKind.dialogId, hint: this.importKind.resultHint?.(m, outcome.job!) }));
    return step.endDialog();
  }

  private async askFileCard(context: TurnContext) {
    const { files } = this.services;
    const reference = TurnContext.getConversationReference(context.activity);
    return askFileCard(t(context), {
      ...(await this.importKind.askFile(context)),
      ttlMinutes: files.ttlMinutes,
      uploadUrl: await files.upload(conversationKeyOf(context), { reference, locale: turnLocale(context) }),
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
      await context.sendActivity(m.contactImport.fetchFailed[error.code](escapeValues(error.details as Record<string, string | number>)));
      return undefined;
    }
  }

  private async errorFileUrl(context: TurnContext, outcome: ImportOutcome): Promise<string | undefined> {
    if (!outcome.ok) return undefined;
    const bytes = importErrorFile(t(context), outcome.failed);
    if (!bytes) return undefined;
    return this.services.files.download(conversationKeyOf(context), bytes, this.importKind.errorFileName(outcome.report));
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
    return { actor: actorOf(context), flow: this.importKind.dialogId };
  }
}

function issueLine(m: Messages, issue: ImportIssue): IssueLine {
  return { line: issue.line, column: issue.column, message: issueMessage(m, issue) };
}

