import { randomUUID } from 'node:crypto';
import { bad, notFound, objectBody, route, type EmuRoute } from './http';
import type { EmuContact, EmuOrg } from './state';

export const CONTACT_SCHEMA = 'urn:cisco:codev:identity:contact:core:1.0';
/** Items per bulk request the emulator takes. */
export const MAX_BULK_ITEMS = 1000;

const FIELDS = ['displayName', 'firstName', 'lastName', 'companyName', 'title', 'address', 'emails', 'phoneNumbers', 'sipAddresses', 'groupIds', 'source'];

const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;

/** Hook for tests: a message makes the emulator refuse that item of a bulk request. */
export type ContactRejecter = (contact: Record<string, unknown>) => string | undefined;

function view(org: EmuOrg, c: EmuContact) {
  return { schemas: CONTACT_SCHEMA, ...c, orgId: org.uuid, source: c.source ?? 'CH' };
}

function checkSchemas(body: Record<string, unknown>): void {
  if (body.schemas !== CONTACT_SCHEMA) bad(`schemas must be "${CONTACT_SCHEMA}".`);
}

export function contactRoutes(reject: () => ContactRejecter | undefined): EmuRoute[] {
  return [
    route('GET', '/contacts/organizations/:orgId/contacts/search', ({ org, query }) => {
      const keyword = (query.get('keyword') ?? '').toLowerCase();
      const limit = Math.min(Number(query.get('limit') ?? 100) || 100, 1000);
      const start = Math.max(Number(query.get('start') ?? 0) || 0, 0);
      const groups = query.get('groupIds')?.split(',');
      const all = [...org.contacts.values()].filter((c) => {
        const emails = (c.emails as Array<{ value: string }> | undefined) ?? [];
        const words = [c.displayName, c.firstName, c.lastName, ...emails.map((e) => e.value)].map((w) => String(w ?? '').toLowerCase());
        return (!keyword || words.some((w) => w.includes(keyword))) && (!groups || ((c.groupIds as string[]) ?? []).some((g) => groups.includes(g)));
      });
      return { status: 200, body: { result: all.slice(start, start + limit).map((c) => view(org, c)), start, limit, total: all.length } };
    }),
    route('GET', '/contacts/organizations/:orgId/contacts/:contactId', ({ org, params }) => ({
      status: 200,
      body: view(org, org.contacts.get(params.contactId) ?? notFound(`Contact ${params.contactId} not found.`)),
    })),
    route('POST', '/contacts/organizations/:orgId/contacts/bulk', ({ org, body: raw, now }) => {
      const body = objectBody(raw);
      checkSchemas(body);
      const items = Array.isArray(body.contacts) ? (body.contacts as Array<Record<string, unknown>>) : bad('contacts must be an array.');
      if (items.length > MAX_BULK_ITEMS) bad(`At most ${MAX_BULK_ITEMS} contacts per bulk request.`);
      const at = now().toISOString();
      const contacts: Array<unknown> = [];
      const failedContacts: Array<{ id: string; errorCode: string; errorMessage: string; statusCode: number }> = [];
      items.forEach((item, index) => {
        const fail = (statusCode: number, errorCode: string, errorMessage: string) => {
          contacts.push(null);
          failedContacts.push({ id: String(index), errorCode, errorMessage, statusCode });
        };
        const fields = Object.fromEntries(FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]));
        const existing = typeof item.contactId === 'string' ? org.contacts.get(item.contactId) : undefined;
        if (typeof item.contactId === 'string' && !existing) return fail(404, 'contact.not.found', `Contact ${item.contactId} not found.`);
        const merged = { ...(existing ?? {}), ...fields };
        if (!nonEmpty(merged.phoneNumbers) && !nonEmpty(merged.emails) && !nonEmpty(merged.sipAddresses)) {
          return fail(400, 'contact.invalid', 'A contact needs at least one phone number, e-mail or SIP address.');
        }
        const refused = reject()?.(item);
        if (refused) return fail(400, 'contact.refused', refused);
        const contact: EmuContact = {
          ...merged,
          contactId: existing?.contactId ?? randomUUID(),
          meta: { created: existing?.meta.created ?? at, lastModified: at },
        };
        org.contacts.set(contact.contactId, contact);
        contacts.push(view(org, contact));
      });
      return { status: 200, body: { contacts, failedContacts, orgId: org.uuid } };
    }),
    route('POST', '/contacts/organizations/:orgId/contacts/bulk/delete', ({ org, body: raw }) => {
      const body = objectBody(raw);
      checkSchemas(body);
      const ids = Array.isArray(body.objectIds) ? (body.objectIds as unknown[]).map(String) : bad('objectIds must be an array.');
      if (ids.length > MAX_BULK_ITEMS) bad(`At most ${MAX_BULK_ITEMS} ids per bulk delete.`);
      for (const id of ids) org.contacts.delete(id);
      return { status: 200 };
    }),
  ];
}
