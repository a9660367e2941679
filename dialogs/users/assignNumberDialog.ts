import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../cards/markdown';
import { beforeAfterCard, confirmCard, userCard, userFacts } from '../../cards/userCards';
import type { CallingAssignment } from '../../src/directory/directory';
import type { Services } from '../../src/services';
import { AnswerPrompt } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t } from '../base/turn';
import { parseConfirm } from '../base/confirm';
import { CALLING_DIALOG, CallingDialog, type CallingOptions } from './callingDialog';
import { FIND_USER_DIALOG, FindUserDialog } from './findUserDialog';
import type { FlowOptions } from '../base/flowOptions';

export const ASSIGN_NUMBER_DIALOG = 'assignNumber';
const CONFIRM = 'assignNumber.confirm';
const FLOW = 'assignNumber.flow';

interface AssignValues {
  userId: string;
  assignment: CallingAssignment;
}

/** Find a user, then location / number / extension; the old number goes back to its pool. */
export class AssignNumberDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(ASSIGN_NUMBER_DIALOG);
    this.addDialog(new FindUserDialog(services));
    this.addDialog(new CallingDialog(services));
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseConfirm(answer, t(ctx).flowHelp)));
    this.addDialog(
      new WaterfallDialog(FLOW, [this.findStep.bind(this), this.callingStep.bind(this), this.confirmStep.bind(this), this.applyStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async findStep(step: WaterfallStepContext) {
    const { rest } = (step.options ?? {}) as FlowOptions;
    return step.beginDialog(FIND_USER_DIALOG, { query: rest });
  }

  private async callingStep(step: WaterfallStepContext) {
    const values = step.values as AssignValues;
    values.userId = step.result as string;
    const user = await this.services.users.getUser(values.userId);
    const m = t(step.context);
    await sendCard(step.context, userCard(m, m.assignNumber.current, await this.services.users.view(user)));
    return step.beginDialog(CALLING_DIALOG, { userId: user.id } satisfies CallingOptions);
  }

  private async confirmStep(step: WaterfallStepContext) {
    const values = step.values as AssignValues;
    values.assignment = step.result as CallingAssignment;
    const m = t(step.context);
    const user = await this.services.users.getUser(values.userId);
    const after = await this.services.users.view({ ...user, ...values.assignment });
    const card = cardActivity(confirmCard(m, m.assignNumber.summaryTitle, [userFacts(m, { ...after, status: undefined })]));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async applyStep(step: WaterfallStepContext) {
    const values = step.values as AssignValues;
    if (step.result === 'change') {
      return step.replaceDialog(FLOW, { rest: values.userId } satisfies FlowOptions);
    }
    const ctx = { actor: actorOf(step.context), flow: ASSIGN_NUMBER_DIALOG };
    const { before, after } = await this.services.users.assignCalling(values.userId, values.assignment, ctx);
    const m = t(step.context);
    const [b, a] = await this.services.users.views([before, after]);
    await sendCard(step.context, beforeAfterCard(m, m.assignNumber.done(escapeMarkdown(a.name)), b, a));
    return step.endDialog(after);
  }
}
