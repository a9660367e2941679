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
  /** Display name + first number keys that more than one contact holds: a row naming one cannot say which. */
  sharedNamePhones?: Set<string>;
}

/** One pass over `contacts` keeping only those the keys name: every lookup after it is a Map. */
export function matchByScan(contacts: Iterable<Contact>, keys: ContactKeys): ContactMatches {
  const sharedNamePhones = new Set<string>();
  const matches: ContactMatches = { byId: new Map(), byEmail: new Map(), byNamePhone: new Map(), sharedNamePhones };
  const keep = (map: Map<string, Contact>, wanted: ReadonlySet<string>, key: string, contact: Contact) => {
    if (wanted.has(key) && !map.has(key)) map.set(key, contact);
  };
  for (const contact of contacts) {
    if (keys.ids.size) keep(matches.byId, keys.ids, contact.id, contact);
    if (keys.emails.size && contact.email) keep(matches.byEmail, keys.emails, emailKey(contact.email), contact);
    if (keys.namePhones.size) {
      const key = namePhoneKey(contact);
      // Ids and e-mails are unique; a display name + first number is not.
      if (matches.byNamePhone.has(key)) sharedNamePhones.add(key);
      else keep(matches.byNamePhone, keys.namePhones, key, contact);
    }
  }
  return matches;
}
