import type {
  AuditEntry,
  Contact,
  DistributionList,
  ImportJob,
  License,
  Location,
  PhoneNumber,
  User,
} from '../../domain/types';

/** Bumped when the shape of org.json changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** consumedUnits is not stored: it is computed from the users holding the licence. */
export type StoredLicense = Omit<License, 'consumedUnits'>;

/**
 * The sandbox org as stored in `${DATA_DIR}/org.json`; its contacts live
 * apart in `${DATA_DIR}/contacts.jsonl` (see contactJournal).
 */
export interface OrgData {
  version: number;
  licenses: StoredLicense[];
  locations: Location[];
  /** Every location's pool; a number is free when it has no ownerId. */
  numbers: PhoneNumber[];
  users: User[];
  distributionLists: DistributionList[];
  importJobs: ImportJob[];
  audit: AuditEntry[];
}

/** What a seed builds: the org, and optionally contacts to start with. */
export type OrgSeed = OrgData & { contacts?: Contact[] };
