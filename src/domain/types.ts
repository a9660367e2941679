import type { ActorRole } from './access';

export type UserStatus = 'active' | 'pending';

export interface License {
  id: string;
  name: string;
  totalUnits: number;
  consumedUnits: number;
  /** A calling licence needs a location and a number or an extension. */
  calling: boolean;
}

export interface Location {
  id: string;
  name: string;
}

/** A number of a location's pool; free when it has no owner. */
export interface PhoneNumber {
  e164: string;
  locationId: string;
  ownerId?: string;
}

export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  status: UserStatus;
  licenseIds: string[];
  locationId?: string;
  phoneNumber?: string;
  extension?: string;
  createdAt: string;
  invitedAt?: string;
  activatedAt?: string;
}

export type ContactPhoneType = 'work' | 'work_extension' | 'mobile' | 'home' | 'other';

export interface ContactPhone {
  value: string;
  type: ContactPhoneType;
}

export interface ContactAddress {
  street?: string;
  city?: string;
  state?: string;
  country?: string;
  zip?: string;
}

export interface Contact {
  id: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  phoneNumbers: ContactPhone[];
  email?: string;
  sipUri?: string;
  title?: string;
  companyName?: string;
  address?: ContactAddress;
  groupIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DistributionList {
  id: string;
  name: string;
  description?: string;
  createdAt: string;
}

export type ImportKind = 'contacts' | 'users';
export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  by: string;
  fileName: string;
  /** The previewed file it ran from (the chat's Import button), when there was one. */
  importId?: string;
  startedAt: string;
  endedAt?: string;
  status: ImportStatus;
  counts: ImportCounts;
}

/** Who asks for a write, and through which flow: every write is audited. */
export interface Actor {
  /** The identity the role was granted on. */
  id: string;
  name: string;
  /** The role of the person asking now, checked at the moment of the write (none: every write is refused). */
  role: ActorRole | undefined;
}

export interface WriteContext {
  actor: Actor;
  flow: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  /** Entries written before roles were recorded have no role. */
  actor: Omit<Actor, 'role'> & { role?: ActorRole };
  flow: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}
