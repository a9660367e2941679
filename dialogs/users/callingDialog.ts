import { MessageFactory, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../cards/markdown';
import { choiceCard } from '../../cards/userCards';
import type { CallingAssignment } from '../../src/directory/directory';
import { formatPhone } from '../../src/domain/phone';
import { suggestedExtension } from '../../src/domain/users';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { cardActivity } from '../base/send';
import { t } from '../base/turn';
import { saidMore, saidNone } from '../base/words';

export const CALLING_DIALOG = 'callingAssignment';

export interface CallingOptions {
  /** Skip the location question (kept from a previous user, or being changed number only). */
  locationId?: string;
  /** Ask only for the extension, keeping location and number. */
  phoneNumber?: string;
  onlyExtension?: boolean;
  /** The user being changed: their own extension and number do not count as taken. */
  userId?: string;
}

const LOCATION = 'calling.location';
const NUMBER = 'calling.number';
const EXTENSION = 'calling.extension';
const FLOW = 'calling.flow';
const NUMBER_PAGE = 'calling.numberPage';
const PAGE_SIZE = 8;

type NumberAnswer = { number?: string; more?: boolean };

/** Location → a free number of it (paged) → an extension; returns a CallingAssignment. */
export class CallingDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(CALLING_DIALOG);
    this.addDialog(new AnswerPrompt(LOCATION, (ctx, answer) => this.parseLocation(answer)));
    this.addDialog(new AnswerPrompt(NUMBER, (ctx, answer, data) => this.parseNumber(answer, data)));
    this.addDialog(new AnswerPrompt(EXTENSION, (ctx, answer, data) => this.parseExtension(ctx, answer, data)));
    this.addDialog(new WaterfallDialog(NUMBER_PAGE, [this.numberPageStep.bind(this), this.numberPageDone.bind(this)]));
    this.addDialog(
      new WaterfallDialog(FLOW, [this.locationStep.bind(this), this.numberStep.bind(this), this.extensionStep.bind(this), this.doneStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async locationStep(step: WaterfallStepContext) {
    const options = step.options as CallingOptions;
    if (options.locationId) return step.next(options.locationId);
    const locations = await this.services.users.listLocations();
    const card = choiceCard(t(step.context).addUser.askLocation, locations.map((l) => ({ title: l.name, data: { locationId: l.id } })));
    return step.prompt(LOCATION, { prompt: cardActivity(card), retryPrompt: cardActivity(card) });
  }

  private async numberStep(step: WaterfallStepContext) {
    const options = step.options as CallingOptions;
    values(step).locationId = step.result as string;
    if (options.onlyExtension) return step.next(options.phoneNumber ?? null);
    const location = await this.services.users.findLocation(values(step).locationId);
    const free = await this.services.users.listFreeNumbers(location.id);
    if (!free.length) {
      await step.context.sendActivity(t(step.context).addUser.noFreeNumber(escapeMarkdown(location.name)));
      return step.next(null);
    }
    return step.beginDialog(NUMBER_PAGE, { locationId: location.id, locationName: location.name, page: 0 });
  }

  private async numberPageStep(step: WaterfallStepContext) {
    const { locationId, locationName, page } = step.options as { locationId: string; locationName: string; page: number };
    const m = t(step.context);
    const free = await this.services.users.listFreeNumbers(locationId);
    const pages = Math.max(1, Math.ceil(free.length / PAGE_SIZE));
    const shown = free.slice((page % pages) * PAGE_SIZE, (page % pages) * PAGE_SIZE + PAGE_SIZE);
    const choices = shown.map((n) => ({ title: formatPhone(n), data: { number: n } }));
    choices.push({ title: m.addUser.noNumber, data: { number: '' } });
    if (pages > 1) choices.push({ title: m.common.more, data: { more: true } as never });
    const card = cardActivity(choiceCard(m.addUser.askNumber(escapeMarkdown(locationName), free.length), choices));
    return step.prompt(NUMBER, { prompt: card, retryPrompt: card, validations: { locationId } });
  }

  private async numberPageDone(step: WaterfallStepContext) {
    const answer = step.result as NumberAnswer;
    const options = step.options as { page: number };
    if (answer.more) return step.replaceDialog(NUMBER_PAGE, { ...options, page: options.page + 1 });
    return step.endDialog(answer.number ?? null);
  }

  private async extensionStep(step: WaterfallStepContext) {
    const m = t(step.context);
    const number = (step.result as string | null) ?? undefined;
    values(step).phoneNumber = number;
    const { userId } = step.options as CallingOptions;
    const validations = { locationId: values(step).locationId, hasNumber: Boolean(number), userId };
    if (!number) {
      return step.prompt(EXTENSION, { prompt: MessageFactory.text(m.addUser.askExtensionRequired), validations });
    }
    const suggested = suggestedExtension(number);
    const card = cardActivity(
      choiceCard(m.addUser.askExtension(suggested), [
        { title: suggested, data: { extension: suggested } },
        { title: m.addUser.noExtension, data: { extension: '' } },
      ]),
    );
    return step.prompt(EXTENSION, { prompt: card, validations });
  }

  private async doneStep(step: WaterfallStepContext) {
    const assignment: CallingAssignment = {
      locationId: values(step).locationId,
      phoneNumber: values(step).phoneNumber,
      extension: (step.result as string) || undefined,
    };
    return step.endDialog(assignment);
  }

  private async parseLocation(answer: Answer) {
    const clicked = answer.value?.locationId;
    const location = await this.services.users.findLocation(typeof clicked === 'string' ? clicked : answer.text, true);
    return accept(location.id);
  }

  private async parseNumber(answer: Answer, data: { locationId: string }) {
    if (answer.value?.more || saidMore(answer.text)) return accept<NumberAnswer>({ more: true });
    const clicked = answer.value?.number;
    if (clicked === '' || (!answer.value && saidNone(answer.text))) return accept<NumberAnswer>({});
    const input = typeof clicked === 'string' ? clicked : answer.text;
    return accept<NumberAnswer>({ number: await this.services.users.checkNumber(data.locationId, input) });
  }

  private async parseExtension(context: TurnContext, answer: Answer, data: { locationId: string; hasNumber: boolean; userId?: string }) {
    const m = t(context);
    const clicked = answer.value?.extension;
    const input = typeof clicked === 'string' ? clicked : answer.text.replace(/\s/g, '');
    if (!input || (!answer.value && saidNone(answer.text))) {
      return data.hasNumber ? accept('') : refuse(m.errors.number_or_extension_required());
    }
    await this.services.users.checkExtension(data.locationId, input, data.userId);
    return accept(input);
  }
}

interface CallingValues {
  locationId: string;
  phoneNumber?: string;
}

function values(step: WaterfallStepContext): CallingValues {
  return step.values as CallingValues;
}
