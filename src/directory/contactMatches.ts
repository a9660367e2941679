import { emailKey, namePhoneKey } from '../domain/contactMerge';
import type { Contact } from '../domain/types';

/** What rows can match a contact by: ids, e-mails (emailKey) and display name + first number (namePhoneKey). */
export interface ContactKeys {
  ids: ReadonlySet<string>;
  emails: ReadonlySet<string>;
  namePhones: ReadonlySet<string>;
}

/** The contacts holding those keys: the first one for each key. */
export interface ContactMatches {
  byId: Map<string, Contact>;
  byEmail: Map<string, Contact>;
  byNamePhone: Map<string, Contact>;
}

/** One pass over `contacts` keeping only those the keys name: every lookup after it is a Map. */
export function matchByScan(contacts: Iterable<Contact>, keys: ContactKeys): ContactMatches {
  const matches: ContactMatches = { byId: new Map(), byEmail: new Map(), byNamePhone: new Map() };
  const keep = (map: Map<string, Contact>, wanted: ReadonlySet<string>, key: string, contact: Contact) => {
    if (wanted.has(key) && !map.has(key)) map.set(key, contact);
  };
  for (const contact of contacts) {
    if (keys.ids.size) keep(matches.byId, keys.ids, contact.id, contact);
    if (keys.emails.size && contact.email) keep(matches.byEmail, keys.emails, emailKey(contact.email), contact);
    if (keys.namePhones.size) keep(matches.byNamePhone, keys.namePhones, namePhoneKey(contact), contact);
  }
  return matches;
}
