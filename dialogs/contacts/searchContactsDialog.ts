import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { noMatchCard, searchResultsCard } from '../../cards/contactCards';
import { escapeMarkdown } from '../../cards/markdown';
import { mayUse } from '../../src/domain/access';
import type { Page } from '../../src/domain/contactSearch';
import type { Contact } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity, sendCard } from '../base/send';
import { t, turnRole } from '../base/turn';

export const SEARCH_CONTACTS_DIALOG = 'contacts.search';
const QUERY = 'contacts.search.query';
const FLOW = 'contacts.search.flow';
export const PAGE_SIZE = 10;
/** A query is echoed in messages: a pasted novel is cut. */
const SHOWN_QUERY = 60;

export interface SearchOptions {
  query?: string;
  page?: number;
  /** The delete flow asks its own question. */
  forDelete?: boolean;
}

/** A query with matches and the page to show: searched once, where the query is taken. */
interface Found {
  query: string;
  found: Page<Contact>;
}

/** Name, e-mail or number → a page of matches (Open each; admins tick and delete); no match asks again and offers Add. */
export class SearchContactsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(SEARCH_CONTACTS_DIALOG);
    this.addDialog(new AnswerPrompt(QUERY, (ctx, answer) => this.parseQuery(ctx, answer)));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext) {
    const m = t(step.context);
    const { query, page, forDelete } = (step.options ?? {}) as SearchOptions;
    const again = cardActivity(noMatchCard(m));
    if (query?.trim()) {
      const found = await this.services.contactEditing.search(query, Number(page) || 1, PAGE_SIZE);
      if (found.total) return step.next({ query: query.trim(), found } satisfies Found);
      await step.context.sendActivity(m.contactEditing.noMatch(shown(query)));
      return step.prompt(QUERY, { prompt: again, retryPrompt: again });
    }
    return step.prompt(QUERY, { prompt: MessageFactory.text(forDelete ? m.contactEditing.askWhichToDelete : m.contactEditing.askQuery), retryPrompt: again });
  }

  private async showStep(step: WaterfallStepContext) {
    const { query, found } = step.result as Found;
    const m = t(step.context);
    await sendCard(step.context, searchResultsCard(m, { query, page: found, admin: mayUse(turnRole(step.context), 'deleteContacts') }));
    return step.endDialog();
  }

  private async parseQuery(context: Parameters<typeof t>[0], answer: Answer) {
    const m = t(context);
    const query = (typeof answer.value?.query === 'string' ? answer.value.query : answer.text).trim();
    if (!query) return refuse(m.contactEditing.askQuery);
    const found = await this.services.contactEditing.search(query, 1, PAGE_SIZE);
    if (!found.total) return refuse(m.contactEditing.noMatch(shown(query)));
    return accept({ query, found } satisfies Found);
  }
}

/** The query as a message quotes it: cut short, then escaped (the message is markdown). */
function shown(query: string): string {
  const trimmed = query.trim();
  return escapeMarkdown(trimmed.length > SHOWN_QUERY ? `${trimmed.slice(0, SHOWN_QUERY)}…` : trimmed);
}
