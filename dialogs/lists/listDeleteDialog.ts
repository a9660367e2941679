import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { deleteListCard, listsCard } from '../../cards/listCards';
import { escapeMarkdown } from '../../cards/markdown';
import type { DistributionList } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { AnswerPrompt } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity, sendCard } from '../base/send';
import { t } from '../base/turn';
import { parseListConfirm, writeContext } from './listShared';

export const DELETE_LIST_DIALOG = 'lists.delete';
const CONFIRM = 'lists.delete.confirm';
const FLOW = 'lists.delete.flow';

export interface DeleteListOptions {
  listId: string;
}

/** A confirmation naming the list and saying its members stay contacts, then the deletion. */
export class DeleteListDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(DELETE_LIST_DIALOG);
    this.addDialog(
      new AnswerPrompt(CONFIRM, async (ctx, answer, { listId }: { listId: string }) => parseListConfirm(t(ctx), answer, { task: 'delete', listId })),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.confirmStep.bind(this), this.deleteStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async confirmStep(step: WaterfallStepContext) {
    const { list, members } = await this.services.lists.show((step.options as DeleteListOptions).listId);
    (step.values as { list: DistributionList }).list = list;
    const card = cardActivity(deleteListCard(t(step.context), list, members.length));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card, validations: { listId: list.id } });
  }

  private async deleteStep(step: WaterfallStepContext) {
    const { list } = step.values as { list: DistributionList };
    const { members } = await this.services.lists.delete(list.id, writeContext(step.context));
    const m = t(step.context);
    await sendCard(step.context, listsCard(m, await this.services.lists.all(), m.lists.deleted(escapeMarkdown(list.name), members.length)));
    return step.endDialog();
  }
}
