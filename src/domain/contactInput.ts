import { GROUP_FIELDS, PHONE_FIELDS, PHONE_TYPE_FIELDS, SLOTS, type FieldKey, type RowValues } from './contactFields';
import type { Contact } from './types';

/** A contact as typed in the chat or on the command line: the same fields (and rules) as an import row. */
export type ContactInput = Partial<Record<FieldKey, string>>;

/** The fields a person can give or change by hand (the Contact UUID is the store's, Group IDs belong to the lists flow). */
export const EDITABLE_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  ...SLOTS.flatMap((_, i) => [PHONE_FIELDS[i], PHONE_TYPE_FIELDS[i]]),
  'email',
  'sipUri',
  'title',
  'companyName',
  'street',
  'city',
  'state',
  'country',
  'zip',
] as const satisfies readonly FieldKey[];

export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function isEditableField(value: unknown): value is EditableField {
  return typeof value === 'string' && (EDITABLE_FIELDS as readonly string[]).includes(value);
}

/** A stored contact as the fields an import row would hold: editing starts from these. */
export function contactInput(contact: Contact): ContactInput {
  const input: ContactInput = {
    displayName: contact.displayName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    sipUri: contact.sipUri,
    title: contact.title,
    companyName: contact.companyName,
    ...contact.address,
  };
  contact.phoneNumbers.forEach((phone, i) => {
    input[PHONE_FIELDS[i]] = phone.value;
    input[PHONE_TYPE_FIELDS[i]] = phone.type;
  });
  contact.groupIds.forEach((id, i) => (input[GROUP_FIELDS[i]] = id));
  return input;
}

/** The input read as an import row reads its cells: trimmed, '' when absent. */
export function inputValues(input: ContactInput): RowValues {
  return (field) => input[field]?.trim() ?? '';
}
