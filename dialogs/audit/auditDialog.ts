import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { auditCard } from '../../cards/auditCard';
import { readAuditLog } from '../../src/services/auditLog';
import { formatDateTime } from '../../src/i18n';
import type { Services } from '../../src/services';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { sendCard } from '../base/send';
import { t, turnLocale } from '../base/turn';

export const AUDIT_DIALOG = 'audit';
const FLOW = 'audit.flow';
const SHOWN = 20;

/** "audit" (admins): the last writes, who made them, when, through which flow, and what they changed. */
export class AuditDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(AUDIT_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.showStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async showStep(step: WaterfallStepContext) {
    const { context } = step;
    const records = await readAuditLog(this.services.directory);
    const lines = records
      .slice(-SHOWN)
      .reverse()
      .map((e) => ({
        at: formatDateTime(turnLocale(context), e.at, context.activity.localTimezone),
        who: e.actor.name,
        action: e.action,
        target: e.target,
        changes: e.changes,
      }));
    await sendCard(context, auditCard(t(context), lines, records.length));
    return step.endDialog();
  }
}
