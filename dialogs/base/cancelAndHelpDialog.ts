import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { isCancel, isHelp } from './commands';
import { submittedValue, t } from './turn';

/** Every flow derives from this: "annuler/cancel" and "aide/help" work at every step. */
export class CancelAndHelpDialog extends ComponentDialog {
  async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(dc)) ?? super.onContinueDialog(dc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { text } = dc.context.activity;
    if (isCancel(text) || submittedValue(dc.context)?.action === 'cancel') {
      await dc.context.sendActivity(t(dc.context).cancelled);
      return dc.cancelAllDialogs();
    }
    if (isHelp(text)) {
      await dc.context.sendActivity(t(dc.context).flowHelp);
      await dc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
