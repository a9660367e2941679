import { randomUUID } from 'node:crypto';
import { webexId } from '../../src/webexApi/ids';

export interface EmuLicense {
  id: string;
  name: string;
  totalUnits: number;
  /** Webex Calling: needs a location and a number or an extension. */
  calling: boolean;
}

export interface EmuLocation {
  id: string;
  name: string;
}

export interface EmuNumber {
  phoneNumber: string;
  locationId: string;
  ownerId?: string;
}

export interface EmuPerson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  licenses: string[];
  locationId?: string;
  extension?: string;
  phoneNumber?: string;
  created: string;
  lastModified: string;
  /** Never logged in (status "pending", invitePending true). */
  pending: boolean;
  /** Last activation e-mail (ms), for the 24-hour suppression. */
  invitedAt?: number;
}

export type EmuContact = Record<string, unknown> & { contactId: string; meta: { created: string; lastModified: string } };

export interface EmuJobError {
  itemNumber: number;
  error: { key: string; message: Array<{ description: string; code: string; locationId: null }> };
  trackingId: string;
}

export interface EmuJob {
  id: string;
  startedAt: string;
  /** ms: the job shows COMPLETED from then on. */
  endsAt: number;
  counts: { userResendInviteSent: number; userResendInviteFailed: number; userResendInviteSkipped: number; totalUsers: number };
  errors: EmuJobError[];
}

export interface EmuOrg {
  uuid: string;
  licenses: EmuLicense[];
  locations: EmuLocation[];
  numbers: EmuNumber[];
  people: Map<string, EmuPerson>;
  contacts: Map<string, EmuContact>;
  jobs: Map<string, EmuJob>;
}

export interface SeedOptions {
  /** Units of every licence (default: the sandbox's 15, 5 and 50). */
  licenseUnits?: number;
  /** Numbers per location pool (default: the sandbox's 20, 8 and 2). */
  numbersPerLocation?: number;
  /** Seed no users (default: the sandbox's five). */
  noUsers?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function numberRange(first: string, count: number): string[] {
  const start = BigInt(first.slice(1));
  return Array.from({ length: count }, (_, i) => `+${start + BigInt(i)}`);
}

/** An org like the embedded sandbox: three locations (Lyon with no free number), three licences, five users. */
export function seedOrg(now: Date, options: SeedOptions = {}): EmuOrg {
  const uuid = randomUUID();
  const location = (name: string): EmuLocation => ({ id: webexId('LOCATION', randomUUID()), name });
  const license = (name: string, totalUnits: number, calling: boolean): EmuLicense => ({
    id: webexId('LICENSE', randomUUID()),
    name,
    totalUnits: options.licenseUnits ?? totalUnits,
    calling,
  });
  const paris = location('Siège — Paris');
  const it = location('IT division');
  const lyon = location('Lyon — Entrepôt');
  const suite = license('Webex Suite', 15, true);
  const professional = license('Webex Calling — Professional', 5, true);
  const meetings = license('Webex Meetings', 50, false);
  const pool = (first: string, count: number, locationId: string) =>
    numberRange(first, options.numbersPerLocation ?? count).map((phoneNumber) => ({ phoneNumber, locationId }));
  const numbers: EmuNumber[] = [...pool('+33142680100', 20, paris.id), ...pool('+33634333211', 8, it.id), ...pool('+33478550120', 2, lyon.id)];
  const org: EmuOrg = {
    uuid,
    licenses: [suite, professional, meetings],
    locations: [paris, it, lyon],
    numbers,
    people: new Map(),
    contacts: new Map(),
    jobs: new Map(),
  };
  if (options.noUsers) return org;
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const person = (firstName: string, lastName: string, local: string, licenses: string[], calling?: { locationId: string; phoneNumber: string }, active = false) => {
    const p: EmuPerson = {
      id: webexId('PEOPLE', randomUUID()),
      email: `${local}@sandbox.example`,
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`,
      licenses,
      ...(calling && { ...calling, extension: calling.phoneNumber.slice(-4) }),
      created: at(30),
      lastModified: at(30),
      pending: !active,
      invitedAt: now.getTime() - 30 * DAY_MS,
    };
    org.people.set(p.id, p);
    if (p.phoneNumber) numbers.find((n) => n.phoneNumber === p.phoneNumber)!.ownerId = p.id;
  };
  person('Jean-Marc', 'Chamblay', 'jm.chamblay', [suite.id], { locationId: paris.id, phoneNumber: '+33142680100' }, true);
  person('Julien', 'Rouchon', 'j.rouchon', [suite.id], { locationId: it.id, phoneNumber: '+33634333211' }, true);
  person('Toto', 'Titi', 'toto.titi', [meetings.id]);
  person('Claire', 'Dubois', 'c.dubois', [suite.id], { locationId: lyon.id, phoneNumber: '+33478550120' }, true);
  person('Marc', 'Lefèvre', 'm.lefevre', [professional.id], { locationId: lyon.id, phoneNumber: '+33478550121' });
  return org;
}
