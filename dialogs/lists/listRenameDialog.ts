import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renameCard } from '../../cards/listCards';
import { escapeMarkdown } from '../../cards/markdown';
import { ListError } from '../../src/domain/listRules';
import type { DistributionList } from '../../src/domain/types';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';
import { checkNewName, isNameRefusal, listMessage, refuseBadName, sendListCard, writeContext } from './listShared';

export const RENAME_LIST_DIALOG = 'lists.rename';
const NAME = 'lists.rename.name';
const FLOW = 'lists.rename.flow';

export interface RenameListOptions {
  listId: string;
  /** Sent by the rename card's field. */
  name?: string;
}

type Values = { list: DistributionList };

/** A new name (required, unique, at most 80 characters), asked again on each refusal. */
export class RenameListDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(RENAME_LIST_DIALOG);
    this.addDialog(
      new AnswerPrompt(NAME, (ctx, answer, { listId }: { listId: string }) =>
        refuseBadName(ctx, async () => (answer.value ? refuse(t(ctx).lists.staleCard) : accept(await checkNewName(this.services.lists, answer.text, listId)))),
      ),
    );
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.renameStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async askStep(step: WaterfallStepContext) {
    const options = step.options as RenameListOptions;
    const list = await this.services.lists.require(options.listId);
    (step.values as Values).list = list;
    let note: string | undefined;
    if (options.name !== undefined) {
      try {
        return await step.next(await checkNewName(this.services.lists, options.name, list.id));
      } catch (error) {
        if (!isNameRefusal(error)) throw error;
        note = listMessage(t(step.context), error);
      }
    }
    const card = renameCard(t(step.context), list);
    return step.prompt(NAME, { prompt: cardActivity(card, note), retryPrompt: cardActivity(card), validations: { listId: list.id } });
  }

  private async renameStep(step: WaterfallStepContext) {
    const { list } = step.values as Values;
    const name = step.result as string;
    try {
      await this.services.lists.rename(list.id, name, writeContext(step.context));
    } catch (error) {
      // Another list took the name since it was checked: the name is checked (and refused) again.
      if (!(error instanceof ListError) || error.code !== 'list_name_taken') throw error;
      return step.replaceDialog(FLOW, { listId: list.id, name } satisfies RenameListOptions);
    }
    const details = await this.services.lists.show(list.id);
    await sendListCard(step.context, details, { title: t(step.context).lists.renamed(escapeMarkdown(list.name), escapeMarkdown(details.list.name)) });
    return step.endDialog();
  }
}
