import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { deleteContactsCard, namesText } from '../../cards/contactCards';
import { mayUse } from '../../src/domain/access';
import type { Contact } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { actorOf, t, turnRole } from '../base/turn';
import { saidYes } from '../base/words';
import type { FlowOptions } from '../base/flowOptions';
import { SEARCH_CONTACTS_DIALOG, SearchContactsDialog, type SearchOptions } from './searchContactsDialog';

export const DELETE_CONTACTS_DIALOG = 'contacts.delete';
const CONFIRM = 'contacts.delete.confirm';
const FLOW = 'contacts.delete.flow';

/**
 * Delete one contact, or those ticked on a results card (seed 001): a
 * confirmation that names them, then who was deleted and who was already
 * gone. Admins only. Without ids, it first searches so they can be ticked.
 */
export class DeleteContactsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(DELETE_CONTACTS_DIALOG);
    this.addDialog(new SearchContactsDialog(services));
    this.addDialog(
      new AnswerPrompt(CONFIRM, async (ctx, answer) =>
        answer.value?.action === 'confirm' || (!answer.value && saidYes(answer.text)) ? accept(true) : refuse(t(ctx).contactEditing.deleteShape),
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.confirmStep.bind(this), this.deleteStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async confirmStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const options = (step.options ?? {}) as FlowOptions;
    if (!mayUse(turnRole(context), 'deleteContacts')) {
      await context.sendActivity(m.notAllowed(m.contactEditing.deleteSelected));
      return step.endDialog();
    }
    const value = options.value ?? {};
    if (!('ids' in value)) {
      return step.beginDialog(SEARCH_CONTACTS_DIALOG, { query: options.restText ?? options.rest, forDelete: true } satisfies SearchOptions);
    }
    const ids = idsOf(value.ids);
    if (!ids.length) {
      await context.sendActivity(m.contactEditing.nothingSelected);
      return step.endDialog();
    }
    const found = (await Promise.all(ids.map((id) => this.services.contactEditing.get(id)))).filter((c): c is Contact => c !== undefined);
    if (!found.length) {
      await context.sendActivity(m.contactEditing.noneDeleted);
      return step.endDialog();
    }
    (step.values as { ids: string[] }).ids = ids;
    const card = cardActivity(deleteContactsCard(m, found.map((c) => c.displayName)));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async deleteStep(step: WaterfallStepContext) {
    const { ids } = step.values as { ids?: string[] };
    // Back from the search: the results card is shown, the ticking and the click start this flow again.
    if (!ids) return step.endDialog();
    const m = t(step.context);
    const { deleted, missing } = await this.services.contactEditing.delete(ids, { actor: actorOf(step.context), flow: 'deleteContacts' });
    const lines = [deleted.length ? m.contactEditing.deleted(namesText(m, deleted.map((c) => c.displayName))) : m.contactEditing.noneDeleted];
    if (missing.length && deleted.length) lines.push(m.contactEditing.alreadyGone(missing.length));
    await step.context.sendActivity(lines.join('\n\n'));
    return step.endDialog({ deleted: deleted.map((c) => c.id), missing });
  }
}

/** A multi-select sends "id1,id2"; a single Delete button sends one id. */
function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(list.filter((id): id is string => typeof id === 'string').map((id) => id.trim()).filter(Boolean))];
}
