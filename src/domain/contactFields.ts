import type { Contact, ContactAddress, ContactPhoneType } from './types';

export const SLOTS = [1, 2, 3, 4, 5] as const;
export type Slot = (typeof SLOTS)[number];

/** A contact field that an import column can fill; the same keys serve every file format. */
export type FieldKey =
  | 'displayName'
  | 'contactUuid'
  | 'firstName'
  | 'lastName'
  | `phone${Slot}`
  | `phoneType${Slot}`
  | 'email'
  | 'sipUri'
  | 'title'
  | 'companyName'
  | 'street'
  | 'city'
  | 'state'
  | 'country'
  | 'zip'
  | `group${Slot}`;

export const PHONE_FIELDS = SLOTS.map((n) => `phone${n}` as const);
export const PHONE_TYPE_FIELDS = SLOTS.map((n) => `phoneType${n}` as const);
export const GROUP_FIELDS = SLOTS.map((n) => `group${n}` as const);

/** One row's trimmed cell for a field; '' when empty or when the file has no such column. */
export type RowValues = (field: FieldKey) => string;

export const PHONE_TYPES: readonly ContactPhoneType[] = ['work', 'work_extension', 'mobile', 'home', 'other'];

/** A contact without what the store assigns (id, timestamps). */
export type ContactData = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;

/** A valid row, before it is matched against the directory. */
export interface ContactDraft extends Omit<ContactData, 'address' | 'groupIds'> {
  contactUuid?: string;
  address: ContactAddress;
  /** Group ID cells as typed: a list id or name, resolved against the directory's lists. */
  groupRefs: { field: FieldKey; value: string }[];
}
