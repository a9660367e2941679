import { SLOTS } from '../domain/contactFields';
import type { Contact } from '../domain/types';
import { WEBEX_CONTACTS } from './formats';
import { writeCsv } from './write';

export const TEMPLATE_HEADER = WEBEX_CONTACTS.columns.map((c) => c.name);

function contactRow(contact: Contact): string[] {
  const phones = SLOTS.flatMap((_, i) => [contact.phoneNumbers[i]?.value ?? '', contact.phoneNumbers[i]?.type ?? '']);
  const address = contact.address ?? {};
  return [
    contact.displayName,
    contact.id,
    contact.firstName ?? '',
    contact.lastName ?? '',
    ...phones,
    contact.email ?? '',
    contact.sipUri ?? '',
    contact.title ?? '',
    contact.companyName ?? '',
    address.street ?? '',
    address.city ?? '',
    address.state ?? '',
    address.country ?? '',
    address.zip ?? '',
    ...SLOTS.map((_, i) => contact.groupIds[i] ?? ''),
  ];
}

/** Every contact in the 28-column Webex template, with its Contact UUID: edit it and import it back. */
export function exportContactsCsv(contacts: readonly Contact[]): Buffer {
  return writeCsv([TEMPLATE_HEADER, ...contacts.map(contactRow)]);
}

/** The template to fill: its header row alone. */
export function templateCsv(): Buffer {
  return writeCsv([TEMPLATE_HEADER]);
}
