import type { Directory } from '../directory/directory';
import { DirectoryError } from '../directory/directory';
import type { User, WriteContext } from '../domain/types';
import { displayNameOf } from '../domain/users';
import type { InvitationFailure, InvitationResult, InvitedUser } from '../domain/invitations';
import { invitationMessage, mailErrorText, type Mailer } from '../platform/mail/invitationMail';
import type { ActivationLinks, ActivationProblem } from './activationLinks';

/** Webex does not resend to a user invited in the last 24 hours; neither do we. */
export const RESEND_DELAY_MS = 24 * 60 * 60 * 1000;
/** At most this many e-mails per sending; the others wait for the next one. */
export const DEFAULT_MAX_PER_SEND = 1000;

export type { InvitationError, InvitationFailure, InvitationResult, InvitedUser, SkipReason } from '../domain/invitations';

export interface SendRequest {
  /** These users only (a "resend" button); all the pending users when absent. */
  userIds?: string[];
  dryRun?: boolean;
}

export type ActivationCheck = { ok: true; user: User } | { ok: false; reason: ActivationProblem | 'user_gone' };
export type ActivationOutcome = { ok: true; user: User; alreadyActive: boolean } | { ok: false; reason: ActivationProblem | 'user_gone' };

export interface InvitationServiceOptions {
  links: ActivationLinks;
  mailer: Mailer;
  /** Sender of the e-mails (MAIL_FROM). */
  from: string;
  /** The bot's public address: activation links start with it. */
  baseUrl: () => string;
  now?: () => Date;
  maxPerSend?: number;
}

const summary = (user: User): InvitedUser => ({ id: user.id, email: user.email, name: displayNameOf(user) });

/**
 * Invitations of the embedded backend: an e-mail per pending user with a
 * single-use, expiring activation link; the link, followed on the bot's
 * activation page, makes the user active.
 */
export class InvitationService {
  private readonly now: () => Date;
  private readonly maxPerSend: number;
  /** Sendings run one at a time, so that two admins never invite the same user twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly directory: Directory,
    private readonly options: InvitationServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.maxPerSend = options.maxPerSend ?? DEFAULT_MAX_PER_SEND;
  }

  /** Days an activation link stays valid. */
  get linkTtlDays(): number {
    return Math.round(this.options.links.ttlMs / (24 * 60 * 60 * 1000));
  }

  /** Users who have not activated their account (the directory's order: by last name). */
  listPending(): Promise<User[]> {
    return this.directory.listUsers({ status: 'pending' });
  }

  send(request: SendRequest, ctx: WriteContext): Promise<InvitationResult> {
    const run = this.queue.then(() => this.sendNow(request, ctx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async sendNow(request: SendRequest, ctx: WriteContext): Promise<InvitationResult> {
    const dryRun = request.dryRun === true;
    const result: InvitationResult = {
      dryRun,
      sent: 0,
      skipped: 0,
      failed: 0,
      errors: [],
      users: { sent: [], skipped: [], failed: [] },
      maxPerSend: this.maxPerSend,
    };
    const fail = (user: InvitedUser, code: InvitationFailure, message?: string) => {
      result.users.failed.push({ ...user, code, ...(message !== undefined && { message }) });
      result.errors.push({ email: user.email, code, ...(message !== undefined && { message }) });
    };

    if (this.directory.sendActivationEmails) return this.sendThroughJob(request, ctx, result, fail);

    const candidates: User[] = [];
    if (request.userIds) {
      for (const id of [...new Set(request.userIds)]) {
        const user = await this.directory.getUser(id);
        if (user) candidates.push(user);
        else fail({ id, email: '', name: '' }, 'user_not_found');
      }
    } else {
      candidates.push(...(await this.listPending()));
    }

    const now = this.now();
    const eligible: User[] = [];
    for (const user of candidates) {
      if (user.status === 'active') result.users.skipped.push({ ...summary(user), reason: 'already_active' });
      else if (user.invitedAt && now.getTime() - Date.parse(user.invitedAt) < RESEND_DELAY_MS) {
        result.users.skipped.push({ ...summary(user), reason: 'recently_invited', invitedAt: user.invitedAt });
      } else eligible.push(user);
    }
    // Over the cap: those who never got an invitation first, then the longest waiting.
    eligible.sort((a, b) => (a.invitedAt ?? '').localeCompare(b.invitedAt ?? ''));
    for (const user of eligible.slice(this.maxPerSend)) fail(summary(user), 'over_limit');
    const batch = eligible.slice(0, this.maxPerSend);

    if (dryRun) result.users.sent.push(...batch.map(summary));
    else {
      const kept = new Map<string, string>();
      try {
        for (const user of batch) {
          const entry = await this.options.links.create(user.id);
          try {
            await this.options.mailer.send(invitationMessage(this.contentFor(user, entry.token, entry.expiresAt), this.options.from));
          } catch (error) {
            await this.options.links.revoke(entry.token);
            fail(summary(user), 'send_failed', mailErrorText(error));
            continue;
          }
          kept.set(user.id, entry.token);
          result.users.sent.push(summary(user));
        }
      } finally {
        // One write for the whole batch (even one cut short: those e-mails are gone), then older links stop working.
        if (kept.size) {
          await this.directory.markInvited([...kept.keys()], this.now().toISOString(), ctx);
          await this.options.links.supersede(kept);
        }
      }
    }
    result.sent = result.users.sent.length;
    result.skipped = result.users.skipped.length;
    result.failed = result.users.failed.length;
    return result;
  }

  /**
   * The webex backend: Webex sends the e-mails itself, through its org-wide
   * sendActivationEmails job, to every pending user it finds eligible (one
   * cannot pick users). The result takes the job's counts; its errors name
   * who was skipped (invited in the last 24 hours) or failed.
   */
  private async sendThroughJob(
    request: SendRequest,
    ctx: WriteContext,
    result: InvitationResult,
    fail: (user: InvitedUser, code: InvitationFailure, message?: string) => void,
  ): Promise<InvitationResult> {
    const pending = await this.listPending();
    for (const id of new Set(request.userIds ?? [])) {
      if (pending.some((u) => u.id === id)) continue;
      const user = await this.directory.getUser(id);
      if (!user) fail({ id, email: '', name: '' }, 'user_not_found');
      else if (user.status === 'active') result.users.skipped.push({ ...summary(user), reason: 'already_active' });
    }
    const localSkips = result.users.skipped.length;
    const now = this.now().getTime();
    if (result.dryRun) {
      for (const user of pending) {
        if (user.invitedAt && now - Date.parse(user.invitedAt) < RESEND_DELAY_MS) {
          result.users.skipped.push({ ...summary(user), reason: 'recently_invited', invitedAt: user.invitedAt });
        } else result.users.sent.push(summary(user));
      }
      return { ...result, sent: result.users.sent.length, skipped: result.users.skipped.length, failed: result.users.failed.length };
    }
    const outcome = await this.directory.sendActivationEmails!(ctx);
    const byEmail = new Map(pending.map((u) => [u.email.toLowerCase(), u]));
    const reported = new Set<string>();
    for (const error of outcome.errors) {
      const user = error.email ? byEmail.get(error.email.toLowerCase()) : undefined;
      const who = user ? summary(user) : { id: '', email: error.email ?? '', name: '' };
      if (user) reported.add(user.id);
      if (error.suppressed) result.users.skipped.push({ ...who, reason: 'recently_invited', ...(user?.invitedAt && { invitedAt: user.invitedAt }) });
      else fail(who, 'send_failed', `${error.code}: ${error.message}`);
    }
    const sent = outcome.counts.sent > 0 ? pending.filter((u) => !reported.has(u.id)) : [];
    result.users.sent.push(...sent.map(summary));
    if (sent.length) await this.directory.markInvited(sent.map((u) => u.id), this.now().toISOString(), ctx);
    return {
      ...result,
      sent: outcome.counts.sent,
      skipped: outcome.counts.skipped + localSkips,
      failed: outcome.counts.failed + (result.users.failed.length - outcome.errors.filter((e) => !e.suppressed).length),
    };
  }

  private contentFor(user: User, token: string, expiresAt: string) {
    return {
      email: user.email,
      firstName: user.firstName,
      displayName: displayNameOf(user),
      link: `${this.options.baseUrl()}/activate/${token}`,
      expiresAt,
    };
  }

  /** The user a link would activate, or why it would not (the page shown before the click). */
  async check(token: string): Promise<ActivationCheck> {
    const found = await this.options.links.check(token);
    if (!found.ok) return found;
    const user = await this.directory.getUser(found.entry.userId);
    return user ? { ok: true, user } : { ok: false, reason: 'user_gone' };
  }

  /** Follows a link: uses it up and makes its user active. */
  async activate(token: string): Promise<ActivationOutcome> {
    const found = await this.options.links.redeem(token);
    if (!found.ok) return found;
    const user = await this.directory.getUser(found.entry.userId);
    if (!user) return { ok: false, reason: 'user_gone' };
    if (user.status === 'active') return { ok: true, user, alreadyActive: true };
    const ctx: WriteContext = { actor: { id: `activation:${user.id}`, name: displayNameOf(user), role: 'invitee' }, flow: 'activation' };
    try {
      return { ok: true, user: await this.directory.activateUser(user.id, ctx), alreadyActive: false };
    } catch (error) {
      if (error instanceof DirectoryError && error.code === 'not_found') return { ok: false, reason: 'user_gone' };
      // Not the person's fault: the link works again once the directory does.
      await this.options.links.restore(token);
      throw error;
    }
  }
}
