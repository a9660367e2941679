import { randomUUID } from 'node:crypto';
import type { PhoneNumber, User } from '../../domain/types';
import { SCHEMA_VERSION, type OrgData, type StoredLicense } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
const DOMAIN = 'sandbox.example';

/** `count` consecutive E.164 numbers starting at `first` (e.g. +33142680100). */
function numberRange(first: string, count: number): string[] {
  const start = BigInt(first.slice(1));
  return Array.from({ length: count }, (_, i) => `+${start + BigInt(i)}`);
}

/**
 * The embedded demo org: three locations (the Lyon one has no free number
 * left, the admin guide's "Aucun" case), three licences, a few active and
 * pending users, and no contacts, lists, jobs or audit.
 */
export function sandboxSeed(now: Date): OrgData {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

  const paris = { id: randomUUID(), name: 'Siège — Paris' };
  const it = { id: randomUUID(), name: 'IT division' };
  const lyon = { id: randomUUID(), name: 'Lyon — Entrepôt' };

  const suite: StoredLicense = { id: randomUUID(), name: 'Webex Suite', calling: true, totalUnits: 15 };
  const professional: StoredLicense = {
    id: randomUUID(),
    name: 'Webex Calling — Professional',
    calling: true,
    totalUnits: 5,
  };
  const meetings: StoredLicense = { id: randomUUID(), name: 'Webex Meetings', calling: false, totalUnits: 50 };

  const numbers: PhoneNumber[] = [
    ...numberRange('+33142680100', 20).map((e164) => ({ e164, locationId: paris.id })),
    ...numberRange('+33634333211', 8).map((e164) => ({ e164, locationId: it.id })),
    ...numberRange('+33478550120', 2).map((e164) => ({ e164, locationId: lyon.id })),
  ];

  const user = (
    firstName: string,
    lastName: string,
    local: string,
    licenseIds: string[],
    calling: { locationId: string; phoneNumber: string } | undefined,
    activatedDaysAgo?: number,
  ): User => ({
    id: randomUUID(),
    email: `${local}@${DOMAIN}`,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    status: activatedDaysAgo === undefined ? 'pending' : 'active',
    licenseIds,
    ...(calling && { ...calling, extension: calling.phoneNumber.slice(-4) }),
    createdAt: daysAgo(30),
    invitedAt: daysAgo(30),
    ...(activatedDaysAgo !== undefined && { activatedAt: daysAgo(activatedDaysAgo) }),
  });

  const users: User[] = [
    user('Jean-Marc', 'Chamblay', 'jm.chamblay', [suite.id], { locationId: paris.id, phoneNumber: '+33142680100' }, 28),
    user('Julien', 'Rouchon', 'j.rouchon', [suite.id], { locationId: it.id, phoneNumber: '+33634333211' }, 25),
    user('Toto', 'Titi', 'toto.titi', [meetings.id], undefined),
    user('Claire', 'Dubois', 'c.dubois', [suite.id], { locationId: lyon.id, phoneNumber: '+33478550120' }, 20),
    user('Marc', 'Lefèvre', 'm.lefevre', [professional.id], { locationId: lyon.id, phoneNumber: '+33478550121' }),
  ];

  const ownerByNumber = new Map(users.filter((u) => u.phoneNumber).map((u) => [u.phoneNumber, u.id]));
  for (const n of numbers) {
    const ownerId = ownerByNumber.get(n.e164);
    if (ownerId) n.ownerId = ownerId;
  }

  return {
    version: SCHEMA_VERSION,
    licenses: [suite, professional, meetings],
    locations: [paris, it, lyon],
    numbers,
    users,
    distributionLists: [],
    importJobs: [],
    audit: [],
  };
}
