import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../cards/userCards';
import { RuleError } from '../../src/domain/ruleError';
import { displayNameOf } from '../../src/domain/users';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';

export const FIND_USER_DIALOG = 'findUser';
const QUERY = 'findUser.query';
const PICK = 'findUser.pick';
const FLOW = 'findUser.flow';
const MAX_CHOICES = 10;

/** Name or e-mail → one user id, with a choice when several match. */
export class FindUserDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(FIND_USER_DIALOG);
    this.addDialog(new AnswerPrompt(QUERY, (ctx, answer) => this.parseQuery(answer)));
    this.addDialog(new AnswerPrompt(PICK, (ctx, answer, data) => this.parsePick(answer, data)));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.pickStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext) {
    const { query } = (step.options ?? {}) as { query?: string };
    if (query) {
      const matches = await this.services.users.findUsers(query);
      if (matches.length) return step.next(matches.map((u) => u.id));
    }
    return step.prompt(QUERY, { prompt: MessageFactory.text(t(step.context).findUser.ask) });
  }

  private async pickStep(step: WaterfallStepContext) {
    const ids = step.result as string[];
    if (ids.length === 1) return step.next(ids[0]);
    const users = (await this.services.users.listUsers()).filter((u) => ids.includes(u.id)).slice(0, MAX_CHOICES);
    const card = cardActivity(
      choiceCard(
        t(step.context).findUser.choose(ids.length),
        users.map((u) => ({ title: `${displayNameOf(u)} — ${u.email}`, data: { userId: u.id } })),
      ),
    );
    return step.prompt(PICK, { prompt: card, retryPrompt: card, validations: { ids } });
  }

  private async doneStep(step: WaterfallStepContext) {
    return step.endDialog(step.result as string);
  }

  private async parseQuery(answer: Answer) {
    const query = typeof answer.value?.userId === 'string' ? answer.value.userId : answer.text;
    const byId = await this.services.directory.getUser(query);
    if (byId) return accept([byId.id]);
    const matches = await this.services.users.findUsers(query);
    if (!matches.length) throw new RuleError('user_not_found', { query });
    return accept(matches.map((u) => u.id));
  }

  private async parsePick(answer: Answer, data: { ids: string[] }) {
    const clicked = answer.value?.userId;
    if (typeof clicked === 'string' && data.ids.includes(clicked)) return accept(clicked);
    const candidates = (await this.services.users.findUsers(answer.text)).filter((u) => data.ids.includes(u.id));
    if (candidates.length === 1) return accept(candidates[0].id);
    throw new RuleError('user_not_found', { query: answer.text });
  }
}
