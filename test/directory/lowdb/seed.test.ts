import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLowdbDirectory } from '../../../src/directory/lowdb/lowdbDirectory';
import type { OrgData } from '../../../src/directory/lowdb/schema';
import { sandboxSeed } from '../../../src/directory/lowdb/seed';

const NOW = new Date('2025-03-01T09:00:00.000Z');

let dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-seed-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

const locationId = (org: OrgData, name: string) => org.locations.find((l) => l.name === name)!.id;
const poolOf = (org: OrgData, name: string) => org.numbers.filter((n) => n.locationId === locationId(org, name));

describe('sandboxSeed', () => {
  const org = sandboxSeed(NOW);

  it('has the three demo locations with their number pools', () => {
    expect(org.locations.map((l) => l.name)).toEqual(['Siège — Paris', 'IT division', 'Lyon — Entrepôt']);
    expect(poolOf(org, 'Siège — Paris').map((n) => n.e164)).toEqual(
      Array.from({ length: 20 }, (_, i) => `+331426801${String(i).padStart(2, '0')}`),
    );
    expect(poolOf(org, 'IT division').map((n) => n.e164)).toEqual(
      Array.from({ length: 8 }, (_, i) => `+3363433321${i + 1}`),
    );
  });

  it('leaves no free number in Lyon (the "Aucun" case)', () => {
    const lyon = poolOf(org, 'Lyon — Entrepôt');
    expect(lyon).toHaveLength(2);
    expect(lyon.every((n) => n.ownerId !== undefined)).toBe(true);
  });

  it('has the three licences with their calling flag and units', () => {
    expect(org.licenses.map(({ name, calling, totalUnits }) => ({ name, calling, totalUnits }))).toEqual([
      { name: 'Webex Suite', calling: true, totalUnits: 15 },
      { name: 'Webex Calling — Professional', calling: true, totalUnits: 5 },
      { name: 'Webex Meetings', calling: false, totalUnits: 50 },
    ]);
    expect(org.licenses[0]).not.toHaveProperty('consumedUnits');
  });

  it('has active users with activatedAt and pending users with invitedAt only', () => {
    const byName = new Map(org.users.map((u) => [u.displayName, u]));
    expect(byName.get('Jean-Marc Chamblay')?.status).toBe('active');
    expect(byName.get('Julien Rouchon')?.status).toBe('active');
    expect(byName.get('Toto Titi')?.status).toBe('pending');
    for (const user of org.users) {
      expect(user.invitedAt).toBeDefined();
      expect(user.activatedAt !== undefined).toBe(user.status === 'active');
      expect(user.email).toMatch(/^[^@]+@sandbox\.example$/);
    }
    expect(org.users.some((u) => u.status === 'pending')).toBe(true);
    expect(new Set(org.users.map((u) => u.email)).size).toBe(org.users.length);
  });

  it('gives Jean-Marc Chamblay a Paris number, the Webex Suite and its last four digits as extension', () => {
    const jm = org.users.find((u) => u.displayName === 'Jean-Marc Chamblay')!;
    expect(jm.locationId).toBe(locationId(org, 'Siège — Paris'));
    expect(jm.licenseIds).toEqual([org.licenses.find((l) => l.name === 'Webex Suite')!.id]);
    expect(jm.phoneNumber).toMatch(/^\+331426801\d\d$/);
    expect(jm.extension).toBe(jm.phoneNumber!.slice(-4));
  });

  it('keeps number ownership consistent with the users phone numbers, both ways', () => {
    const owned = org.numbers.filter((n) => n.ownerId);
    for (const n of owned) {
      const owner = org.users.find((u) => u.id === n.ownerId)!;
      expect(owner).toBeDefined();
      expect(owner.phoneNumber).toBe(n.e164);
      expect(owner.locationId).toBe(n.locationId);
    }
    const usersWithNumber = org.users.filter((u) => u.phoneNumber);
    expect(usersWithNumber).toHaveLength(owned.length);
    for (const u of usersWithNumber) {
      expect(org.numbers.find((n) => n.e164 === u.phoneNumber)?.ownerId).toBe(u.id);
    }
  });

  it('stays within every licence total and references known licences and locations only', () => {
    for (const license of org.licenses) {
      expect(org.users.filter((u) => u.licenseIds.includes(license.id)).length).toBeLessThanOrEqual(license.totalUnits);
    }
    const licenseIds = new Set(org.licenses.map((l) => l.id));
    const locationIds = new Set(org.locations.map((l) => l.id));
    for (const u of org.users) {
      expect(u.licenseIds.every((id) => licenseIds.has(id))).toBe(true);
      if (u.locationId) expect(locationIds.has(u.locationId)).toBe(true);
    }
  });

  it('has no contacts, lists, jobs or audit, and dates no later than now', () => {
    expect(org).toMatchObject({ distributionLists: [], importJobs: [], audit: [] });
    expect(org.contacts).toBeUndefined();
    for (const u of org.users) expect(Date.parse(u.createdAt)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('uses fresh UUIDs on every call', () => {
    const other = sandboxSeed(NOW);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = [...org.locations, ...org.licenses, ...org.users].map((x) => x.id);
    expect(ids.every((id) => uuid.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(other.locations[0].id).not.toBe(org.locations[0].id);
  });
});

describe('a fresh DATA_DIR seeded on first start', () => {
  it('creates the missing directory and writes org.json from the seed', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const directory = await openLowdbDirectory(dataDir, { now: () => NOW });
    const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8')) as OrgData;
    expect(onDisk.locations).toEqual(await directory.listLocations());
    expect(onDisk.users).toHaveLength(5);
    await directory.close();
  });

  it('serves locations, free numbers, licences with consumed units, users and no contacts', async () => {
    const directory = await openLowdbDirectory(tempDir());
    const locations = await directory.listLocations();
    const id = (name: string) => locations.find((l) => l.name === name)!.id;

    const parisFree = await directory.listFreeNumbers(id('Siège — Paris'));
    expect(parisFree).toHaveLength(19);
    expect(parisFree).not.toContain('+33142680100');
    expect(await directory.listFreeNumbers(id('IT division'))).toHaveLength(7);
    expect(await directory.listFreeNumbers(id('Lyon — Entrepôt'))).toEqual([]);

    const licenses = await directory.listLicenses();
    expect(licenses.map((l) => [l.name, l.consumedUnits, l.totalUnits])).toEqual([
      ['Webex Suite', 3, 15],
      ['Webex Calling — Professional', 1, 5],
      ['Webex Meetings', 1, 50],
    ]);

    expect((await directory.listUsers({ status: 'active' })).length).toBeGreaterThan(0);
    expect((await directory.listUsers({ status: 'pending' })).map((u) => u.displayName)).toContain('Toto Titi');
    expect(await directory.listContacts()).toEqual([]);
    expect(await directory.listDistributionLists()).toEqual([]);
    await directory.close();
  });
});
