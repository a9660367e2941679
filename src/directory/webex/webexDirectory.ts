import type { AuditEntry, Contact, DistributionList, ImportJob, License, Location, PhoneNumber, User, WriteContext } from '../../domain/types';
import type { BlobContainer } from '../../platform/store/container';
import { sleep, WebexClient, type WebexClientOptions } from '../../webexApi/client';
import { WebexApiError } from '../../webexApi/errors';
import { orgUuid } from '../../webexApi/ids';
import {
  DirectoryError,
  type ActivationJobOutcome,
  type CallingAssignment,
  type ContactChanges,
  type ContactChangesResult,
  type Directory,
  type ImportEnding,
  type NewImportJob,
  type NewUser,
  type UserChanges,
  type UserChangesResult,
  type UserFilter,
} from '../directory';
import {
  auditEntry,
  byUserName,
  checkCalling,
  checkContactChanges,
  checkEmailFree,
  clone,
  compact,
  contactsAudit,
  notFound,
  placeUser,
  startImportJob,
  type AuditInput,
} from '../storeRules';
import { emailKey } from '../../domain/contactMerge';
import { ContactWriter } from './contactWriter';
import { DEFAULT_IMPORT_LOCK_TTL_MS, endAbandonedImports, ImportLocks } from './importLock';
import { emptyLocalData, openLocalStore, type WebexLocalData, type WebexLocalStore } from './localStore';
import { compactNumber, contactOf, personBody, userOf, type WebexContact, type WebexPerson } from './mapping';
import { runActivationJob } from './activationJob';
import { takeUnits, type OrgSnapshot } from './userRules';

export interface WebexDirectoryOptions extends Omit<WebexClientOptions, 'baseUrl' | 'token'> {
  apiUrl: string;
  token: string;
  orgId: string;
  dataDir: string;
  /** Contacts per bulk request (default 100). */
  contactsChunkSize?: number;
  /** Activation job polling (default every 2 s, for at most 10 minutes). */
  jobPollMs?: number;
  jobMaxWaitMs?: number;
  now?: () => Date;
  /** STATE_STORE=blob: jobs, audit and invitation dates in a blob every instance shares. */
  blob?: BlobContainer;
  /** Lifetime of the import lock without renewal (a crashed instance's lock frees itself after it). */
  importLockTtlMs?: number;
}

const LISTS_NEED_EMBEDDED =
  'Webex has no distribution-list API: distribution lists need the embedded backend (DIRECTORY_BACKEND=lowdb).';
/** Same names as the embedded backend: "Webex Calling — …" and the Suite carry calling. */
const isCallingLicence = (name: string) => /calling|suite/i.test(name);
const SEARCH_PAGE = 1000;

export async function openWebexDirectory(options: WebexDirectoryOptions): Promise<Directory> {
  const now = options.now ?? (() => new Date());
  const uuid = orgUuid(options.orgId);
  const store = await openLocalStore({ dataDir: options.dataDir, orgUuid: uuid, blob: options.blob, now });
  const client = new WebexClient({ ...options, baseUrl: options.apiUrl, token: options.token });
  return new WebexDirectory(client, store, uuid, options, now);
}

/**
 * The Directory port over the public Webex APIs. Webex holds users, licences,
 * locations, numbers and contacts; the audit, import jobs and invitation dates
 * live in a shared document (a local file, or a blob for several instances).
 * Store rules are checked against the org as read just
 * before each write, as the embedded backend does.
 */
export class WebexDirectory implements Directory {
  readonly backend = 'webex' as const;
  private readonly contactsBase: string;
  private readonly writer: ContactWriter;
  private contactWrites: Promise<unknown> = Promise.resolve();
  private pending: Promise<void> = Promise.resolve();
  private readonly locks: ImportLocks;

  constructor(
    readonly client: WebexClient,
    private readonly store: WebexLocalStore,
    private readonly orgUuid: string,
    private readonly options: WebexDirectoryOptions,
    private readonly now: () => Date,
  ) {
    this.contactsBase = `/contacts/organizations/${orgUuid}`;
    this.writer = new ContactWriter(client, this.contactsBase, options.contactsChunkSize ?? 100, () => this.listContacts());
    this.locks = new ImportLocks(store, options.importLockTtlMs ?? DEFAULT_IMPORT_LOCK_TTL_MS);
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  /** One atomic change of the shared data; `mutate` may throw to refuse, and returns what the caller gets. */
  private commit<R = void>(mutate: (data: WebexLocalData, now: Date) => R): Promise<R> {
    const write = this.store.update((current, now) => {
      const data = current ?? emptyLocalData(this.orgUuid);
      const result = mutate(data, now);
      return { value: data, result };
    });
    this.pending = write.then(
      () => undefined,
      () => undefined,
    );
    return write;
  }

  private async local(): Promise<WebexLocalData> {
    const { value, now } = await this.store.read();
    return endAbandonedImports(value ?? emptyLocalData(this.orgUuid), now);
  }

  /** personId → when Provisio sent them an invitation (a read of that map only: no job is looked at). */
  private async invitedAt(): Promise<Record<string, string>> {
    return (await this.store.read()).value?.invitedAt ?? {};
  }

  private audit(ctx: WriteContext, action: string, target: string, before?: unknown, after?: unknown): Promise<void> {
    return this.record({ ctx, action, target, before, after });
  }

  private record(input: AuditInput): Promise<void> {
    const entry = auditEntry(input, this.nowIso());
    return this.commit((data) => void data.audit.push(entry));
  }

  private userOf(person: WebexPerson, invitedAt: Record<string, string>): User {
    return userOf(person, invitedAt[person.id]);
  }

  // ---- Licences, locations, numbers

  async listLicenses(): Promise<License[]> {
    const items = await this.client.list<{ id: string; name: string; totalUnits?: number; consumedUnits?: number }>('/licenses');
    return items.map((l) => ({ id: l.id, name: l.name, totalUnits: l.totalUnits ?? 0, consumedUnits: l.consumedUnits ?? 0, calling: isCallingLicence(l.name) }));
  }

  async listLocations(): Promise<Location[]> {
    return (await this.client.list<{ id: string; name: string }>('/locations')).map(({ id, name }) => ({ id, name }));
  }

  async listNumbers(locationId: string): Promise<PhoneNumber[]> {
    return this.numbers(locationId, false);
  }

  async listFreeNumbers(locationId: string): Promise<string[]> {
    return (await this.numbers(locationId, true)).map((n) => n.e164);
  }

  private async numbers(locationId: string, available: boolean): Promise<PhoneNumber[]> {
    const items = await this.client.list<{ phoneNumber?: string; owner?: { id?: string }; location?: { id?: string } }>(
      '/telephony/config/numbers',
      { locationId, numberType: 'NUMBER', ...(available && { available: true }) },
      'phoneNumbers',
    );
    return items
      .filter((n) => n.phoneNumber)
      .map((n) => compact({ e164: compactNumber(n.phoneNumber!), locationId, ownerId: n.owner?.id }))
      .sort((a, b) => a.e164.localeCompare(b.e164));
  }

  // ---- Users

  async listUsers(filter: UserFilter = {}): Promise<User[]> {
    const [people, invited] = await Promise.all([this.client.list<WebexPerson>('/people', { callingData: true, max: 100 }), this.invitedAt()]);
    return people
      .map((p) => this.userOf(p, invited))
      .filter((u) => (filter.status === undefined || u.status === filter.status) && (filter.locationId === undefined || u.locationId === filter.locationId))
      .sort(byUserName);
  }

  async getUser(id: string): Promise<User | undefined> {
    const person = await this.personOf(id);
    return person && this.userOf(person, await this.invitedAt());
  }

  private async personOf(id: string): Promise<WebexPerson | undefined> {
    const answer = await this.client.request<WebexPerson>('GET', `/people/${encodeURIComponent(id)}`, { query: { callingData: true }, accept: [404, 400] });
    return answer.status === 200 && answer.body?.id ? answer.body : undefined;
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    const person = await this.lookupPerson(email);
    return person && this.userOf(person, await this.invitedAt());
  }

  private async lookupPerson(email: string): Promise<WebexPerson | undefined> {
    const answer = await this.client.request<{ items?: WebexPerson[] }>('GET', '/people', { query: { email: email.trim(), callingData: true } });
    return answer.body?.items?.find((p) => p.emails?.some((e) => emailKey(e) === emailKey(email)));
  }

  /** The org as the rules need it; `locationIds` names the number pools to read. */
  private async snapshot(locationIds: Array<string | undefined>, users?: User[]): Promise<OrgSnapshot> {
    const pools = [...new Set(locationIds.filter((id): id is string => !!id))];
    const [licenses, locations, everyone, numbers] = await Promise.all([
      this.listLicenses(),
      this.listLocations(),
      users ? Promise.resolve(users) : this.listUsers(),
      Promise.all(pools.map((id) => this.listNumbers(id))),
    ]);
    const known = new Set(locations.map((l) => l.id));
    return { licenses, locations, users: everyone, numbers: numbers.flat().filter((n) => known.has(n.locationId)) };
  }

  async createUser(input: NewUser, ctx: WriteContext): Promise<User> {
    const org = await this.snapshot([input.locationId]);
    const licenseIds = [...new Set(input.licenseIds)];
    checkEmailFree(org, input.email);
    takeUnits(org, licenseIds);
    checkCalling(org, undefined, input);
    const user = await this.createPerson({ ...input, licenseIds });
    await this.audit(ctx, 'user.create', user.email, undefined, user);
    return user;
  }

  /**
   * POST /people, never repeated blindly: after a failure (a 400 included:
   * Webex may have created the person anyway) the person is looked up by
   * e-mail first; only when absent is a 5xx or a timeout tried again.
   */
  private async createPerson(input: NewUser): Promise<User> {
    const body = personBody(input);
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.client.request<WebexPerson>('POST', '/people', { query: { callingData: true }, body, idempotent: false });
        return this.userOf(answer.body, {});
      } catch (error) {
        if (!(error instanceof WebexApiError) || !['bad_request', 'server', 'timeout', 'network', 'conflict'].includes(error.kind)) throw error;
        if (error.kind === 'conflict' && attempt === 1) {
          throw new DirectoryError('email_taken', `E-mail ${input.email} is already used in Webex.`, { email: input.email });
        }
        const existing = await this.lookupPerson(input.email);
        if (existing) return this.completeCalling(this.userOf(existing, await this.invitedAt()), input);
        if (error.kind === 'bad_request' || attempt >= 3) throw error;
        await sleep(250 * attempt);
      }
    }
  }

  /** A person created by a request that "failed": gives them what the request asked and they lack. */
  private async completeCalling(user: User, input: NewUser): Promise<User> {
    const missing = input.licenseIds.filter((id) => !user.licenseIds.includes(id));
    const callingMissing = (input.phoneNumber && user.phoneNumber !== input.phoneNumber) || (input.extension && user.extension !== input.extension);
    if (!missing.length && !callingMissing) return user;
    const licenses = await this.listLicenses();
    const calling = licenses.find((l) => l.calling && input.licenseIds.includes(l.id));
    const ops = missing.map((id) => ({ id, operation: 'add', ...(id === calling?.id && { properties: compact({ locationId: input.locationId, phoneNumber: input.phoneNumber, extension: input.extension }) }) }));
    if (calling && !missing.includes(calling.id)) {
      ops.push({ id: calling.id, operation: 'add', properties: compact({ locationId: input.locationId, phoneNumber: input.phoneNumber, extension: input.extension }) });
    }
    try {
      await this.client.request('PATCH', '/licenses/users', { body: { personId: user.id, licenses: ops }, idempotent: true });
    } catch (error) {
      if (!(error instanceof WebexApiError) || error.kind !== 'bad_request') throw error;
      // The person exists without what could not be given: the caller gets them as Webex holds them.
    }
    return (await this.getUser(user.id)) ?? user;
  }

  async assignCalling(userId: string, assignment: CallingAssignment, ctx: WriteContext): Promise<{ before: User; after: User }> {
    const before = await this.getUser(userId);
    if (!before) throw notFound('user', userId);
    const org = await this.snapshot([assignment.locationId], await this.listUsers({ locationId: assignment.locationId }));
    checkCalling(org, userId, assignment);
    const license = org.licenses.find((l) => l.calling && before.licenseIds.includes(l.id));
    if (!license) throw new DirectoryError('not_supported', `${before.displayName} has no Webex Calling licence: give one first.`, { userId });
    const properties = compact({ locationId: assignment.locationId, phoneNumber: assignment.phoneNumber, extension: assignment.extension });
    await this.client.request('PATCH', '/licenses/users', { body: { personId: userId, licenses: [{ id: license.id, operation: 'add', properties }] }, idempotent: true });
    const after = (await this.getUser(userId)) ?? { ...before, ...properties };
    await this.audit(ctx, 'user.assignCalling', before.email, before, after);
    return { before, after };
  }

  async deleteUser(userId: string, ctx: WriteContext): Promise<User> {
    const user = await this.getUser(userId);
    if (!user) throw notFound('user', userId);
    // A repeated DELETE whose first answer was lost finds nobody: that is the wanted end.
    await this.client.request('DELETE', `/people/${encodeURIComponent(userId)}`, { idempotent: true, accept: [404] });
    await this.audit(ctx, 'user.delete', user.email, user);
    return user;
  }

  async applyUserChanges(changes: UserChanges, ctx: WriteContext, ending?: ImportEnding): Promise<UserChangesResult> {
    const locations = [...changes.create, ...changes.update].map((u) => u.locationId);
    const org = await this.snapshot(locations);
    // Every rule on the batch as a whole first: nothing is written when one breaks.
    for (const after of changes.update) {
      const before = org.users.find((u) => u.id === after.id);
      if (!before) throw notFound('user', after.id);
      if (emailKey(before.email) !== emailKey(after.email)) checkEmailFree(org, after.email, after.id);
      takeUnits(org, after.licenseIds.filter((id) => !before.licenseIds.includes(id)));
      checkCalling(org, after.id, after);
      placeUser(org, after);
    }
    for (const input of changes.create) {
      checkEmailFree(org, input.email);
      takeUnits(org, [...new Set(input.licenseIds)]);
      checkCalling(org, undefined, input);
      placeUser(org, { ...input, id: `new:${input.email}`, displayName: '', status: 'pending', licenseIds: input.licenseIds, createdAt: '' });
    }
    const invited = await this.invitedAt();
    const updates = changes.update.map(async (user) => {
      const answer = await this.client.request<WebexPerson>('PUT', `/people/${encodeURIComponent(user.id)}`, { query: { callingData: true }, body: personBody(user), idempotent: true });
      return this.userOf(answer.body, invited);
    });
    const creates = changes.create.map((input) => this.createPerson({ ...input, licenseIds: [...new Set(input.licenseIds)] }));
    const [updated, created] = await Promise.all([Promise.allSettled(updates), Promise.allSettled(creates)]);
    const done = (results: PromiseSettledResult<User>[]) => results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const result = { created: done(created), updated: done(updated) };
    if (result.created.length || result.updated.length) {
      await this.audit(ctx, 'users.import', 'users', undefined, { created: result.created.map((u) => u.email), updated: result.updated.map((u) => u.email) });
    }
    const failure = [...created, ...updated].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    const job = ending && (await this.endJob(ending));
    return { ...result, ...(job && { job }) };
  }

  async markInvited(userIds: string[], at: string, ctx: WriteContext): Promise<void> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return;
    const invited = await this.invitedAt();
    const people = await Promise.all(ids.map(async (id) => (await this.personOf(id)) ?? Promise.reject(notFound('user', id))));
    const users = people.map((person) => this.userOf(person, invited));
    const entry = auditEntry(
      {
        ctx,
        action: 'user.invite',
        target: users.map((u) => u.email).join(', '),
        before: users.map(({ email, invitedAt }) => compact({ email, invitedAt })),
        after: users.map(({ email }) => ({ email, invitedAt: at })),
      },
      this.nowIso(),
    );
    // The mark and its audit entry in one write of the shared document.
    await this.commit((data) => {
      for (const id of ids) data.invitedAt[id] = at;
      data.audit.push(entry);
    });
  }

  async activateUser(): Promise<User> {
    throw new DirectoryError('not_supported', 'Webex users activate their account themselves, from the Webex activation e-mail.');
  }

  sendActivationEmails(ctx: WriteContext): Promise<ActivationJobOutcome> {
    return runActivationJob(this.client, this.orgUuid, { pollMs: this.options.jobPollMs ?? 2000, maxWaitMs: this.options.jobMaxWaitMs ?? 600_000 }).then(
      async (outcome) => {
        await this.audit(ctx, 'users.activationJob', outcome.jobId, undefined, outcome.counts);
        return outcome;
      },
    );
  }

  // ---- Contacts

  async listContacts(): Promise<Contact[]> {
    const search = (start: number) =>
      this.client.request<{ result?: WebexContact[]; total?: number }>('GET', `${this.contactsBase}/contacts/search`, { query: { keyword: '', limit: SEARCH_PAGE, start } });
    const first = (await search(0)).body;
    const items = [...(first?.result ?? [])];
    const total = first?.total ?? items.length;
    const starts: number[] = [];
    for (let start = items.length; items.length && start < total; start += SEARCH_PAGE) starts.push(start);
    for (const page of await Promise.all(starts.map(search))) items.push(...(page.body?.result ?? []));
    // Pages read while others write may overlap: one contact per id.
    return [...new Map(items.map((c) => [c.contactId, contactOf(c)])).values()];
  }

  async getContact(id: string): Promise<Contact | undefined> {
    const answer = await this.client.request<WebexContact>('GET', `${this.contactsBase}/contacts/${encodeURIComponent(id)}`, { accept: [404] });
    return answer.status === 200 && answer.body?.contactId ? contactOf(answer.body) : undefined;
  }

  applyContactChanges(changes: ContactChanges, ctx: WriteContext, ending?: ImportEnding): Promise<ContactChangesResult> {
    const run = this.contactWrites.then(async () => {
      const current = new Map((await this.listContacts()).map((c) => [c.id, c]));
      const byEmail = new Map<string, string>();
      for (const c of current.values()) if (c.email) byEmail.set(emailKey(c.email), c.id);
      // Webex has no list for us: a contact keeps the group ids it already had, and gains none.
      checkContactChanges(changes, current, (email) => byEmail.get(email), (groupId, id) => (current.get(id)?.groupIds ?? []).includes(groupId));
      const deleted = [...new Set(changes.delete)];
      const outcome = await this.writer.write(changes.create, changes.update, deleted, new Set(current.keys()));
      const { created, updated, failed } = outcome;
      const writes = created.length + updated.length + outcome.deleted.length > 0;
      if (writes) await this.record(contactsAudit(ctx, !!ending, { created, updated, deleted: outcome.deleted }, current));
      const counts = ending && {
        ...ending.counts,
        created: ending.counts.created - failed.filter((f) => f.kind === 'create').length,
        updated: ending.counts.updated - failed.filter((f) => f.kind === 'update').length,
        failed: ending.counts.failed + failed.length,
      };
      const job = ending && counts && (await this.endJob({ jobId: ending.jobId, counts }));
      return { created, updated, deleted: outcome.deleted, ...(job && { job }), ...(failed.length && { failed }) };
    });
    this.contactWrites = run.catch(() => undefined);
    return run;
  }

  // ---- Distribution lists: no Webex API

  async listDistributionLists(): Promise<DistributionList[]> {
    return [];
  }

  async createDistributionList(): Promise<DistributionList> {
    throw new DirectoryError('not_supported', LISTS_NEED_EMBEDDED);
  }

  async updateDistributionList(): Promise<DistributionList> {
    throw new DirectoryError('not_supported', LISTS_NEED_EMBEDDED);
  }

  async changeListMembers(): Promise<never> {
    throw new DirectoryError('not_supported', LISTS_NEED_EMBEDDED);
  }

  async deleteDistributionList(): Promise<void> {
    throw new DirectoryError('not_supported', LISTS_NEED_EMBEDDED);
  }

  // ---- Import jobs and audit (local)

  /** One import at a time per org, across instances: the job and its lock are written together, or import_running. */
  async createImportJob(input: NewImportJob): Promise<ImportJob> {
    const startedAt = this.nowIso();
    const job = await this.commit((data, now) => {
      endAbandonedImports(data, now);
      const started = startImportJob(data.importJobs, input, startedAt);
      data.importJobs.push(started);
      data.importLock = this.locks.lockFor(started.id, now);
      return started;
    });
    this.locks.keep(job.id);
    return clone(job);
  }

  /** A job that leaves "running" gives its lock back in the same write. */
  async updateImportJob(id: string, patch: Partial<Omit<ImportJob, 'id'>>): Promise<ImportJob> {
    return this.commit((data) => {
      const job = data.importJobs.find((j) => j.id === id);
      if (!job) throw notFound('import job', id);
      const updated: ImportJob = compact({ ...job, ...clone(patch), id });
      data.importJobs = data.importJobs.map((j) => (j.id === id ? updated : j));
      if (updated.status !== 'running') this.locks.release(data, id);
      return clone(updated);
    });
  }

  private endJob({ jobId, counts }: ImportEnding): Promise<ImportJob> {
    return this.updateImportJob(jobId, { status: 'done', endedAt: this.nowIso(), counts: { ...counts } });
  }

  /** Newest first; an import whose instance stopped shows as interrupted once its lock has expired. */
  async listImportJobs(): Promise<ImportJob[]> {
    return (await this.local()).importJobs.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async listAudit(since?: string): Promise<AuditEntry[]> {
    const entries = (await this.local()).audit.filter((e) => since === undefined || e.at >= since);
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  }

  async close(): Promise<void> {
    await this.contactWrites;
    await this.pending;
    this.locks.close();
  }
}

