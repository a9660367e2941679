import type {
  AuditEntry,
  Contact,
  DistributionList,
  ImportCounts,
  ImportJob,
  License,
  Location,
  PhoneNumber,
  User,
  UserStatus,
  WriteContext,
} from '../domain/types';
import type { ContactKeys, ContactMatches } from './contactMatches';

/** Store-level integrity failures: the backend refuses the write as a whole. */
export type DirectoryErrorCode =
  | 'not_found'
  | 'email_taken'
  | 'number_not_free'
  | 'extension_taken'
  | 'no_units_left'
  | 'list_name_taken'
  | 'too_many_lists'
  | 'import_running'
  | 'not_supported';

export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export interface UserFilter {
  status?: UserStatus;
  locationId?: string;
}

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  displayName?: string;
  licenseIds: string[];
  locationId?: string;
  phoneNumber?: string;
  extension?: string;
}

export interface CallingAssignment {
  locationId: string;
  phoneNumber?: string;
  extension?: string;
}

/** A users import's batch: users to create, and existing users as they should become (same id). */
export interface UserChanges {
  create: NewUser[];
  update: User[];
}

export interface UserChangesResult {
  created: User[];
  updated: User[];
  job?: ImportJob;
}

export type NewContact = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;

export interface ContactChanges {
  create: NewContact[];
  update: Contact[];
  delete: string[];
}

export interface ContactChangesResult {
  created: Contact[];
  updated: Contact[];
  deleted: string[];
  /** The import job ended by this write, when one was named. */
  job?: ImportJob;
  /**
   * Items the backend refused one by one (webex bulk requests); absent when
   * the write is all-or-nothing (lowdb). `index` is the item's position in
   * changes.create / changes.update / changes.delete.
   */
  failed?: ContactFailure[];
}

export interface ContactFailure {
  kind: 'create' | 'update' | 'delete';
  index: number;
  code: string;
  message: string;
}

/** The outcome of the org-wide activation-email job (webex backend). */
export interface ActivationJobOutcome {
  jobId: string;
  /** COMPLETED, COMPLETED_WITH_ERRORS, FAILED or STOPPED. */
  exitCode: string;
  counts: { sent: number; skipped: number; failed: number; total: number };
  /** Per-user errors the job reported; suppressed = already invited in the last 24 hours. */
  errors: Array<{ email?: string; code: string; message: string; suppressed: boolean }>;
}

/** A list's new name and/or description; an empty description removes it. */
export interface ListPatch {
  name?: string;
  description?: string;
}

/** Contacts to put in and take out of one list, in one write. */
export interface MemberChange {
  add: string[];
  remove: string[];
}

/** The contacts whose membership actually changed (already members, or not members, are left out). */
export interface MemberChangeResult {
  added: string[];
  removed: string[];
}

/** A contact belongs to at most this many lists (the template's Group ID 1..5). */
export const MAX_LISTS_PER_CONTACT = 5;

/** Ends an import job ("done", with its counts) in the same write as its contacts. */
export interface ImportEnding {
  jobId: string;
  counts: ImportCounts;
}

export interface NewImportJob {
  kind: ImportJob['kind'];
  by: string;
  fileName: string;
  /** The previewed file's id (its kept file's token), when the import runs from a preview. */
  importId?: string;
}

/**
 * The Directory port: everything the services read from and write to an org.
 * Each write is one atomic operation that also appends its audit entry, and
 * re-checks the integrity rules (unique e-mail, free number, unique extension)
 * at write time so that two concurrent callers never both win.
 */
export interface Directory {
  readonly backend: 'lowdb' | 'webex';

  listLicenses(): Promise<License[]>;
  listLocations(): Promise<Location[]>;
  listNumbers(locationId: string): Promise<PhoneNumber[]>;
  listFreeNumbers(locationId: string): Promise<string[]>;

  listUsers(filter?: UserFilter): Promise<User[]>;
  getUser(id: string): Promise<User | undefined>;
  findUserByEmail(email: string): Promise<User | undefined>;
  createUser(user: NewUser, ctx: WriteContext): Promise<User>;
  assignCalling(userId: string, assignment: CallingAssignment, ctx: WriteContext): Promise<{ before: User; after: User }>;
  deleteUser(userId: string, ctx: WriteContext): Promise<User>;
  /**
   * Creates and updates users in one write, ending the import job named in
   * `ending`; re-checks every rule (unique e-mail, units left, free number,
   * unique extension) against the batch as a whole, and refuses it whole.
   */
  applyUserChanges(changes: UserChanges, ctx: WriteContext, ending?: ImportEnding): Promise<UserChangesResult>;
  markInvited(userIds: string[], at: string, ctx: WriteContext): Promise<void>;
  activateUser(userId: string, ctx: WriteContext): Promise<User>;

  listContacts(): Promise<Contact[]>;
  getContact(id: string): Promise<Contact | undefined>;
  /** The contacts rows can match, from the store's own indexes; a store without any leaves it out and is scanned. */
  matchContacts?(keys: ContactKeys): Promise<ContactMatches>;
  /**
   * Applies a whole batch in one write (an import is never half-applied),
   * ending the import job named in `ending` with it; refuses an e-mail that
   * would end up on two contacts (email_taken).
   */
  applyContactChanges(changes: ContactChanges, ctx: WriteContext, ending?: ImportEnding): Promise<ContactChangesResult>;

  listDistributionLists(): Promise<DistributionList[]>;
  createDistributionList(name: string, description: string | undefined, ctx: WriteContext): Promise<DistributionList>;
  /** Refuses a name another list has, in any case (list_name_taken). */
  updateDistributionList(id: string, patch: ListPatch, ctx: WriteContext): Promise<DistributionList>;
  /** Refuses the whole change when a contact would belong to more than MAX_LISTS_PER_CONTACT lists (too_many_lists). */
  changeListMembers(id: string, change: MemberChange, ctx: WriteContext): Promise<MemberChangeResult>;
  /** Members are kept as contacts; only their membership goes. */
  deleteDistributionList(id: string, ctx: WriteContext): Promise<void>;

  /** Refuses (import_running, naming who started it and when) while another import of the org runs. */
  createImportJob(job: NewImportJob): Promise<ImportJob>;
  updateImportJob(id: string, patch: Partial<Omit<ImportJob, 'id'>>): Promise<ImportJob>;
  listImportJobs(): Promise<ImportJob[]>;

  listAudit(since?: string): Promise<AuditEntry[]>;

  /**
   * Optional (webex): runs the org's activation-email job, which e-mails every
   * eligible pending user, and waits for its counts and errors. When present,
   * invitations go through it instead of the bot's own e-mails.
   */
  sendActivationEmails?(ctx: WriteContext): Promise<ActivationJobOutcome>;

  /** Waits for pending writes; called on shutdown. */
  close(): Promise<void>;
}
