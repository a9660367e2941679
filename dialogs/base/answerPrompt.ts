import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { escapeValues } from '../../cards/markdown';
import { RuleError } from '../../src/domain/ruleError';
import { ruleMessage, type Messages } from '../../src/i18n';
import { submittedValue, t } from './turn';

/** What the person answered: typed text, or the data of the card button they clicked. */
export interface Answer {
  text: string;
  value?: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export type AnswerParser<T> = (context: TurnContext, answer: Answer, data: any) => Promise<Parsed<T>>;

export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A broken rule in words for a chat message (markdown): the values it quotes, often what was typed, escaped. */
export function ruleText(m: Messages, error: RuleError): string {
  return ruleMessage(m, new RuleError(error.code, escapeValues(error.details)));
}

export const refuse = (message: string): Parsed<never> => ({ ok: false, message });

/**
 * A prompt that takes a typed answer or a card click alike, parses it with the
 * step's parser (`options.validations` is passed to it), and on a mistake says
 * what is wrong, then asks again. A RuleError thrown by a service becomes its
 * message in the person's language.
 */
export class AnswerPrompt<T> extends Prompt<T> {
  constructor(
    id: string,
    private readonly parse: AnswerParser<T>,
  ) {
    super(id);
  }

  protected async onPrompt(context: TurnContext, state: any, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (isRetry && state.error) await context.sendActivity(state.error);
    // Text questions are not repeated after the error; card questions pass their card as retryPrompt.
    const question = isRetry ? options.retryPrompt : options.prompt;
    if (question) await context.sendActivity(question);
  }

  protected async onRecognize(context: TurnContext, state: any, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const answer: Answer = { text: context.activity.text?.trim() ?? '', value: submittedValue(context) };
    let parsed: Parsed<T>;
    try {
      parsed = await this.parse(context, answer, options.validations);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      parsed = refuse(ruleText(t(context), error));
    }
    state.error = parsed.ok ? undefined : parsed.message;
    return parsed.ok ? { succeeded: true, value: parsed.value } : { succeeded: false };
  }
}
