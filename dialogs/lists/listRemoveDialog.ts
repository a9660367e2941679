import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { confirmMembersCard, memberOf, pickMembersCard, type ContactChoice } from '../../cards/listCards';
import { escapeMarkdown } from '../../cards/markdown';
import { searchContacts } from '../../src/domain/contactSearch';
import type { Contact, DistributionList } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { AnswerPrompt } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';
import { parseListConfirm, parsePick, sendListCard, writeContext } from './listShared';

export const REMOVE_MEMBERS_DIALOG = 'lists.remove';
const PICK = 'lists.remove.pick';
const CONFIRM = 'lists.remove.confirm';
const FLOW = 'lists.remove.flow';
/** Members offered at once; typing part of a name finds the others. */
export const MAX_MEMBER_CHOICES = 50;

export interface RemoveMembersOptions {
  listId: string;
  /** Sent by "Remove selected": the ticked members (none ticked is a mistake to point out). */
  picked?: boolean;
  contactIds?: string[];
  /** Typed words narrowing the members offered. */
  filter?: string;
}

type Values = { list: DistributionList; ids: string[] };

/** Tick members (by card or by their numbers), confirm naming them, remove; they stay contacts. */
export class RemoveMembersDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(REMOVE_MEMBERS_DIALOG);
    this.addDialog(new AnswerPrompt(PICK, async (ctx, answer, shown: ContactChoice[]) => parsePick(answer, shown, t(ctx).lists.staleCard)));
    this.addDialog(
      new AnswerPrompt(CONFIRM, async (ctx, answer, expected: { listId: string }) =>
        parseListConfirm(t(ctx), answer, { task: 'remove', listId: expected.listId }, true),
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.pickStep.bind(this), this.confirmStep.bind(this), this.removeStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async pickStep(step: WaterfallStepContext) {
    const options = step.options as RemoveMembersOptions;
    const m = t(step.context);
    const { list, members } = await this.services.lists.show(options.listId);
    (step.values as Values).list = list;
    if (!members.length) {
      await step.context.sendActivity(m.lists.nothingToRemove(escapeMarkdown(list.name)));
      return step.endDialog();
    }
    const ids = options.contactIds ?? [];
    if (options.picked && ids.length) return step.next({ ids });
    let note = options.picked ? m.lists.pickAtLeastOne : undefined;
    let offered: Contact[] = members;
    if (options.filter) {
      const matching = searchContacts(members, options.filter, 1, members.length).items;
      if (matching.length) offered = matching;
      else note = m.lists.noMemberMatches(escapeMarkdown(options.filter));
    }
    const shown = offered.slice(0, MAX_MEMBER_CHOICES).map((contact, i): ContactChoice => ({ ...memberOf(contact), number: i + 1 }));
    const card = (withNote?: string) => cardActivity(pickMembersCard(m, list, shown, offered.length, withNote));
    return step.prompt(PICK, { prompt: card(note), retryPrompt: card(), validations: shown });
  }

  private async confirmStep(step: WaterfallStepContext) {
    const values = step.values as Values;
    // Typed text other than numbers narrows the members offered.
    const picked = step.result as { ids: string[] } | { text: string };
    if ('text' in picked) return step.replaceDialog(FLOW, { listId: values.list.id, filter: picked.text } satisfies RemoveMembersOptions);
    const { members } = await this.services.lists.show(values.list.id);
    const removing = members.filter((c) => picked.ids.includes(c.id));
    // Ticked contacts that are no longer members (someone removed them meanwhile): ask again.
    if (!removing.length) return step.replaceDialog(FLOW, { listId: values.list.id, picked: true } satisfies RemoveMembersOptions);
    values.ids = removing.map((c) => c.id);
    const card = cardActivity(confirmMembersCard(t(step.context), 'remove', values.list, removing.map(memberOf)));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card, validations: { listId: values.list.id } });
  }

  private async removeStep(step: WaterfallStepContext) {
    const values = step.values as Values;
    if (step.result === 'change') return step.replaceDialog(FLOW, { listId: values.list.id } satisfies RemoveMembersOptions);
    const before = new Map((await this.services.lists.show(values.list.id)).members.map((c) => [c.id, c.displayName]));
    const { removed } = await this.services.lists.removeMembers(values.list.id, values.ids, writeContext(step.context));
    const details = await this.services.lists.show(values.list.id);
    const m = t(step.context);
    const notes = removed.length ? [m.lists.removedNames(removed.map((id) => escapeMarkdown(before.get(id) ?? id)).join(', '))] : [];
    await sendListCard(step.context, details, { title: m.lists.removed(removed.length, escapeMarkdown(details.list.name)), notes });
    return step.endDialog();
  }
}
