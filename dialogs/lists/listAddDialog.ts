import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { confirmMembersCard, memberOf, pickContactsCard, searchCard, type ContactChoice } from '../../cards/listCards';
import { escapeMarkdown } from '../../cards/markdown';
import { ListError } from '../../src/domain/listRules';
import type { Contact, DistributionList } from '../../src/domain/types';
import type { Page } from '../../src/domain/contactSearch';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';
import { parseListConfirm, parsePick, sendListCard, writeContext } from './listShared';

export const ADD_MEMBERS_DIALOG = 'lists.add';
const QUERY = 'lists.add.query';
const PICK = 'lists.add.pick';
const CONFIRM = 'lists.add.confirm';
const FLOW = 'lists.add.flow';
/** Matches shown per page. */
export const PAGE_SIZE = 20;

export interface AddMembersOptions {
  listId: string;
  query?: string;
  page?: number;
  /** Sent by "Add selected": the ticked contacts (none ticked is a mistake to point out). */
  picked?: boolean;
  contactIds?: string[];
}

/** Ticked ids, or a query to show at `page`; `results` when the step that took the query already searched it. */
type Found = { query: string; page: number; note?: string; results?: Page<Contact> } | { ids: string[] };
type Values = { list: DistributionList; query?: string; ids: string[]; already: Contact[] };

/** Search, tick the contacts (by card or by their numbers), confirm, add; says who already was a member. */
export class AddMembersDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(ADD_MEMBERS_DIALOG);
    this.addDialog(new AnswerPrompt(QUERY, (ctx, answer) => this.parseQuery(ctx, answer)));
    this.addDialog(new AnswerPrompt(PICK, async (ctx, answer, shown: ContactChoice[]) => parsePick(answer, shown, t(ctx).lists.staleCard)));
    this.addDialog(
      new AnswerPrompt(CONFIRM, async (ctx, answer, expected: { listId: string }) =>
        parseListConfirm(t(ctx), answer, { task: 'add', listId: expected.listId }, true),
      ),
    );
    this.addDialog(
      new WaterfallDialog(FLOW, [this.searchStep.bind(this), this.pickStep.bind(this), this.confirmStep.bind(this), this.addStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async searchStep(step: WaterfallStepContext) {
    const options = step.options as AddMembersOptions;
    const m = t(step.context);
    const values = step.values as Values;
    values.list = await this.services.lists.require(options.listId);
    values.query = options.query;
    const ids = options.contactIds ?? [];
    if (options.picked && ids.length) return step.next({ ids } satisfies Found);
    let note: string | undefined;
    if (options.query) {
      if (options.picked) return step.next({ query: options.query, page: options.page ?? 1, note: m.lists.pickAtLeastOne } satisfies Found);
      const results = await this.services.contactEditing.search(options.query, options.page ?? 1, PAGE_SIZE);
      if (results.total) return step.next({ query: options.query, page: results.page, results } satisfies Found);
      note = m.lists.noMatch(escapeMarkdown(options.query));
    }
    return step.prompt(QUERY, { prompt: cardActivity(searchCard(m, values.list, note)), retryPrompt: cardActivity(searchCard(m, values.list)) });
  }

  private async pickStep(step: WaterfallStepContext) {
    const found = step.result as Found;
    if ('ids' in found) return step.next(found);
    const values = step.values as Values;
    values.query = found.query;
    const page = found.results ?? (await this.services.contactEditing.search(found.query, found.page, PAGE_SIZE));
    const first = (page.page - 1) * PAGE_SIZE + 1;
    const choices: ContactChoice[] = page.items.map((contact, i) => ({
      ...memberOf(contact),
      number: first + i,
      member: contact.groupIds.includes(values.list.id),
    }));
    const shown = { query: found.query, choices, total: page.total, page: page.page, pages: page.pages };
    const card = (note?: string) => cardActivity(pickContactsCard(t(step.context), values.list, shown, note));
    return step.prompt(PICK, { prompt: card(found.note), retryPrompt: card(), validations: choices });
  }

  private async confirmStep(step: WaterfallStepContext) {
    const values = step.values as Values;
    // Typed text other than numbers is a new search.
    const picked = step.result as { ids: string[] } | { text: string };
    if ('text' in picked) return step.replaceDialog(FLOW, { listId: values.list.id, query: picked.text } satisfies AddMembersOptions);
    const contacts = (await Promise.all(picked.ids.map((id) => this.services.contactEditing.get(id)))).filter((c): c is Contact => Boolean(c));
    if (!contacts.length) throw new ListError('contact_not_found', { value: picked.ids[0] });
    const adding = contacts.filter((c) => !c.groupIds.includes(values.list.id));
    values.already = contacts.filter((c) => c.groupIds.includes(values.list.id));
    const m = t(step.context);
    if (!adding.length) {
      await sendListCard(step.context, await this.services.lists.show(values.list.id), { notes: [m.lists.nothingToAdd(escapeMarkdown(values.list.name))] });
      return step.endDialog();
    }
    values.ids = adding.map((c) => c.id);
    const card = cardActivity(confirmMembersCard(m, 'add', values.list, adding.map(memberOf), values.already.map(memberOf)));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card, validations: { listId: values.list.id } });
  }

  private async addStep(step: WaterfallStepContext) {
    const values = step.values as Values;
    if (step.result === 'change') return step.replaceDialog(FLOW, { listId: values.list.id, query: values.query } satisfies AddMembersOptions);
    const { added } = await this.services.lists.addMembers(values.list.id, values.ids, writeContext(step.context));
    const details = await this.services.lists.show(values.list.id);
    const name = new Map(details.members.map((c) => [c.id, c.displayName]));
    // Selected contacts not changed were made members meanwhile (by another admin): they already were.
    const already = [...values.already.map((c) => c.displayName), ...values.ids.filter((id) => !added.includes(id)).map((id) => name.get(id) ?? id)];
    const m = t(step.context);
    const names = (list: string[]) => list.map(escapeMarkdown).join(', ');
    const notes = added.length ? [m.lists.addedNames(names(added.map((id) => name.get(id) ?? id)))] : [];
    if (already.length) notes.push(m.lists.alreadyMembers(names(already)));
    await sendListCard(step.context, details, { title: m.lists.added(added.length, escapeMarkdown(details.list.name)), notes });
    return step.endDialog();
  }

  private async parseQuery(context: Parameters<typeof t>[0], answer: Answer) {
    const m = t(context);
    if (answer.value) return refuse(m.lists.staleCard);
    if (!answer.text) return refuse(m.flowHelp);
    const results = await this.services.contactEditing.search(answer.text, 1, PAGE_SIZE);
    return results.total ? accept<Found>({ query: answer.text, page: 1, results }) : refuse(m.lists.noMatch(escapeMarkdown(answer.text)));
  }
}
