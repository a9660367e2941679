import { regexes } from 'zod';
import { GROUP_FIELDS, PHONE_FIELDS, PHONE_TYPE_FIELDS, PHONE_TYPES, SLOTS, type ContactDraft, type FieldKey, type RowValues, type Slot } from './contactFields';
import { NO_ISSUES, type IssueDetails, type RowIssueCode } from './contactIssues';
import { contactUuidKey } from './contactMerge';
import { readContactPhone, readPhoneType, type PhoneReading } from './contactPhone';
import type { ContactPhone, ContactPhoneType } from './types';

export interface RowIssue {
  field: FieldKey | null;
  code: RowIssueCode;
  details: IssueDetails;
}

export interface RowCheck {
  /** Set when the row has no error. */
  draft?: ContactDraft;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface RowRules {
  region: string;
  /** webex: a phone, e-mail or SIP URI; company: the work phone or the e-mail. */
  contactMethod: 'any' | 'workPhoneOrEmail';
  /** Numbers whose type is given by the format rather than by a Type column. */
  fixedPhoneTypes?: Partial<Record<Slot, ContactPhoneType>>;
  /** Numbers already read (an import reads all of a file's numbers at once); readContactPhone by default. */
  readPhone?: (raw: string, type: ContactPhoneType) => PhoneReading;
}

// user@host, with an optional sip:/sips: scheme, port and ;parameters.
const SIP_URI = /^(?:sips?:)?[^\s@:;]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?(?:;[^\s;]+)*$/i;

/** The same rule as the users' e-mail (zod's z.email()), without a schema call per row. */
export function isValidContactEmail(value: string): boolean {
  return regexes.email.test(value);
}

export function isValidSipUri(value: string): boolean {
  return SIP_URI.test(value);
}

/**
 * Checks one row against the field rules; the directory is not consulted
 * here. An import checks every row of a file: the lists of errors, warnings
 * and numbers are made only when there is something to put in them.
 */
export function checkContactRow(values: RowValues, rules: RowRules): RowCheck {
  let errors: RowIssue[] | undefined;
  let warnings: RowIssue[] | undefined;
  const error = (issue: RowIssue) => (errors ??= []).push(issue);
  const warn = (issue: RowIssue) => (warnings ??= []).push(issue);
  const text = (field: FieldKey) => values(field) || undefined;
  const readPhone = rules.readPhone ?? ((raw: string, type: ContactPhoneType) => readContactPhone(raw, type, rules.region));

  const displayName = text('displayName');
  if (!displayName) error({ field: 'displayName', code: 'display_name_required', details: {} });

  let phoneNumbers: ContactPhone[] | undefined;
  let anyPhone = false;
  for (let i = 0; i < SLOTS.length; i++) {
    const numberField = PHONE_FIELDS[i];
    const typeField = PHONE_TYPE_FIELDS[i];
    const raw = text(numberField);
    const fixedType = rules.fixedPhoneTypes?.[SLOTS[i]];
    const typed = fixedType ?? text(typeField);
    if (!raw) {
      if (typed && !fixedType) warn({ field: typeField, code: 'phone_type_without_number', details: { value: typed } });
      continue;
    }
    anyPhone = true;
    if (!typed) {
      error({ field: typeField, code: 'phone_type_required', details: { number: raw } });
      continue;
    }
    const type = readPhoneType(typed);
    if (!type) {
      error({ field: typeField, code: 'phone_type_invalid', details: { value: typed, allowed: PHONE_TYPES.join(', ') } });
      continue;
    }
    const reading = readPhone(raw, type);
    if ('error' in reading) {
      error({ field: numberField, code: reading.error, details: reading.details });
      continue;
    }
    // Kept until the import ends: a list of its own size, not one grown by push (17 slots for one number).
    const phone = { value: reading.value, type };
    phoneNumbers = phoneNumbers ? phoneNumbers.concat(phone) : [phone];
    if (reading.warning) warn({ field: numberField, ...reading.warning });
  }

  const email = text('email');
  if (email && !isValidContactEmail(email)) error({ field: 'email', code: 'email_invalid', details: { value: email } });
  const sipUri = text('sipUri');
  if (sipUri && !isValidSipUri(sipUri)) error({ field: 'sipUri', code: 'sip_invalid', details: { value: sipUri } });

  if (rules.contactMethod === 'any' && !anyPhone && !email && !sipUri) {
    error({ field: null, code: 'contact_method_required', details: {} });
  }
  if (rules.contactMethod === 'workPhoneOrEmail' && !text('phone1') && !email) {
    error({ field: null, code: 'phone_or_email_required', details: {} });
  }

  if (errors || !displayName) return { errors: errors ?? NO_ISSUES, warnings: warnings ?? NO_ISSUES };
  const contactUuid = text('contactUuid');
  const draft: ContactDraft = {
    contactUuid: contactUuid && contactUuidKey(contactUuid),
    displayName,
    firstName: text('firstName'),
    lastName: text('lastName'),
    phoneNumbers: phoneNumbers ?? [],
    email,
    sipUri,
    title: text('title'),
    companyName: text('companyName'),
    address: { street: text('street'), city: text('city'), state: text('state'), country: text('country'), zip: text('zip') },
    groupRefs: [],
  };
  for (const field of GROUP_FIELDS) {
    const value = text(field);
    if (value) draft.groupRefs.push({ field, value });
  }
  return { draft, errors: NO_ISSUES, warnings: warnings ?? NO_ISSUES };
}
