import {
  ComponentDialog,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { IMPORT_CONFIRM } from '../cards/importCards';
import { ALL_MENU_ACTIONS, menuCard, type MenuAction } from '../cards/menuCard';
import { mayUse } from '../src/domain/access';
import { isCancel, isMenuAction, parseCommand, type ParsedCommand } from './commands';
import { incomingFile } from './base/incomingFile';
import { sendCard } from './base/send';
import { submittedValue, t, turnRole } from './base/turn';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = 'mainRoute';

/** Options every flow dialog receives: what followed the typed command. */
export interface FlowOptions {
  rest?: string;
  /** `rest` as typed (case and punctuation kept), for the task phrases ("create list Suppliers EMEA"). */
  restText?: string;
  /** The data of the card button that started the flow (e.g. a location to keep). */
  value?: Record<string, unknown>;
}

type FileFlow = 'importContacts' | 'importUsers';

interface RouteOptions {
  /** The import a file sent now is for. */
  fileFlow?: FileFlow;
}

/** Routes a menu click or a typed command to its flow; anything else shows the menu. */
export type DeniedListener = (context: TurnContext, action: MenuAction) => void;

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly flows: Partial<Record<MenuAction, Dialog>>,
    private readonly onDenied: DeniedListener = () => undefined,
  ) {
    super(MAIN_DIALOG);
    for (const flow of Object.values(flows)) this.addDialog(flow);
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.endStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /**
   * A click on a menu button, or a file sent, starts that flow afresh,
   * whatever was under way. A file goes to the users import when that is the
   * flow waiting for it, else to the contacts import.
   */
  async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const file = incomingFile(innerDc.context.activity);
    if (isMenuAction(submittedValue(innerDc.context)?.action) || file) {
      const fileFlow: FileFlow = innerDc.activeDialog?.id === 'importUsers' ? 'importUsers' : 'importContacts';
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE, { fileFlow } satisfies RouteOptions);
    }
    return super.onContinueDialog(innerDc);
  }

  private async routeStep(step: WaterfallStepContext) {
    const { context } = step;
    const m = t(context);
    const text = context.activity.text?.trim();
    const file = incomingFile(context.activity);
    const fileFlow = (step.options as RouteOptions | undefined)?.fileFlow ?? 'importContacts';
    const command = file ? { action: fileFlow, rest: '', value: { file } } : commandOf(context.activity.value, text);
    const menu = menuCard(m, allowedActions(context));
    if (!command) {
      if (submittedValue(context)?.action === IMPORT_CONFIRM) await context.sendActivity(m.contactImport.alreadyImported);
      else if (isCancel(text) || submittedValue(context)?.action === 'cancel') await context.sendActivity(m.nothingToCancel);
      else await sendCard(context, menu, text ? m.notUnderstood(text) : undefined);
      return step.endDialog();
    }
    if (!mayUse(turnRole(context), command.action)) {
      this.onDenied(context, command.action);
      await sendCard(context, menu, m.notAllowed(m.menu.actions[command.action]));
      return step.endDialog();
    }
    if (command.action === 'help') {
      await sendCard(context, menu);
      return step.endDialog();
    }
    const flow = this.flows[command.action];
    if (flow) return step.beginDialog(flow.id, { rest: command.rest, restText: command.restText, value: command.value } satisfies FlowOptions);
    await context.sendActivity(m.comingSoon(m.menu.actions[command.action]));
    return step.endDialog();
  }

  private async endStep(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }
}

export function allowedActions(context: TurnContext): MenuAction[] {
  const role = turnRole(context);
  return ALL_MENU_ACTIONS.filter((action) => mayUse(role, action));
}

function commandOf(value: unknown, text: string | undefined): ParsedCommand | undefined {
  const action = value && typeof value === 'object' ? (value as { action?: unknown }).action : undefined;
  if (isMenuAction(action)) return { action, rest: '', value: value as Record<string, unknown> };
  return parseCommand(text);
}
