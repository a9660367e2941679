import type { Command } from 'commander';
import type { Messages } from '../i18n';
import type { InvitationResult, InvitationService } from '../services/invitationService';
import type { WriteContext } from '../domain/types';
import { print, withServices } from './common';

/** Some invitations could not be sent: exit 1, after the report (or the JSON) on stdout. */
export class InvitationsFailed extends Error {}

/** The CLI contract: counts, then the failures with their reason. */
function invitationsJson(m: Messages, result: InvitationResult) {
  return {
    sent: result.sent,
    skipped: result.skipped,
    failed: result.failed,
    errors: result.users.failed.map((u) => ({ email: u.email, code: u.code, message: failureText(m, u, result.maxPerSend) })),
  };
}

function failureText(m: Messages, u: InvitationResult['users']['failed'][number], maxPerSend: number): string {
  const r = m.invitations.reasons;
  return u.code === 'send_failed' ? r.send_failed(u.message) : u.code === 'over_limit' ? r.over_limit(maxPerSend) : r.user_not_found();
}

function invitationsLines(m: Messages, result: InvitationResult): string[] {
  const t = m.invitations;
  const { sent, skipped, failed } = result.users;
  const counts = { sent: sent.length, skipped: skipped.length, failed: failed.length, recentOnly: skipped.every((s) => s.reason === 'recently_invited') };
  return [
    result.dryRun ? t.dryRunSummary(counts) : `${t.resultTitle}: ${t.summary(counts)}`,
    ...sent.map((u) => (result.dryRun ? t.cliLine.wouldSend(u.email) : t.cliLine.sent(u.email))),
    ...skipped.map((u) => t.cliLine.skipped(u.email, u.reason === 'recently_invited' ? t.reasons.recently_invited(u.invitedAt) : t.reasons.already_active())),
    ...failed.map((u) => t.cliLine.failed(u.email || u.id, failureText(m, u, result.maxPerSend))),
  ];
}

/** Sends the invitation of one user just created (`users add`); never throws: the user exists either way. */
export async function inviteCreatedUser(m: Messages, invitations: InvitationService, userId: string, ctx: WriteContext) {
  let result: InvitationResult;
  try {
    result = await invitations.send({ userIds: [userId] }, ctx);
  } catch {
    return { status: 'failed' as const, code: 'send_failed' as const, message: m.invitations.reasons.send_failed() };
  }
  if (result.sent) return { status: 'sent' as const };
  const failed = result.users.failed[0];
  if (failed) return { status: 'failed' as const, code: failed.code, message: failureText(m, failed, result.maxPerSend) };
  return { status: 'skipped' as const, code: result.users.skipped[0]?.reason ?? 'already_active' };
}

export function registerInvitationsCommands(program: Command): void {
  const invitations = program.command('invitations').description('send the invitation e-mails of the users who have not activated their account');

  invitations
    .command('send')
    .description(
      'send an invitation to every pending user, except those invited less than 24 hours ago (exit 1 when one could not be sent)',
    )
    .option('--dry-run', 'say who would get an invitation, without sending anything')
    .action((opts: { dryRun?: boolean }, command: Command) =>
      withServices(async ({ invitations: service }, ctx, m) => {
        const result = await service.send({ dryRun: opts.dryRun === true }, ctx);
        print(command, invitationsJson(m, result), () => invitationsLines(m, result));
        if (result.failed) throw new InvitationsFailed(m.invitations.cliFailed(result.failed));
      }),
    );
}
