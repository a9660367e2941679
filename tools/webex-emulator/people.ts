import { randomUUID } from 'node:crypto';
import { webexId } from '../../src/webexApi/ids';
import { EmuHttpError, bad, notFound, objectBody, route, str, type EmuRoute } from './http';
import type { EmuOrg, EmuPerson } from './state';

const lower = (s: string) => s.trim().toLowerCase();

function personView(org: EmuOrg, p: EmuPerson, callingData: boolean) {
  return {
    id: p.id,
    emails: [p.email],
    phoneNumbers: p.phoneNumber ? [{ type: 'work', value: p.phoneNumber, primary: true }] : [],
    ...(callingData && p.extension !== undefined && { extension: p.extension }),
    ...(callingData && p.locationId !== undefined && { locationId: p.locationId }),
    displayName: p.displayName,
    firstName: p.firstName,
    lastName: p.lastName,
    orgId: webexId('ORGANIZATION', org.uuid),
    licenses: [...p.licenses],
    created: p.created,
    lastModified: p.lastModified,
    status: p.pending ? 'pending' : 'active',
    // Webex sends these as strings or booleans: the emulator sends one of each.
    invitePending: p.pending ? 'true' : 'false',
    loginEnabled: true,
    type: 'person',
  };
}

function personOf(org: EmuOrg, id: string): EmuPerson {
  return org.people.get(id) ?? notFound(`Person ${id} not found.`);
}

function byEmail(org: EmuOrg, email: string): EmuPerson | undefined {
  return [...org.people.values()].find((p) => lower(p.email) === lower(email));
}

function unitsLeft(org: EmuOrg, licenseId: string, exceptPerson?: string): number {
  const license = org.licenses.find((l) => l.id === licenseId) ?? bad(`License ${licenseId} not recognized.`);
  const used = [...org.people.values()].filter((p) => p.id !== exceptPerson && p.licenses.includes(licenseId)).length;
  return license.totalUnits - used;
}

interface Calling {
  locationId?: string;
  phoneNumber?: string;
  extension?: string;
}

/** Why calling data cannot be given to `personId`, or undefined. */
function callingProblem(org: EmuOrg, personId: string | undefined, { locationId, phoneNumber, extension }: Calling): string | undefined {
  if (!locationId) return 'A Webex Calling license needs a locationId.';
  if (!org.locations.some((l) => l.id === locationId)) return 'Unable to find location.';
  if (!phoneNumber && !extension) return 'A Webex Calling license needs a phone number or an extension.';
  if (phoneNumber) {
    const number = org.numbers.find((n) => n.phoneNumber === phoneNumber && n.locationId === locationId);
    if (!number) return `Phone number ${phoneNumber} is not in this location.`;
    if (number.ownerId && number.ownerId !== personId) return `Phone number ${phoneNumber} is already assigned.`;
  }
  if (extension && [...org.people.values()].some((p) => p.id !== personId && p.locationId === locationId && p.extension === extension)) {
    return `Extension ${extension} is already used in this location.`;
  }
  return undefined;
}

function setCalling(org: EmuOrg, person: EmuPerson, calling: Calling | undefined): void {
  for (const n of org.numbers) if (n.ownerId === person.id) delete n.ownerId;
  delete person.locationId;
  delete person.phoneNumber;
  delete person.extension;
  if (!calling) return;
  if (calling.locationId) person.locationId = calling.locationId;
  if (calling.phoneNumber) person.phoneNumber = calling.phoneNumber;
  if (calling.extension) person.extension = calling.extension;
  const number = org.numbers.find((n) => n.phoneNumber === calling.phoneNumber && n.locationId === calling.locationId);
  if (number) number.ownerId = person.id;
}

const isCalling = (org: EmuOrg, licenseId: string) => org.licenses.find((l) => l.id === licenseId)?.calling === true;

function callingOfBody(body: Record<string, unknown>): Calling {
  const phones = Array.isArray(body.phoneNumbers) ? (body.phoneNumbers as Array<{ value?: unknown }>) : [];
  return { locationId: str(body.locationId), phoneNumber: str(phones[0]?.value)?.replace(/[\s().-]/g, ''), extension: str(body.extension) };
}

function licensesOfBody(body: Record<string, unknown>): string[] {
  if (body.licenses === undefined) return [];
  if (!Array.isArray(body.licenses)) bad('licenses must be an array of licence ids.');
  return [...new Set((body.licenses as unknown[]).map(String))];
}

export const peopleRoutes: EmuRoute[] = [
  route('GET', '/people', ({ org, query, page }) => {
    const callingData = query.get('callingData') === 'true';
    const email = query.get('email');
    const ids = query.get('id')?.split(',');
    const locationId = query.get('locationId');
    const name = query.get('displayName');
    const people = [...org.people.values()].filter(
      (p) =>
        (!email || lower(p.email) === lower(email)) &&
        (!ids || ids.includes(p.id)) &&
        (!locationId || p.locationId === locationId) &&
        (!name || p.displayName.toLowerCase().startsWith(name.toLowerCase())),
    );
    const cap = locationId ? 50 : callingData ? 100 : 1000;
    const { slice, headers } = page(people, Math.min(100, cap), cap);
    return { status: 200, body: { items: slice.map((p) => personView(org, p, callingData)), notFoundIds: [] }, headers };
  }),
  route('GET', '/people/:id', ({ org, params, query }) => ({ status: 200, body: personView(org, personOf(org, params.id), query.get('callingData') === 'true') })),
  route('POST', '/people', ({ org, body: raw, query, now }) => {
    const body = objectBody(raw);
    const emails = Array.isArray(body.emails) ? body.emails : [];
    const email = str(emails[0]);
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) bad('emails: one valid e-mail address is required.');
    if (!str(body.displayName) && !str(body.firstName) && !str(body.lastName)) bad('displayName, firstName or lastName is required.');
    if (byEmail(org, email)) throw new EmuHttpError(409, `User with email ${email} already exists.`);
    const licenses = licensesOfBody(body);
    for (const id of licenses) if (unitsLeft(org, id) <= 0) bad(`No license units left for ${id}.`);
    const calling = callingOfBody(body);
    const wantsCalling = licenses.some((id) => isCalling(org, id));
    if (wantsCalling && (!calling.locationId || (!calling.phoneNumber && !calling.extension))) {
      bad('A Webex Calling license needs locationId and a phone number or an extension in the same request.');
    }
    const at = now().toISOString();
    const person: EmuPerson = {
      id: webexId('PEOPLE', randomUUID()),
      email,
      firstName: str(body.firstName) ?? '',
      lastName: str(body.lastName) ?? '',
      displayName: str(body.displayName) ?? `${str(body.firstName) ?? ''} ${str(body.lastName) ?? ''}`.trim(),
      licenses: licenses.filter((id) => !isCalling(org, id)),
      created: at,
      lastModified: at,
      pending: true,
    };
    org.people.set(person.id, person);
    // The documented quirk: calling data that fails leaves the person created, and the answer is a 400.
    const problem = wantsCalling ? callingProblem(org, undefined, calling) : undefined;
    if (problem) bad(`${problem} The person was created without calling.`);
    person.licenses = licenses;
    if (wantsCalling) setCalling(org, person, calling);
    return { status: 200, body: personView(org, person, query.get('callingData') === 'true') };
  }),
  route('PUT', '/people/:id', ({ org, params, body: raw, query, now }) => {
    const body = objectBody(raw);
    const person = personOf(org, params.id);
    if (!str(body.displayName)) bad('displayName is required.');
    const email = str(Array.isArray(body.emails) ? body.emails[0] : undefined) ?? person.email;
    const owner = byEmail(org, email);
    if (owner && owner.id !== person.id) throw new EmuHttpError(409, `User with email ${email} already exists.`);
    const licenses = body.licenses === undefined ? person.licenses : licensesOfBody(body);
    for (const id of licenses) if (!person.licenses.includes(id) && unitsLeft(org, id, person.id) <= 0) bad(`No license units left for ${id}.`);
    const calling = callingOfBody(body);
    const wantsCalling = licenses.some((id) => isCalling(org, id));
    const problem = wantsCalling ? callingProblem(org, person.id, calling) : undefined;
    if (problem) bad(problem);
    Object.assign(person, {
      email,
      displayName: str(body.displayName)!,
      firstName: str(body.firstName) ?? person.firstName,
      lastName: str(body.lastName) ?? person.lastName,
      licenses,
      lastModified: now().toISOString(),
    });
    setCalling(org, person, wantsCalling ? calling : undefined);
    return { status: 200, body: personView(org, person, query.get('callingData') === 'true') };
  }),
  route('DELETE', '/people/:id', ({ org, params }) => {
    const person = personOf(org, params.id);
    setCalling(org, person, undefined);
    org.people.delete(person.id);
    return { status: 204 };
  }),
  route('PATCH', '/licenses/users', ({ org, body: raw, now }) => {
    const body = objectBody(raw);
    const person = str(body.personId) ? personOf(org, str(body.personId)!) : byEmail(org, str(body.email) ?? '') ?? notFound('Person not found.');
    const ops = Array.isArray(body.licenses) ? (body.licenses as Array<Record<string, unknown>>) : bad('licenses is required.');
    let licenses = [...person.licenses];
    let calling: Calling | undefined | null = null;
    for (const op of ops) {
      const id = String(op.id);
      if (!org.licenses.some((l) => l.id === id)) bad(`License ${id} not recognized.`);
      if (op.operation === 'remove') {
        licenses = licenses.filter((l) => l !== id);
        if (isCalling(org, id) && !licenses.some((l) => isCalling(org, l))) calling = undefined;
      } else if (op.operation === 'add') {
        if (!licenses.includes(id) && unitsLeft(org, id, person.id) <= 0) bad(`No license units left for ${id}.`);
        if (isCalling(org, id)) {
          const props = (op.properties ?? {}) as Record<string, unknown>;
          calling = { locationId: str(props.locationId), phoneNumber: str(props.phoneNumber), extension: str(props.extension) };
          const problem = callingProblem(org, person.id, calling);
          if (problem) bad(problem);
        }
        if (!licenses.includes(id)) licenses.push(id);
      } else bad('operation must be add or remove.');
    }
    person.licenses = licenses;
    if (calling !== null) setCalling(org, person, calling);
    person.lastModified = now().toISOString();
    return { status: 200, body: { orgId: webexId('ORGANIZATION', org.uuid), personId: person.id, email: person.email, licenses } };
  }),
  route('GET', '/licenses', ({ org, page }) => {
    const items = org.licenses.map((l) => {
      const consumed = [...org.people.values()].filter((p) => p.licenses.includes(l.id)).length;
      return { id: l.id, name: l.name, totalUnits: l.totalUnits, consumedUnits: consumed, consumedByUsers: consumed, consumedByWorkspaces: 0 };
    });
    const { slice, headers } = page(items, 100, 100);
    return { status: 200, body: { items: slice }, headers };
  }),
  route('GET', '/locations', ({ org, page }) => {
    const { slice, headers } = page(
      org.locations.map((l) => ({ id: l.id, name: l.name, orgId: webexId('ORGANIZATION', org.uuid), address: { country: 'FR' } })),
      100,
      1000,
    );
    return { status: 200, body: { items: slice }, headers };
  }),
  route('GET', '/telephony/config/numbers', ({ org, query, page }) => {
    const locationId = query.get('locationId');
    const available = query.get('available');
    const numbers = org.numbers
      .filter((n) => (!locationId || n.locationId === locationId) && (available !== 'true' || !n.ownerId))
      .sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
    const { slice, headers } = page(numbers, 2000, 2000);
    const phoneNumbers = slice.map((n) => {
      const owner = n.ownerId ? org.people.get(n.ownerId) : undefined;
      const location = org.locations.find((l) => l.id === n.locationId)!;
      return {
        phoneNumber: n.phoneNumber,
        ...(owner?.extension && { extension: owner.extension }),
        state: 'ACTIVE',
        mainNumber: false,
        tollFreeNumber: false,
        location: { id: location.id, name: location.name },
        ...(owner && { owner: { id: owner.id, type: 'PEOPLE', firstName: owner.firstName, lastName: owner.lastName } }),
      };
    });
    return { status: 200, body: { phoneNumbers }, headers };
  }),
];
