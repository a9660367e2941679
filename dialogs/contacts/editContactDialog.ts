import { MessageFactory, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { contactCard, editConfirmCard, fieldChoiceCard, phoneText, phoneTypeCard, type FieldOption } from '../../cards/contactCards';
import { escapeMarkdown } from '../../cards/markdown';
import { mayUse } from '../../src/domain/access';
import { PHONE_FIELDS, PHONE_TYPE_FIELDS } from '../../src/domain/contactFields';
import { contactInput, EDITABLE_FIELDS, isEditableField, type ContactInput, type EditableField } from '../../src/domain/contactInput';
import type { Contact, ContactPhoneType } from '../../src/domain/types';
import type { Messages } from '../../src/i18n';
import type { Services } from '../../src/services';
import { accept, AnswerPrompt, refuse, type Answer } from '../base/answerPrompt';
import { CancelAndHelpDialog } from '../base/cancelAndHelpDialog';
import { parseConfirm } from '../base/confirm';
import { cardActivity, sendCard } from '../base/send';
import { actorOf, t, turnRole } from '../base/turn';
import { contactGone, fieldOfLabel, fieldPatch, issueLines } from './contactText';
import type { FlowOptions } from '../base/flowOptions';

export const EDIT_CONTACT_DIALOG = 'contacts.edit';
const FIELD = 'contacts.edit.field';
const VALUE = 'contacts.edit.value';
const CONFIRM = 'contacts.edit.confirm';
const FLOW = 'contacts.edit.flow';

interface Edit {
  patch: ContactInput;
  /** The field's new value in words. */
  after: string;
}

interface EditState extends Partial<Edit> {
  id: string;
  field: EditableField;
}

interface ValueData {
  id: string;
  field: EditableField;
}

/** Edit one contact (seed 000 "Modifier"): the field, its new value ("-" clears), before → after, save. */
export class EditContactDialog extends CancelAndHelpDialog {
  constructor(private readonly services: Services) {
    super(EDIT_CONTACT_DIALOG);
    this.addDialog(new AnswerPrompt(FIELD, async (ctx, answer) => parseField(t(ctx), answer)));
    this.addDialog(new AnswerPrompt(VALUE, (ctx, answer, data) => this.parseValue(ctx, answer, data)));
    this.addDialog(new AnswerPrompt(CONFIRM, async (ctx, answer) => parseConfirm(answer, t(ctx).flowHelp)));
    this.addDialog(new WaterfallDialog(FLOW, [this.fieldStep.bind(this), this.valueStep.bind(this), this.confirmStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private state(step: WaterfallStepContext): EditState {
    return step.values as EditState;
  }

  private async contact(step: WaterfallStepContext, id: string): Promise<Contact | undefined> {
    const contact = typeof id === 'string' && id ? await this.services.contactEditing.get(id) : undefined;
    if (!contact) await step.context.sendActivity(contactGone(t(step.context)));
    return contact;
  }

  private async fieldStep(step: WaterfallStepContext) {
    const { value } = (step.options ?? {}) as FlowOptions;
    const contact = await this.contact(step, String(value?.id ?? ''));
    if (!contact) return step.endDialog();
    this.state(step).id = contact.id;
    if (isEditableField(value?.field)) return step.next(value.field);
    const m = t(step.context);
    const card = cardActivity(fieldChoiceCard(m, { id: contact.id, name: contact.displayName, fields: fieldOptions(m, contact) }));
    return step.prompt(FIELD, { prompt: card, retryPrompt: card });
  }

  private async valueStep(step: WaterfallStepContext) {
    const field = step.result as EditableField;
    const state = this.state(step);
    state.field = field;
    const contact = await this.contact(step, state.id);
    if (!contact) return step.endDialog();
    const m = t(step.context);
    const c = m.contactEditing;
    const label = c.fields[field];
    // The questions are markdown (a message, a card's text): the value quoted is escaped.
    const current = escapeMarkdown(shownValue(m, contactInput(contact), field)) || c.noValue;
    const validations: ValueData = { id: contact.id, field };
    if ((PHONE_TYPE_FIELDS as readonly string[]).includes(field)) {
      const card = cardActivity(phoneTypeCard(m, c.askTypeValue(label, current)));
      return step.prompt(VALUE, { prompt: card, retryPrompt: card, validations });
    }
    const question = (PHONE_FIELDS as readonly string[]).includes(field) ? c.askPhoneValue(label, current) : c.askValue(label, current);
    return step.prompt(VALUE, { prompt: MessageFactory.text(question), validations });
  }

  private async confirmStep(step: WaterfallStepContext) {
    const state = this.state(step);
    Object.assign(state, step.result as Edit);
    const contact = await this.contact(step, state.id);
    if (!contact) return step.endDialog();
    const m = t(step.context);
    const view = {
      name: contact.displayName,
      label: m.contactEditing.fields[state.field],
      before: shownValue(m, contactInput(contact), state.field),
      after: state.after ?? '',
    };
    const card = cardActivity(editConfirmCard(m, view));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: card });
  }

  private async saveStep(step: WaterfallStepContext) {
    const { id, field, patch } = this.state(step);
    if (step.result === 'change') return step.replaceDialog(FLOW, { value: { id } } satisfies FlowOptions);
    const m = t(step.context);
    const saved = await this.services.contactEditing.update(id, patch ?? {}, { actor: actorOf(step.context), flow: 'editContact' });
    if (!saved.ok) {
      await step.context.sendActivity(issueLines(m, saved.issues).join('\n\n'));
      if (saved.issues.some((issue) => issue.code === 'contact_not_found')) return step.endDialog();
      return step.replaceDialog(FLOW, { value: { id, field } } satisfies FlowOptions);
    }
    const admin = mayUse(turnRole(step.context), 'deleteContacts');
    const title = m.contactEditing.updated(escapeMarkdown(saved.contact.displayName));
    await sendCard(step.context, contactCard(m, { title, contact: saved.contact, admin, notes: issueLines(m, saved.warnings) }));
    return step.endDialog(saved.contact);
  }

  private async parseValue(context: TurnContext, answer: Answer, data: ValueData) {
    const m = t(context);
    const { id, field } = data;
    const label = m.contactEditing.fields[field];
    const clicked = typeof answer.value?.value === 'string' ? answer.value.value : undefined;
    const typed = (clicked ?? answer.text).trim();
    if (!typed) return refuse(m.contactEditing.askValue(label, m.contactEditing.noValue));
    const contact = await this.services.contactEditing.get(id);
    if (!contact) return refuse(contactGone(m));
    const before = contactInput(contact);
    const patch = fieldPatch(before, field, typed === '-' ? '' : typed);
    const checked = await this.services.contactEditing.check(patch, id);
    if (!checked.ok) return refuse(issueLines(m, checked.issues).join('\n\n'));
    // As saved (a number in E.164, a type in words): what the confirmation shows after the arrow.
    const after = shownValue(m, contactInput(checked.contact), field);
    if (after === shownValue(m, before, field)) return refuse(m.contactEditing.sameValue(label));
    return accept<Edit>({ patch, after });
  }
}

/** The fields offered: names, each number (and its type), an empty slot for one more, then the rest. */
function fieldOptions(m: Messages, contact: Contact): FieldOption[] {
  const input = contactInput(contact);
  const phones = contact.phoneNumbers.length;
  return EDITABLE_FIELDS.filter((field) => {
    const slot = Math.max(PHONE_FIELDS.indexOf(field as never), PHONE_TYPE_FIELDS.indexOf(field as never));
    if (slot < 0) return true;
    return (PHONE_FIELDS as readonly string[]).includes(field) ? slot <= phones : slot < phones;
  }).map((field) => ({ field, label: m.contactEditing.fields[field], current: shownValue(m, input, field) }));
}

/** A field's value as the person reads it: a number with its type, a type in words. */
function shownValue(m: Messages, input: ContactInput, field: EditableField): string {
  const value = input[field] ?? '';
  const slot = PHONE_FIELDS.indexOf(field as never);
  if (slot >= 0 && value) {
    const type = input[PHONE_TYPE_FIELDS[slot]] as ContactPhoneType;
    return phoneText(m, { value, type });
  }
  if ((PHONE_TYPE_FIELDS as readonly string[]).includes(field)) return m.contactEditing.phoneTypes[value as ContactPhoneType] ?? value;
  return value;
}

function parseField(m: Messages, answer: Answer) {
  const chosen = answer.value?.field ?? fieldOfLabel(answer.text);
  return isEditableField(chosen) ? accept(chosen) : refuse(m.contactEditing.fieldShape);
}
