import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { IMPORT_CONFIRM } from '../cards/importCards';
import { escapeMarkdown } from '../cards/markdown';
import { ALL_MENU_ACTIONS, menuCard, type MenuAction } from '../cards/menuCard';
import { mayUse } from '../src/domain/access';
import { shortQuote } from '../src/domain/typedText';
import { isCancel, isMenuAction, parseCommand, type ParsedCommand } from './base/commands';
import { incomingFile } from './base/incomingFile';
import type { FlowOptions } from './base/flowOptions';
import { sendCard } from './base/send';
import { personOf, submittedValue, t, turnRole } from './base/turn';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = 'mainRoute';

type FileFlow = 'importContacts' | 'importUsers';

interface RouteOptions {
  /** The import a file sent now is for. */
  fileFlow?: FileFlow;
}

/** Who started the flow under way, kept in the route's state: in a shared conversation only they may answer it. */
interface FlowOwner {
  id: string;
  name: string;
  action: MenuAction;
  /** When they last answered (ms since epoch). */
  at: number;
}

/** After this long without an answer from its owner, a flow no longer holds a shared conversation. */
export const ABANDONED_FLOW_MS = 15 * 60_000;

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
    const owner = ownerOf(innerDc);
    if (owner && owner.id !== personOf(innerDc.context)) {
      if (Date.now() - owner.at < ABANDONED_FLOW_MS) {
        const m = t(innerDc.context);
        await innerDc.context.sendActivity(m.notYourQuestion(escapeMarkdown(owner.name), m.menu.actions[owner.action], ABANDONED_FLOW_MS / 60_000));
        return { status: DialogTurnStatus.waiting };
      }
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE, {} satisfies RouteOptions);
    }
    if (owner) owner.at = Date.now();
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
      else await sendCard(context, menu, text ? m.notUnderstood(escapeMarkdown(shortQuote(text))) : undefined);
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
    const from = context.activity.from;
    const owner: FlowOwner = { id: personOf(context), name: from?.name || from?.id || '?', action: command.action, at: Date.now() };
    (step.values as { owner?: FlowOwner }).owner = owner;
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

/** The flow runs on the route's stack, above the route that started it. */
function ownerOf(innerDc: DialogContext): FlowOwner | undefined {
  const route = innerDc.stack.find((instance) => instance.id === ROUTE);
  return (route?.state?.values as { owner?: FlowOwner } | undefined)?.owner;
}

function commandOf(value: unknown, text: string | undefined): ParsedCommand | undefined {
  const action = value && typeof value === 'object' ? (value as { action?: unknown }).action : undefined;
  if (isMenuAction(action)) return { action, rest: '', value: value as Record<string, unknown> };
  return parseCommand(text);
}
