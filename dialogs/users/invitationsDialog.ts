import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { INVITATIONS_SEND, invitationsConfirmCard, invitationsResultCard } from '../../cards/invitationCards';
import { displayNameOf } from '../../src/domain/users';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t } from '../base/turn';
import { saidYes } from '../base/words';
import { normalise } from '../base/commands';
import type { FlowOptions } from '../base/flowOptions';

export const INVITATIONS_DIALOG = 'sendInvitations';
const CONFIRM = 'sendInvitations.confirm';
const FLOW = 'sendInvitations.flow';

const SEND_WORDS = ['envoyer', 'send', 'envoyer les invitations', 'send invitations'];

/**
 * "Send invitations": list the pending users, confirm (irreversible), send,
 * answer with the result card. Started with `value.userId` (a "resend"
 * button), it sends to that user only, without the list.
 */
export class InvitationsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(INVITATIONS_DIALOG);
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseSend(answer, t(ctx).invitations.confirmHelp)));
    this.addDialog(new WaterfallDialog(FLOW, [this.listStep.bind(this), this.sendStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async listStep(step: WaterfallStepContext) {
    const m = t(step.context);
    const userId = ((step.options ?? {}) as FlowOptions).value?.userId;
    if (typeof userId === 'string' && userId) return this.sendTo(step, [userId]);

    const pending = await this.services.invitations.listPending();
    if (!pending.length) {
      await step.context.sendActivity(m.invitations.noPending);
      return step.endDialog();
    }
    const preview = await this.services.invitations.send({ userIds: pending.map((u) => u.id), dryRun: true }, this.ctx(step));
    (step.values as { userIds: string[] }).userIds = pending.map((u) => u.id);
    const card = cardActivity(
      invitationsConfirmCard(m, {
        names: pending.map(displayNameOf),
        recentlyInvited: preview.users.skipped.filter((s) => s.reason === 'recently_invited').length,
        linkTtlDays: this.services.invitations.linkTtlDays,
      }),
    );
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async sendStep(step: WaterfallStepContext) {
    return this.sendTo(step, (step.values as { userIds: string[] }).userIds);
  }

  /** The users confirmed on the card (not those who became pending since). */
  private async sendTo(step: WaterfallStepContext, userIds: string[]) {
    const result = await this.services.invitations.send({ userIds }, this.ctx(step));
    await sendCard(step.context, invitationsResultCard(t(step.context), result));
    return step.endDialog(result);
  }

  private ctx(step: WaterfallStepContext) {
    return { actor: actorOf(step.context), flow: INVITATIONS_DIALOG };
  }
}

function parseSend(answer: Answer, help: string) {
  if (answer.value?.action === INVITATIONS_SEND) return accept('send' as const);
  if (!answer.value && (saidYes(answer.text) || SEND_WORDS.includes(normalise(answer.text)))) return accept('send' as const);
  return refuse(help);
}
