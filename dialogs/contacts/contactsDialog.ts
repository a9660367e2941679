import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { contactCard } from '../../cards/contactCards';
import { contactsCard, downloadCard, historyCard } from '../../cards/importCards';
import { escapeMarkdown } from '../../cards/markdown';
import { templateCsv } from '../../src/csv/export';
import { mayUse } from '../../src/domain/access';
import type { ImportJob } from '../../src/domain/types';
import { formatDateTime, type Messages } from '../../src/i18n';
import type { Services } from '../../src/services';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { sendCard } from '../base/send';
import { conversationKeyOf, t, turnLocale, turnRole } from '../base/turn';
import { ADD_CONTACT_DIALOG, AddContactDialog } from './addContactDialog';
import { contactGone } from './contactText';
import { DELETE_CONTACTS_DIALOG, DeleteContactsDialog } from './deleteContactsDialog';
import { EDIT_CONTACT_DIALOG, EditContactDialog } from './editContactDialog';
import type { FlowOptions } from '../base/flowOptions';
import { SEARCH_CONTACTS_DIALOG, SearchContactsDialog, type SearchOptions } from './searchContactsDialog';
import { own } from '../../src/domain/own';

export const CONTACTS_DIALOG = 'contacts';
const FLOW = 'contacts.flow';

/** What the contacts card's buttons do, and the flow each counts as for roles. */
type ContactsTask = 'template' | 'export' | 'history';
const FLOW_OF: Record<ContactsTask, string> = { template: CONTACTS_DIALOG, export: 'exportContacts', history: 'importHistory' };

/** The flows a contacts card button or task phrase starts (`value.do`). */
const FLOW_DIALOGS: Record<string, string> = { add: ADD_CONTACT_DIALOG, edit: EDIT_CONTACT_DIALOG, delete: DELETE_CONTACTS_DIALOG };

/**
 * The contacts menu (seeds 000 and 001): search, open, add, edit, delete one
 * or several; template, export of every contact, the last imports.
 * "contacts dupont" and "search dupont" search at once.
 */
export class ContactsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(CONTACTS_DIALOG);
    this.addDialog(new SearchContactsDialog(services));
    this.addDialog(new AddContactDialog(services));
    this.addDialog(new EditContactDialog(services));
    this.addDialog(new DeleteContactsDialog(services));
    this.addDialog(new WaterfallDialog(FLOW, [this.runStep.bind(this), this.endStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async runStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const role = turnRole(context);
    const options = (step.options ?? {}) as FlowOptions;
    const what = options.value?.do;
    const task = taskOf(what);
    const subDialog = own(FLOW_DIALOGS, what);
    if (task && !mayUse(role, FLOW_OF[task])) {
      await context.sendActivity(m.notAllowed(m.contacts[`${task}Button`]));
    } else if (task) {
      await this[task](context, m);
    } else if (subDialog) {
      return step.beginDialog(subDialog, options);
    } else if (what === 'open') {
      await this.open(context, m, String(options.value?.id ?? ''));
    } else if (what === 'search' || options.rest) {
      const query = typeof options.value?.query === 'string' ? options.value.query : (options.restText ?? options.rest);
      return step.beginDialog(SEARCH_CONTACTS_DIALOG, { query, page: Number(options.value?.page) || 1 } satisfies SearchOptions);
    } else {
      const count = (await this.services.contacts.listContacts()).length;
      await sendCard(context, contactsCard(m, { count, admin: mayUse(role, FLOW_OF.export) }));
    }
    return step.endDialog();
  }

  private async endStep(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }

  private async open(context: TurnContext, m: Messages, id: string) {
    const contact = id ? await this.services.contactEditing.get(id) : undefined;
    if (!contact) {
      await context.sendActivity(contactGone(m));
      return;
    }
    const admin = mayUse(turnRole(context), 'deleteContacts');
    await sendCard(context, contactCard(m, { title: m.contactEditing.contactTitle(escapeMarkdown(contact.displayName)), contact, admin }));
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
    fileName: escapeMarkdown(job.fileName),
    by: escapeMarkdown(job.by),
    status: m.contacts.status[job.status] ?? job.status,
    counts: job.status === 'done' ? m.contacts.historyCounts(job.counts) : '',
  });
}
