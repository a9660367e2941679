import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { contactsCard, downloadCard, historyCard } from '../cards/importCards';
import { templateCsv } from '../src/csv/export';
import { mayUse } from '../src/domain/access';
import type { ImportJob } from '../src/domain/types';
import { formatDateTime, type Messages } from '../src/i18n';
import type { Services } from '../src/services';
import { CancelAndHelpDialog } from './base/cancelAndHelpDialog';
import { sendCard } from './base/send';
import { conversationKeyOf, t, turnLocale, turnRole } from './base/turn';
import type { FlowOptions } from './mainDialog';

export const CONTACTS_DIALOG = 'contacts';
const FLOW = 'contacts.flow';

/** What the contacts card's buttons do, and the flow each counts as for roles. */
type ContactsTask = 'template' | 'export' | 'history';
const FLOW_OF: Record<ContactsTask, string> = { template: CONTACTS_DIALOG, export: 'exportContacts', history: 'importHistory' };

/** The contacts menu (seed 001): template, export of every contact, the last imports. */
export class ContactsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(CONTACTS_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.runStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async runStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const role = turnRole(context);
    const task = taskOf((step.options as FlowOptions | undefined)?.value?.do);
    if (task && !mayUse(role, FLOW_OF[task])) {
      await context.sendActivity(m.notAllowed(m.contacts[`${task}Button`]));
    } else if (task) {
      await this[task](context, m);
    } else {
      const count = (await this.services.contacts.listContacts()).length;
      await sendCard(context, contactsCard(m, { count, admin: mayUse(role, FLOW_OF.export) }));
    }
    return step.endDialog();
  }

  private async template(context: TurnContext, m: Messages) {
    const url = await this.services.files.download(conversationKeyOf(context), templateCsv(), 'contacts-template.csv');
    await sendCard(context, downloadCard(m, m.contacts.templateReady(this.services.files.ttlMinutes), url));
  }

  private async export(context: TurnContext, m: Messages) {
    const { csv, contacts } = await this.services.contacts.exportCsv();
    const url = await this.services.files.download(conversationKeyOf(context), csv, `contacts-${new Date().toISOString().slice(0, 10)}.csv`);
    await sendCard(context, downloadCard(m, m.contacts.exportReady(contacts, this.services.files.ttlMinutes), url));
  }

  private async history(context: TurnContext, m: Messages) {
    const jobs = await this.services.contacts.lastImports();
    await sendCard(context, historyCard(m, jobs.map((job) => historyLine(m, job, context))));
  }
}

function taskOf(value: unknown): ContactsTask | undefined {
  return value === 'template' || value === 'export' || value === 'history' ? value : undefined;
}

function historyLine(m: Messages, job: ImportJob, context: TurnContext): string {
  return m.contacts.historyLine({
    at: formatDateTime(turnLocale(context), job.startedAt, context.activity.localTimezone),
    fileName: job.fileName,
    by: job.by,
    status: m.contacts.status[job.status] ?? job.status,
    counts: job.status === 'done' ? m.contacts.historyCounts(job.counts) : '',
  });
}
