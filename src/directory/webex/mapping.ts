import type { Contact, ContactAddress, ContactPhoneType, User } from '../../domain/types';
import type { NewContact, NewUser } from '../directory';
import { displayNameOf } from '../../domain/users';

export const CONTACT_SCHEMA = 'urn:cisco:codev:identity:contact:core:1.0';

export interface WebexPerson {
  id: string;
  emails?: string[];
  phoneNumbers?: Array<{ type?: string; value?: string; primary?: boolean }>;
  extension?: string;
  locationId?: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  licenses?: string[];
  created?: string;
  status?: string;
  invitePending?: boolean | string;
  loginEnabled?: boolean | string;
}

export interface WebexContact {
  contactId: string;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  title?: string;
  address?: string;
  addressInfo?: { city?: string; country?: string; street?: string; zipCode?: string; state?: string };
  emails?: Array<{ value?: string; type?: string; primary?: boolean }>;
  phoneNumbers?: Array<{ value?: string; type?: string; primary?: boolean }>;
  sipAddresses?: Array<{ value?: string; type?: string; primary?: boolean }>;
  groupIds?: string[];
  meta?: { created?: string; lastModified?: string };
}

/** invitePending / loginEnabled come as booleans or as "true"/"false". */
export const isTrue = (value: unknown) => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** "+33 1 42 68 01 00" → "+33142680100". */
export const compactNumber = (value: string) => value.replace(/[\s().-]/g, '');

export function userOf(person: WebexPerson, invitedAt?: string): User {
  const email = person.emails?.[0] ?? '';
  const work = person.phoneNumbers?.find((p) => p.type === 'work' && p.value)?.value;
  const firstName = person.firstName ?? '';
  const lastName = person.lastName ?? '';
  const user: User = {
    id: person.id,
    email,
    firstName,
    lastName,
    displayName: text(person.displayName) ?? (`${firstName} ${lastName}`.trim() || email),
    status: person.status === 'pending' || isTrue(person.invitePending) ? 'pending' : 'active',
    licenseIds: [...new Set(person.licenses ?? [])],
    createdAt: person.created ?? new Date(0).toISOString(),
  };
  if (person.locationId) user.locationId = person.locationId;
  if (work) user.phoneNumber = compactNumber(work);
  if (person.extension) user.extension = person.extension;
  if (invitedAt) user.invitedAt = invitedAt;
  return user;
}

/** A POST or PUT /people body. */
export function personBody(user: NewUser | User): Record<string, unknown> {
  return {
    emails: [user.email.trim()],
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: displayNameOf(user) || user.email.trim(),
    licenses: [...new Set(user.licenseIds)],
    ...(user.locationId && { locationId: user.locationId }),
    ...(user.extension && { extension: user.extension }),
    ...(user.phoneNumber && { phoneNumbers: [{ type: 'work', value: user.phoneNumber }] }),
  };
}

const PHONE_TYPES: ContactPhoneType[] = ['work', 'work_extension', 'mobile', 'home', 'other'];

export function contactOf(c: WebexContact): Contact {
  const contact: Contact = {
    id: c.contactId,
    displayName: c.displayName ?? '',
    phoneNumbers: (c.phoneNumbers ?? [])
      .filter((p) => text(p.value))
      .map((p) => ({ value: p.value!.trim(), type: PHONE_TYPES.includes(p.type as ContactPhoneType) ? (p.type as ContactPhoneType) : 'other' })),
    groupIds: [...(c.groupIds ?? [])],
    createdAt: c.meta?.created ?? new Date(0).toISOString(),
    updatedAt: c.meta?.lastModified ?? c.meta?.created ?? new Date(0).toISOString(),
  };
  const optional = { firstName: c.firstName, lastName: c.lastName, title: c.title, companyName: c.companyName, email: c.emails?.[0]?.value, sipUri: c.sipAddresses?.[0]?.value };
  for (const [key, value] of Object.entries(optional)) if (text(value)) (contact as unknown as Record<string, string>)[key] = value!.trim();
  const address = addressOf(c);
  if (address) contact.address = address;
  return contact;
}

function addressOf(c: WebexContact): ContactAddress | undefined {
  let raw: Record<string, unknown> = { ...(c.addressInfo ?? {}) };
  if (c.address) {
    try {
      raw = { ...raw, ...JSON.parse(c.address) };
    } catch {
      raw = { ...raw, street: c.address };
    }
  }
  const address: ContactAddress = {};
  const fields: Array<[keyof ContactAddress, unknown]> = [['street', raw.street], ['city', raw.city], ['state', raw.state], ['country', raw.country], ['zip', raw.zipCode ?? raw.zip]];
  for (const [key, value] of fields) if (text(value)) address[key] = String(value).trim();
  return Object.keys(address).length ? address : undefined;
}

/**
 * A bulk item: every field is sent (empty when unset), so that an update
 * clears what the contact no longer has.
 */
export function contactBody(contact: NewContact, contactId?: string): Record<string, unknown> {
  const a = contact.address ?? {};
  const hasAddress = Object.values(a).some(Boolean);
  return {
    ...(contactId && { contactId }),
    schemas: CONTACT_SCHEMA,
    source: 'CH',
    displayName: contact.displayName,
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    companyName: contact.companyName ?? '',
    title: contact.title ?? '',
    address: hasAddress ? JSON.stringify({ street: a.street, city: a.city, state: a.state, country: a.country, zipCode: a.zip }) : '',
    emails: contact.email ? [{ value: contact.email, type: 'work', primary: true }] : [],
    phoneNumbers: contact.phoneNumbers.map((p, i) => ({ value: p.value, type: p.type, primary: i === 0 })),
    sipAddresses: contact.sipUri ? [{ value: contact.sipUri, type: 'enterprise', primary: true }] : [],
    groupIds: [...contact.groupIds],
  };
}

/** What identifies a contact we asked to create, when an answer was lost. */
export function fingerprint(contact: Pick<Contact, 'displayName' | 'email' | 'phoneNumbers'>): string {
  return [contact.displayName, contact.email ?? '', contact.phoneNumbers[0]?.value ?? ''].map((s) => s.trim().toLowerCase()).join('\u0000');
}
