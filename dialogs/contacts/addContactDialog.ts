import { MessageFactory, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { contactCard, contactFormCard, contactSummaryCard } from '../../cards/contactCards';
import { escapeMarkdown } from '../../cards/markdown';
import { submit } from '../../cards/adaptive';
import { PHONE_FIELDS, PHONE_TYPE_FIELDS } from '../../src/domain/contactFields';
import { EDITABLE_FIELDS, type ContactInput, type EditableField } from '../../src/domain/contactInput';
import type { RowIssue } from '../../src/domain/contactRules';
import { mayUse } from '../../src/domain/access';
import type { ContactPhoneType } from '../../src/domain/types';
import type { Messages } from '../../src/i18n';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { parseConfirm } from '../base/confirm';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t, turnRole } from '../base/turn';
import { detailPatch, issueLines, readDetail, saidDone } from './contactText';
import type { FlowOptions } from '../base/flowOptions';

export const ADD_CONTACT_DIALOG = 'contacts.add';
const NAME = 'contacts.add.name';
const DETAIL = 'contacts.add.detail';
const FORM = 'contacts.add.form';
const CONFIRM = 'contacts.add.confirm';
const DETAILS = 'contacts.add.details';
const FLOW = 'contacts.add.flow';

export interface AddContactOptions extends FlowOptions {
  /** Typed, back from Change or a refused save: the details so far. */
  draft?: ContactInput;
  /** By card, back from Change: the form again with these values. */
  formValues?: ContactInput;
}

interface DetailsOptions {
  draft: ContactInput;
  prompt: string;
}

type DetailAnswer = { done: true } | { draft: ContactInput; ack: string };
type Mode = 'typed' | 'form';

/**
 * Add one contact (seed 000): by card, one form sent at once; typed, the
 * display name then one detail per message and "done". Both end on a summary
 * to confirm, and both check with the import's own rules and messages.
 */
export class AddContactDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(ADD_CONTACT_DIALOG);
    this.addDialog(new AnswerPrompt(NAME, (ctx, answer) => this.parseName(ctx, answer.text)));
    this.addDialog(new AnswerPrompt(DETAIL, (ctx, answer, data) => this.parseDetail(ctx, answer, data)));
    this.addDialog(new AnswerPrompt(FORM, async (ctx, answer) => (answer.value?.form ? accept({ submitted: formInput(answer.value) }) : refuse(t(ctx).contactEditing.formWaiting))));
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseConfirm(answer, t(ctx).flowHelp)));
    this.addDialog(new WaterfallDialog(DETAILS, [this.askDetailStep.bind(this), this.gotDetailStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(FLOW, [this.startStep.bind(this), this.detailsStep.bind(this), this.summaryStep.bind(this), this.saveStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private mode(step: WaterfallStepContext, mode?: Mode): Mode {
    const values = step.values as { mode?: Mode };
    if (mode) values.mode = mode;
    return values.mode ?? 'typed';
  }

  private async startStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as AddContactOptions;
    const m = t(step.context);
    if (options.formValues) return this.promptForm(step, options.formValues, []);
    if (options.value?.form) {
      const submitted = formInput(options.value);
      const checked = await this.services.contactEditing.check(submitted);
      if (!checked.ok) return this.promptForm(step, submitted, issueLines(m, checked.issues));
      this.mode(step, 'form');
      return step.next({ checked: submitted });
    }
    // A card's "Add a contact" button opens the form; a typed command asks question by question.
    if (options.value?.action) return this.promptForm(step, {}, []);
    this.mode(step, 'typed');
    if (options.draft) return step.next(options.draft);
    const typedName = options.restText?.trim();
    if (typedName && (await this.parseName(step.context, typedName)).ok) return step.next(typedName);
    return step.prompt(NAME, { prompt: MessageFactory.text(m.contactEditing.askDisplayName) });
  }

  private async promptForm(step: WaterfallStepContext, values: ContactInput, errors: string[]) {
    this.mode(step, 'form');
    return step.prompt(FORM, { prompt: cardActivity(contactFormCard(t(step.context), { values, errors })) });
  }

  private async detailsStep(step: WaterfallStepContext) {
    const m = t(step.context);
    if (this.mode(step) === 'form') {
      const form = step.result as { checked: ContactInput } | { submitted: ContactInput };
      // A form sent to the prompt itself (not through the contacts flow) is checked as if just submitted.
      return 'checked' in form ? step.next(form.checked) : step.replaceDialog(FLOW, { value: { ...form.submitted, form: true } } satisfies AddContactOptions);
    }
    if (typeof step.result === 'string') {
      return step.beginDialog(DETAILS, { draft: { displayName: step.result }, prompt: m.contactEditing.askDetails(escapeMarkdown(step.result)) } satisfies DetailsOptions);
    }
    return step.beginDialog(DETAILS, { draft: step.result as ContactInput, prompt: m.contactEditing.changeTyped } satisfies DetailsOptions);
  }

  private async askDetailStep(step: WaterfallStepContext) {
    const { draft, prompt } = step.options as DetailsOptions;
    return step.prompt(DETAIL, { prompt: MessageFactory.text(prompt), validations: { draft } });
  }

  private async gotDetailStep(step: WaterfallStepContext) {
    const { draft } = step.options as DetailsOptions;
    const answer = step.result as DetailAnswer;
    if ('done' in answer) return step.endDialog(draft);
    const prompt = `${answer.ack}\n\n${t(step.context).contactEditing.askMore}`;
    return step.replaceDialog(DETAILS, { draft: answer.draft, prompt } satisfies DetailsOptions);
  }

  private async summaryStep(step: WaterfallStepContext) {
    const draft = step.result as ContactInput;
    (step.values as { draft: ContactInput }).draft = draft;
    const m = t(step.context);
    const checked = await this.services.contactEditing.check(draft);
    if (!checked.ok) return this.refused(step, draft, checked.issues);
    const card = cardActivity(contactSummaryCard(m, checked.contact, issueLines(m, checked.warnings)));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async saveStep(step: WaterfallStepContext) {
    const { draft } = step.values as { draft: ContactInput };
    if (step.result === 'change') {
      return step.replaceDialog(FLOW, (this.mode(step) === 'form' ? { formValues: draft } : { draft }) satisfies AddContactOptions);
    }
    const m = t(step.context);
    const saved = await this.services.contactEditing.add(draft, { actor: actorOf(step.context), flow: 'addContact' });
    if (!saved.ok) return this.refused(step, draft, saved.issues);
    const { contact } = saved;
    await sendCard(
      step.context,
      contactCard(m, {
        title: m.contactEditing.created(escapeMarkdown(contact.displayName)),
        contact,
        admin: mayUse(turnRole(step.context), 'deleteContacts'),
        notes: issueLines(m, saved.warnings),
        more: [submit(m.contactEditing.addAnother, { action: 'contacts', do: 'add' })],
      }),
    );
    return step.endDialog(contact);
  }

  /** Refused at the summary or the save (e.g. the contact already exists): the form again with the reasons, or typed, the details. */
  private async refused(step: WaterfallStepContext, draft: ContactInput, issues: RowIssue[]) {
    if (this.mode(step) === 'form') return step.replaceDialog(FLOW, { value: { ...draft, form: true } } satisfies AddContactOptions);
    await step.context.sendActivity(issueLines(t(step.context), issues).join('\n\n'));
    return step.replaceDialog(FLOW, { draft } satisfies AddContactOptions);
  }

  private async parseName(context: TurnContext, text: string) {
    const checked = await this.services.contactEditing.check({ displayName: text });
    const issues = checked.ok ? [] : checked.issues.filter((issue) => issue.field === 'displayName');
    return issues.length ? refuse(issueLines(t(context), issues).join('\n\n')) : accept(text.trim());
  }

  private async parseDetail(context: TurnContext, answer: Answer, data: { draft: ContactInput }) {
    const m = t(context);
    const { draft } = data;
    if (saidDone(answer.text)) {
      const checked = await this.services.contactEditing.check(draft);
      return checked.ok ? accept<DetailAnswer>({ done: true }) : refuse(issueLines(m, checked.issues).join('\n\n'));
    }
    const detail = readDetail(answer.text);
    if (!detail) return refuse(m.contactEditing.detailShape);
    const patch = detailPatch(draft, detail);
    if (!patch) return refuse(m.contactEditing.tooManyPhones);
    const candidate = { ...draft, ...patch };
    const checked = await this.services.contactEditing.check(candidate);
    const touched = (issue: RowIssue) => issue.field !== null && issue.field in patch;
    const broken = checked.ok ? [] : checked.issues.filter(touched);
    if (broken.length) return refuse(issueLines(m, broken).join('\n\n'));
    const ack = [ackOf(m, patch), ...issueLines(m, checked.warnings.filter(touched))].join('\n\n');
    return accept<DetailAnswer>({ draft: candidate, ack });
  }
}

/** "✓ Phone 1: +33 6 12 34 56 78 (Mobile)", "✓ Title: Buyer", "✓ Title cleared" (markdown: the value escaped). */
function ackOf(m: Messages, patch: ContactInput): string {
  const c = m.contactEditing;
  const field = Object.keys(patch)[0] as EditableField;
  const value = patch[field] ?? '';
  if (!value) return c.cleared(c.fields[field]);
  const slot = PHONE_FIELDS.indexOf(field as (typeof PHONE_FIELDS)[number]);
  if (slot < 0) return c.noted(c.fields[field], escapeMarkdown(value));
  const type = patch[PHONE_TYPE_FIELDS[slot]] ?? '';
  return c.noted(c.fields[field], escapeMarkdown(`${value} (${c.phoneTypes[type as ContactPhoneType] ?? type})`));
}

/** The form's inputs (Teams sends every input, empty ones as ''); a type without its number is not kept. */
export function formInput(value: Record<string, unknown>): ContactInput {
  const input: ContactInput = {};
  for (const field of EDITABLE_FIELDS) {
    const typed = value[field];
    if (typeof typed === 'string' && typed.trim()) input[field] = typed.trim();
  }
  PHONE_FIELDS.forEach((field, i) => {
    if (!input[field]) delete input[PHONE_TYPE_FIELDS[i]];
  });
  return input;
}
