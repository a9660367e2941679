import { GROUP_FIELDS, PHONE_FIELDS, type ContactData, type ContactDraft, type FieldKey } from './contactFields';
import type { Contact, ContactAddress } from './types';

/**
 * The identity of a row: its Contact UUID, else its e-mail (any case), else
 * its display name (any case) with its first number. `email` is the draft's
 * emailKey when the caller has it already.
 */
export function identityOf(draft: ContactDraft, email = draft.email && emailKey(draft.email)): string {
  if (draft.contactUuid) return `#${draft.contactUuid}`;
  if (email) return `@${email}`;
  return namePhoneKey(draft);
}

/** An e-mail as matched, for contacts and users alike: any case, no surrounding spaces. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Contact UUID as matched: a UUID in capitals is the same UUID (RFC 9562); any other id is kept as written. */
export function contactUuidKey(value: string): string {
  return UUID_SHAPE.test(value) ? value.toLowerCase() : value;
}

export function namePhoneKey(contact: Pick<Contact, 'displayName' | 'phoneNumbers'>): string {
  return `${contact.displayName.toLowerCase()}|${contact.phoneNumbers[0]?.value ?? ''}`;
}

const TEXT_FIELDS = ['displayName', 'firstName', 'lastName', 'email', 'sipUri', 'title', 'companyName'] as const;
const ADDRESS_FIELDS = ['street', 'city', 'state', 'country', 'zip'] as const;

/** Which of a contact's fields a file's rows give (the others are kept): see mergeDraft. */
export interface MergedFields {
  text: readonly boolean[];
  address: readonly boolean[];
  phones: boolean;
  groups: boolean;
}

export function mergedFields(columns: ReadonlySet<FieldKey>): MergedFields {
  return {
    text: TEXT_FIELDS.map((field) => columns.has(field)),
    address: ADDRESS_FIELDS.map((field) => columns.has(field)),
    phones: PHONE_FIELDS.some((field) => columns.has(field)),
    groups: GROUP_FIELDS.some((field) => columns.has(field)),
  };
}

/**
 * Builds the contact a row describes. Only the fields whose column is in the
 * file (`fromRow`) come from the row, an empty cell clearing the value; the
 * other fields keep the existing contact's values, so a file with fewer
 * columns never wipes what it does not mention. Arrays are shared, not
 * copied: the result goes to the store, which copies what it keeps.
 */
export function mergeDraft(fromRow: MergedFields, base: ContactData | undefined, draft: ContactDraft, groupIds: string[]): ContactData {
  const merged: ContactData = {
    displayName: draft.displayName,
    phoneNumbers: fromRow.phones ? draft.phoneNumbers : (base?.phoneNumbers ?? []),
    groupIds: fromRow.groups ? groupIds : (base?.groupIds ?? []),
  };
  for (let i = 0; i < TEXT_FIELDS.length; i++) {
    const field = TEXT_FIELDS[i];
    const value = fromRow.text[i] ? draft[field] : base?.[field];
    if (value !== undefined) merged[field] = value;
  }
  let address: ContactAddress | undefined;
  for (let i = 0; i < ADDRESS_FIELDS.length; i++) {
    const field = ADDRESS_FIELDS[i];
    const value = fromRow.address[i] ? draft.address[field] : base?.address?.[field];
    if (value !== undefined) (address ??= {})[field] = value;
  }
  if (address) merged.address = address;
  return merged;
}

/**
 * True when both hold the same contact data (ids and timestamps aside).
 * Field by field rather than over TEXT_FIELDS: an import compares thousands
 * of contacts, and a loop of keyed reads ran five times slower.
 */
export function sameContactData(a: ContactData, b: ContactData): boolean {
  return (
    a.displayName === b.displayName &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.email === b.email &&
    a.sipUri === b.sipUri &&
    a.title === b.title &&
    a.companyName === b.companyName &&
    sameAddress(a.address, b.address) &&
    samePhones(a.phoneNumbers, b.phoneNumbers) &&
    sameIds(a.groupIds, b.groupIds)
  );
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function sameAddress(a: ContactAddress | undefined, b: ContactAddress | undefined): boolean {
  return a?.street === b?.street && a?.city === b?.city && a?.state === b?.state && a?.country === b?.country && a?.zip === b?.zip;
}

export function samePhones(a: ContactData['phoneNumbers'], b: ContactData['phoneNumbers']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].value !== b[i].value || a[i].type !== b[i].type) return false;
  return true;
}
