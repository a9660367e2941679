import { DialogContextError, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { listsCard, type ListTask } from '../../cards/listCards';
import { ListError } from '../../src/domain/listRules';
import type { Services } from '../../src/services';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { sendCard } from '../base/send';
import { t } from '../base/turn';
import { ADD_MEMBERS_DIALOG, AddMembersDialog, type AddMembersOptions } from './listAddDialog';
import { CREATE_LIST_DIALOG, CreateListDialog, type CreateListOptions } from './listCreateDialog';
import { DELETE_LIST_DIALOG, DeleteListDialog } from './listDeleteDialog';
import { REMOVE_MEMBERS_DIALOG, RemoveMembersDialog, type RemoveMembersOptions } from './listRemoveDialog';
import { RENAME_LIST_DIALOG, RenameListDialog } from './listRenameDialog';
import { LISTS_FLOW, listMessage, optionText, sendListCard, tickedIds, unquote } from './listShared';
import type { FlowOptions } from '../base/flowOptions';
import { own } from '../../src/domain/own';

export const LISTS_DIALOG = LISTS_FLOW;
const FLOW = 'lists.flow';

/** The dialog that changes a list, for each task of a card button (`value.do`). */
const TASK_DIALOGS: Partial<Record<ListTask, string>> = {
  add: ADD_MEMBERS_DIALOG,
  remove: REMOVE_MEMBERS_DIALOG,
  rename: RENAME_LIST_DIALOG,
  delete: DELETE_LIST_DIALOG,
};

/**
 * Distribution lists (seed 000): every list, one list with its members, and
 * one sub-dialog per change. Card buttons restart this flow with their task
 * and data; a list refusal (a list deleted meanwhile, a backend without lists)
 * ends it with its message, having written nothing.
 */
export class ListsDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(LISTS_DIALOG);
    this.addDialog(new CreateListDialog(services));
    this.addDialog(new AddMembersDialog(services));
    this.addDialog(new RemoveMembersDialog(services));
    this.addDialog(new RenameListDialog(services));
    this.addDialog(new DeleteListDialog(services));
    this.addDialog(new WaterfallDialog(FLOW, [this.routeStep.bind(this), this.endStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  protected async onBeginDialog(dc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return this.refusing(dc, () => super.onBeginDialog(dc, options));
  }

  async onContinueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.refusing(dc, () => super.onContinueDialog(dc));
  }

  private async refusing(dc: DialogContext, run: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    try {
      return await run();
    } catch (error) {
      const refusal = listErrorIn(error);
      if (!refusal) throw error;
      await dc.cancelAllDialogs();
      // A list gone meanwhile: the lists there are, to pick another.
      if (refusal.code === 'list_not_found') await this.sendAll(dc.context, listMessage(t(dc.context), refusal));
      else await dc.context.sendActivity(listMessage(t(dc.context), refusal));
      return { status: DialogTurnStatus.complete };
    }
  }

  private async routeStep(step: WaterfallStepContext) {
    const { value = {}, restText = '' } = (step.options ?? {}) as FlowOptions;
    const task = value.do as ListTask | undefined;
    // A list named by a button (its id), or typed after "show list" / "create list".
    const typed = unquote(restText) || undefined;
    const listId = optionText(value.listId) || typed;
    if (task === 'create') {
      const options: CreateListOptions = { name: optionText(value.name) ?? typed, description: optionText(value.description), form: value.form === true };
      return step.beginDialog(CREATE_LIST_DIALOG, options);
    }
    if (task === 'show' && listId) return this.show(step, listId);
    const dialogId = own(TASK_DIALOGS, task);
    if (!dialogId || !listId) return this.showAll(step);
    const picked = { picked: value.picked === true, contactIds: tickedIds(value.contactIds) };
    if (task === 'add') {
      const page = Number(value.page);
      return step.beginDialog(dialogId, { listId, query: optionText(value.query) || undefined, page: page > 0 ? page : 1, ...picked } satisfies AddMembersOptions);
    }
    if (task === 'remove') return step.beginDialog(dialogId, { listId, ...picked } satisfies RemoveMembersOptions);
    return step.beginDialog(dialogId, { listId, name: optionText(value.name) });
  }

  /** An unknown name ends in `refusing`: its message over the lists there are. */
  private async show(step: WaterfallStepContext, ref: string) {
    await sendListCard(step.context, await this.services.lists.show(ref));
    return step.endDialog();
  }

  private async showAll(step: WaterfallStepContext) {
    await this.sendAll(step.context);
    return step.endDialog();
  }

  private async sendAll(context: TurnContext, note?: string) {
    await sendCard(context, listsCard(t(context), await this.services.lists.all(), note));
  }

  private async endStep(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }
}

/** The ListError behind an error, once unwrapped from the dialog stack's DialogContextErrors. */
function listErrorIn(error: unknown): ListError | undefined {
  let cause = error;
  while (cause instanceof DialogContextError) cause = cause.error;
  return cause instanceof ListError ? cause : undefined;
}
