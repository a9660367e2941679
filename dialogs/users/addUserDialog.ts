import { MessageFactory } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { invitationReason, resendButton } from '../../cards/invitationCards';
import { choiceCard, confirmCard, licenseCard, userCard, userFacts } from '../../cards/userCards';
import { submit } from '../../cards/adaptive';
import { escapeMarkdown } from '../../cards/markdown';
import type { CallingAssignment } from '../../src/directory/directory';
import { RuleError, type RuleCode } from '../../src/domain/ruleError';
import type { User, WriteContext } from '../../src/domain/types';
import { fold, unitsLeft } from '../../src/domain/users';
import type { Messages } from '../../src/i18n';
import type { Services } from '../../src/services';
import type { InvitationResult } from '../../src/services/invitationService';
import type { UserDraft } from '../../src/services/userService';
import { accept, AnswerPrompt, refuse, ruleText, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t } from '../base/turn';
import { parseConfirm } from '../base/confirm';
import { CALLING_DIALOG, CallingDialog, type CallingOptions } from './callingDialog';
import type { FlowOptions } from '../base/flowOptions';

export const ADD_USER_DIALOG = 'addUser';

type Part = 'identity' | 'licenses' | 'calling' | 'number' | 'extension';

interface AddUserOptions extends FlowOptions {
  draft?: Partial<UserDraft>;
  /** The part to ask again; the other answers are kept. */
  redo?: Part;
}

const IDENTITY = 'addUser.identity';
const LICENSES = 'addUser.licenses';
const CONFIRM = 'addUser.confirm';
const CHANGE = 'addUser.change';
const FLOW = 'addUser.flow';

/** A broken rule found at creation sends the admin back to the part that needs a new answer. */
const REDO_ON: Partial<Record<RuleCode, Part>> = {
  email_taken: 'identity',
  no_units_left: 'licenses',
  number_not_free: 'number',
  extension_taken: 'extension',
};

export class AddUserDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(ADD_USER_DIALOG);
    this.addDialog(new AnswerPrompt(IDENTITY, (ctx, answer) => this.parseIdentity(ctx, answer)));
    this.addDialog(new AnswerPrompt(LICENSES, (ctx, answer) => this.parseLicenses(answer)));
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseConfirm(answer, t(ctx).flowHelp)));
    this.addDialog(new AnswerPrompt(CHANGE, async (ctx, answer) => parseChange(answer, t(ctx).flowHelp)));
    this.addDialog(new CallingDialog(services));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.identityStep.bind(this),
        this.licensesStep.bind(this),
        this.callingStep.bind(this),
        this.confirmStep.bind(this),
        this.createOrChangeStep.bind(this),
        this.redoStep.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private draft(step: WaterfallStepContext): Partial<UserDraft> {
    const options = step.options as AddUserOptions;
    const values = step.values as { draft?: Partial<UserDraft> };
    if (!values.draft) {
      const keptLocation = options.value?.locationId;
      values.draft = { ...(options.draft ?? {}), ...(typeof keptLocation === 'string' ? { locationId: keptLocation } : {}) };
    }
    return values.draft;
  }

  private asks(step: WaterfallStepContext, part: Part, known: boolean): boolean {
    return !known || (step.options as AddUserOptions).redo === part;
  }

  private async identityStep(step: WaterfallStepContext) {
    const draft = this.draft(step);
    if (!this.asks(step, 'identity', Boolean(draft.email))) return step.next();
    return step.prompt(IDENTITY, { prompt: MessageFactory.text(t(step.context).addUser.askIdentity) });
  }

  private async licensesStep(step: WaterfallStepContext) {
    const draft = this.draft(step);
    if (step.result) Object.assign(draft, step.result);
    if (!this.asks(step, 'licenses', Boolean(draft.licenseIds?.length))) return step.next();
    const m = t(step.context);
    const licenses = await this.services.users.listLicenses();
    const card = cardActivity(licenseCard(m, licenses.map((l) => ({ id: l.id, title: m.addUser.unitsLeft(l.name, unitsLeft(l)) }))));
    return step.prompt(LICENSES, { prompt: card, retryPrompt: card });
  }

  private async callingStep(step: WaterfallStepContext) {
    const draft = this.draft(step);
    if (step.result) draft.licenseIds = step.result as string[];
    if (!(await this.services.users.needsCalling(draft.licenseIds ?? []))) {
      delete draft.locationId, delete draft.phoneNumber, delete draft.extension;
      return step.next();
    }
    const redo = (step.options as AddUserOptions).redo;
    const hasCalling = Boolean(draft.phoneNumber || draft.extension);
    if (hasCalling && redo !== 'calling' && redo !== 'number' && redo !== 'extension') return step.next();
    const options: CallingOptions =
      redo === 'extension'
        ? { locationId: draft.locationId, phoneNumber: draft.phoneNumber, onlyExtension: true }
        : { locationId: redo === 'calling' ? undefined : draft.locationId };
    return step.beginDialog(CALLING_DIALOG, options);
  }

  private async confirmStep(step: WaterfallStepContext) {
    const draft = this.draft(step);
    if (step.result) Object.assign(draft, step.result as CallingAssignment);
    const m = t(step.context);
    const view = await this.services.users.view(draftAsUser(draft));
    const card = cardActivity(confirmCard(m, m.addUser.summaryTitle, [userFacts(m, { ...view, status: undefined })]));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async createOrChangeStep(step: WaterfallStepContext) {
    const m = t(step.context);
    const draft = this.draft(step) as UserDraft;
    if (step.result === 'change') {
      const parts: Array<[Part, string]> = [
        ['identity', m.addUser.changeIdentity],
        ['licenses', m.addUser.changeLicenses],
        ['calling', m.addUser.changeCalling],
        ['extension', m.addUser.changeExtension],
      ];
      const shown = parts.filter(([part]) => (part === 'calling' || part === 'extension' ? Boolean(draft.locationId) : true));
      const card = cardActivity(choiceCard(m.addUser.whatToChange, shown.map(([redo, title]) => ({ title, data: { redo } }))));
      return step.prompt(CHANGE, { prompt: card, retryPrompt: card });
    }
    let user: User;
    const ctx = { actor: actorOf(step.context), flow: ADD_USER_DIALOG };
    try {
      user = await this.services.users.createUser(draft, ctx);
    } catch (error) {
      const redo = error instanceof RuleError ? REDO_ON[error.code] : undefined;
      if (!redo) throw error;
      await step.context.sendActivity(
        error instanceof RuleError && error.code === 'number_not_free'
          ? m.addUser.numberTaken(escapeMarkdown(String(error.details.number)))
          : ruleText(m, error as RuleError),
      );
      return step.replaceDialog(FLOW, { draft: forget(draft, redo), redo } satisfies AddUserOptions);
    }
    // The invitation goes right away; if it cannot, the user stays created and the card offers to resend it.
    const note = invitationNote(m, user.email, await this.invite(user.id, ctx));
    const view = await this.services.users.view((await this.services.directory.getUser(user.id)) ?? user);
    const again = submit(m.addUser.addAnother, { action: 'addUser', ...(user.locationId ? { locationId: user.locationId } : {}) });
    const actions = view.status === 'pending' ? [again, resendButton(m, user.id)] : [again];
    await sendCard(step.context, userCard(m, m.addUser.created(escapeMarkdown(view.name)), view, actions, note));
    return step.endDialog(user);
  }

  private async invite(userId: string, ctx: WriteContext): Promise<InvitationResult | Error> {
    try {
      return await this.services.invitations.send({ userIds: [userId] }, ctx);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private async redoStep(step: WaterfallStepContext) {
    return step.replaceDialog(FLOW, { draft: this.draft(step), redo: step.result as Part } satisfies AddUserOptions);
  }

  private async parseIdentity(context: Parameters<typeof t>[0], answer: Answer) {
    const words = answer.text.split(/[\s,;]+/).filter(Boolean);
    const email = words.find((w) => w.includes('@'));
    const names = words.filter((w) => w !== email);
    if (!email || names.length < 2) return refuse(t(context).addUser.identityShape);
    const [firstName, lastName] = [names[0], names.slice(1).join(' ')];
    this.services.users.checkNames(firstName, lastName);
    await this.services.users.checkEmail(email);
    return accept({ firstName, lastName, email });
  }

  private async parseLicenses(answer: Answer) {
    const clicked = answer.value?.licenseIds;
    const wanted =
      typeof clicked === 'string' && clicked
        ? clicked.split(',')
        : answer.text.split(/\s*(?:,|;|\+|\bet\b|\band\b)\s*/i).filter(Boolean);
    if (!wanted.length) throw new RuleError('license_required');
    const ids: string[] = [];
    for (const item of wanted) {
      const license = await this.services.users.findLicense(item, true);
      await this.services.users.checkLicense(license);
      if (!ids.includes(license.id)) ids.push(license.id);
    }
    return accept(ids);
  }
}

/** What became of the invitation of a user just created (markdown: the e-mail and the mail server's answer escaped). */
function invitationNote(m: Messages, email: string, outcome: InvitationResult | Error): string {
  const t = m.invitations;
  // An unexpected failure (not the mail server's answer): its text may name files, so it is not shown.
  if (outcome instanceof Error) return t.createdFailed(t.reasons.send_failed());
  if (outcome.sent) return t.createdSent(escapeMarkdown(email));
  if (outcome.users.failed.length) return t.createdFailed(escapeMarkdown(invitationReason(m, outcome.users.failed[0], outcome.maxPerSend)));
  if (outcome.users.skipped.length) return t.createdSkipped(escapeMarkdown(invitationReason(m, outcome.users.skipped[0])));
  return t.createdFailed(t.reasons.user_not_found());
}

function draftAsUser(draft: Partial<UserDraft>): User {
  return {
    id: '',
    email: draft.email ?? '',
    firstName: draft.firstName ?? '',
    lastName: draft.lastName ?? '',
    displayName: '',
    status: 'pending',
    licenseIds: draft.licenseIds ?? [],
    locationId: draft.locationId,
    phoneNumber: draft.phoneNumber,
    extension: draft.extension,
    createdAt: '',
  };
}

function forget(draft: UserDraft, part: Part): Partial<UserDraft> {
  const copy: Partial<UserDraft> = { ...draft };
  if (part === 'number') delete copy.phoneNumber, delete copy.extension;
  if (part === 'extension') delete copy.extension;
  return copy;
}

function parseChange(answer: Answer, help: string) {
  const redo = answer.value?.redo;
  if (typeof redo === 'string') return accept(redo as Part);
  const said = fold(answer.text);
  const part: Part | undefined = /mail|nom|name/.test(said)
    ? 'identity'
    : /licen/.test(said)
      ? 'licenses'
      : /interne|extension/.test(said)
        ? 'extension'
        : /emplacement|location|numero|number/.test(said)
          ? 'calling'
          : undefined;
  return part ? accept(part) : refuse(help);
}
