import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../platform/store/atomicWrite';

/** 24 random bytes in base64url: exactly 32 characters, 192 bits. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function isActivationToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export interface ActivationEntry {
  token: string;
  /** The one user this link activates. */
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  supersededAt?: string;
}

/** Why a link does not work: never existed, past its date, already followed, or replaced by a newer invitation. */
export type ActivationProblem = 'unknown' | 'expired' | 'used' | 'superseded';

export type ActivationLookup = { ok: true; entry: ActivationEntry } | { ok: false; reason: ActivationProblem };

export interface ActivationLinksOptions {
  ttlMs: number;
  now?: () => Date;
}

type State = 'live' | 'used' | 'superseded';
const SUFFIX: Record<State, string> = { live: '.json', used: '.used.json', superseded: '.superseded.json' };
/** Temp files a crash left behind are removed once this old. */
const ORPHAN_GRACE_MS = 10 * 60 * 1000;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Activation links of invitations, on disk so that they survive a restart:
 * `<token>.json` is a live link, `<token>.used.json` and
 * `<token>.superseded.json` remember why a link no longer works (until the
 * link would have expired, and as long again). Only a token matching
 * TOKEN_PATTERN ever reaches a path; the user id is data inside the file.
 */
export class ActivationLinks {
  private readonly now: () => Date;

  constructor(
    private readonly dir: string,
    private readonly options: ActivationLinksOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  /** A new live link for the user. Older links stay valid until `supersede` (after the new one was sent). */
  async create(userId: string): Promise<ActivationEntry> {
    if (typeof userId !== 'string' || !userId) throw new Error('ActivationLinks: a user id is required');
    const created = this.now();
    const entry: ActivationEntry = {
      token: randomBytes(24).toString('base64url'),
      userId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + this.options.ttlMs).toISOString(),
    };
    await fs.mkdir(this.dir, { recursive: true });
    await this.write(entry.token, 'live', entry);
    return entry;
  }

  /** What the link is worth now, without changing it (the page shown before the click). */
  async check(token: string): Promise<ActivationLookup> {
    if (!isActivationToken(token)) return { ok: false, reason: 'unknown' };
    const live = await this.load(token, 'live');
    if (live) return this.isExpired(live) ? { ok: false, reason: 'expired' } : { ok: true, entry: live };
    if (await this.load(token, 'used')) return { ok: false, reason: 'used' };
    if (await this.load(token, 'superseded')) return { ok: false, reason: 'superseded' };
    return { ok: false, reason: 'unknown' };
  }

  /** Uses the link up, exactly once even when two requests race (the second gets "used"). */
  async redeem(token: string): Promise<ActivationLookup> {
    const found = await this.check(token);
    if (!found.ok) return found;
    // The rename is atomic: only one caller moves the live file.
    try {
      await fs.rename(this.fileOf(token, 'live'), this.fileOf(token, 'used'));
    } catch (error) {
      if (isMissing(error)) return this.check(token);
      throw error;
    }
    const entry: ActivationEntry = { ...found.entry, usedAt: this.now().toISOString() };
    await this.write(token, 'used', entry);
    return { ok: true, entry };
  }

  /** Gives back a redeemed link whose activation could not be written (a transient failure). */
  async restore(token: string): Promise<void> {
    const used = await this.load(token, 'used');
    if (!used) return;
    const { usedAt: _usedAt, ...entry } = used;
    await this.write(token, 'live', entry);
    await fs.rm(this.fileOf(token, 'used'), { force: true });
  }

  /** Deletes a live link (its e-mail could not be sent). */
  async revoke(token: string): Promise<void> {
    if (!isActivationToken(token)) return;
    await fs.rm(this.fileOf(token, 'live'), { force: true });
  }

  /**
   * For each user, every live link but the one kept becomes "superseded":
   * a new invitation replaces the older ones. One pass over the folder for
   * the whole batch, which also sweeps what has outlived its use.
   */
  async supersede(keep: ReadonlyMap<string, string>): Promise<number> {
    const names = await this.names();
    const at = this.now().toISOString();
    let superseded = 0;
    for (const name of names) {
      const parsed = parseName(name);
      if (!parsed) continue;
      const entry = await this.load(parsed.token, parsed.state);
      if (!entry) continue;
      if (this.isStale(entry)) {
        await fs.rm(this.fileOf(parsed.token, parsed.state), { force: true });
        continue;
      }
      if (parsed.state !== 'live' || !keep.has(entry.userId) || keep.get(entry.userId) === entry.token) continue;
      try {
        await fs.rename(this.fileOf(entry.token, 'live'), this.fileOf(entry.token, 'superseded'));
      } catch (error) {
        if (isMissing(error)) continue; // used meanwhile
        throw error;
      }
      await this.write(entry.token, 'superseded', { ...entry, supersededAt: at });
      superseded++;
    }
    await this.removeOrphans(names);
    return superseded;
  }

  private async names(): Promise<string[]> {
    try {
      return await fs.readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  private async removeOrphans(names: string[]): Promise<void> {
    for (const name of names.filter((n) => n.endsWith('.tmp'))) {
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > ORPHAN_GRACE_MS) await fs.rm(file, { force: true });
    }
  }

  private isExpired(entry: ActivationEntry): boolean {
    const expires = Date.parse(entry.expiresAt);
    return !Number.isFinite(expires) || this.now().getTime() >= expires;
  }

  /** Kept a whole lifetime past expiry, so that a late click still hears why the link does not work. */
  private isStale(entry: ActivationEntry): boolean {
    const expires = Date.parse(entry.expiresAt);
    return !Number.isFinite(expires) || this.now().getTime() >= expires + this.options.ttlMs;
  }

  private async load(token: string, state: State): Promise<ActivationEntry | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(token, state), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      const entry = JSON.parse(text) as ActivationEntry;
      return entry && entry.token === token && typeof entry.userId === 'string' ? entry : undefined;
    } catch {
      return undefined; // a damaged file is treated as unknown
    }
  }

  private async write(token: string, state: State, entry: ActivationEntry): Promise<void> {
    await writeFileAtomic(this.fileOf(token, state), JSON.stringify(entry), 0o600);
  }

  /** Callers pass only tokens checked by isActivationToken (or just generated). */
  private fileOf(token: string, state: State): string {
    if (!isActivationToken(token)) throw new Error('ActivationLinks: invalid token');
    return path.join(this.dir, `${token}${SUFFIX[state]}`);
  }
}

function parseName(name: string): { token: string; state: State } | undefined {
  for (const state of ['used', 'superseded', 'live'] as const) {
    if (!name.endsWith(SUFFIX[state])) continue;
    const token = name.slice(0, -SUFFIX[state].length);
    // "abc.used.json" also ends with ".json": the longer suffixes are tried first.
    return isActivationToken(token) ? { token, state } : undefined;
  }
  return undefined;
}
