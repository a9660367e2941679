import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { createListCard, descriptionCard } from '../../cards/listCards';
import { escapeMarkdown } from '../../cards/markdown';
import { ListError } from '../../src/domain/listRules';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';
import { checkNewName, isNameRefusal, listMessage, refuseBadName, saidSkip, sendListCard, writeContext } from './listShared';

export const CREATE_LIST_DIALOG = 'lists.create';
const NAME = 'lists.create.name';
const DESCRIPTION = 'lists.create.description';
const FLOW = 'lists.create.flow';

export interface CreateListOptions {
  /** Typed after "create list", or the form's name field. */
  name?: string;
  description?: string;
  /** Sent by the form: the description was answered with the name. */
  form?: boolean;
}

/** Name (required, unique), then an optional description; the form answers both at once. */
export class CreateListDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(CREATE_LIST_DIALOG);
    this.addDialog(new AnswerPrompt(NAME, (ctx, answer) => refuseBadName(ctx, () => this.parseName(ctx, answer))));
    this.addDialog(new AnswerPrompt(DESCRIPTION, async (ctx, answer) => parseDescription(answer, t(ctx).lists.staleCard)));
    this.addDialog(new WaterfallDialog(FLOW, [this.nameStep.bind(this), this.descriptionStep.bind(this), this.createStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async nameStep(step: WaterfallStepContext) {
    const options = step.options as CreateListOptions;
    const m = t(step.context);
    let note: string | undefined;
    if (options.name !== undefined || options.form) {
      try {
        return await step.next(await checkNewName(this.services.lists, options.name ?? ''));
      } catch (error) {
        if (!isNameRefusal(error)) throw error;
        note = listMessage(m, error);
      }
    }
    const card = createListCard(m, { name: options.name, description: options.description });
    return step.prompt(NAME, { prompt: cardActivity(card, note), retryPrompt: cardActivity(card) });
  }

  private async descriptionStep(step: WaterfallStepContext) {
    const options = step.options as CreateListOptions;
    const name = step.result as string;
    (step.values as { name: string }).name = name;
    if (options.form) return step.next(options.description ?? '');
    const card = cardActivity(descriptionCard(t(step.context), name));
    return step.prompt(DESCRIPTION, { prompt: card, retryPrompt: card });
  }

  private async createStep(step: WaterfallStepContext) {
    const { name } = step.values as { name: string };
    const description = step.result as string;
    try {
      const list = await this.services.lists.create(name, description, writeContext(step.context));
      await sendListCard(step.context, { list, members: [] }, { title: t(step.context).lists.created(escapeMarkdown(list.name)) });
      return step.endDialog(list.id);
    } catch (error) {
      // Another admin took the name since it was checked: the name is checked (and refused) again, the description kept.
      if (!(error instanceof ListError) || error.code !== 'list_name_taken') throw error;
      return step.replaceDialog(FLOW, { name, description, form: true } satisfies CreateListOptions);
    }
  }

  private async parseName(context: Parameters<typeof t>[0], answer: Answer) {
    if (answer.value) return refuse(t(context).lists.staleCard);
    return accept(await checkNewName(this.services.lists, answer.text));
  }
}

function parseDescription(answer: Answer, staleCard: string) {
  if (answer.value?.action === 'skip') return accept('');
  if (answer.value) return refuse(staleCard);
  return accept(saidSkip(answer.text) ? '' : answer.text.trim());
}
