import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../cards/markdown';
import { deleteConfirmCard, userCard } from '../../cards/userCards';
import type { Services } from '../../src/services';
import { AnswerPrompt } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { parseConfirm } from '../base/confirm';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t } from '../base/turn';
import { FIND_USER_DIALOG, FindUserDialog } from './findUserDialog';
import type { FlowOptions } from '../base/flowOptions';

export const DELETE_USER_DIALOG = 'deleteUser';
const CONFIRM = 'deleteUser.confirm';
const FLOW = 'deleteUser.flow';

/** Find, show what will be removed (irreversible), confirm, delete. */
export class DeleteUserDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(DELETE_USER_DIALOG);
    this.addDialog(new FindUserDialog(services));
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseConfirm(answer, t(ctx).flowHelp)));
    this.addDialog(new WaterfallDialog(FLOW, [this.findStep.bind(this), this.confirmStep.bind(this), this.deleteStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async findStep(step: WaterfallStepContext) {
    return step.beginDialog(FIND_USER_DIALOG, { query: ((step.options ?? {}) as FlowOptions).rest });
  }

  private async confirmStep(step: WaterfallStepContext) {
    const userId = step.result as string;
    (step.values as { userId: string }).userId = userId;
    const card = cardActivity(deleteConfirmCard(t(step.context), await this.view(userId)));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async deleteStep(step: WaterfallStepContext) {
    const { userId } = step.values as { userId: string };
    if (step.result === 'change') return step.replaceDialog(FLOW, {});
    const view = await this.view(userId);
    await this.services.users.deleteUser(userId, { actor: actorOf(step.context), flow: DELETE_USER_DIALOG });
    const m = t(step.context);
    await sendCard(step.context, userCard(m, m.deleteUser.done(escapeMarkdown(view.name)), { ...view }));
    return step.endDialog();
  }

  private async view(userId: string) {
    return this.services.users.view(await this.services.users.getUser(userId));
  }
}
