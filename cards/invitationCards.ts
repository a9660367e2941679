import type { Messages } from '../src/i18n';
import type { InvitationResult } from '../src/domain/invitations';
import { adaptiveCard, type AdaptiveCard, cancelButton, type CardElement, facts, heading, submit, text } from './adaptive';
import { escapeMarkdown } from './markdown';

/** The menu action that starts the invitations flow; with a userId, it resends to that user only. */
export const INVITATIONS_ACTION = 'sendInvitations';
export const INVITATIONS_SEND = 'confirm';
/** Names shown on the confirmation card before "…". */
export const MAX_NAMES = 10;
/** Lines per outcome on the result card before "… and N more". */
const MAX_LINES = 10;

/** "Resend the invitation" for one pending user. */
export function resendButton(m: Messages, userId: string): CardElement {
  return submit(m.invitations.resend, { action: INVITATIONS_ACTION, userId });
}

export interface InvitationsPreview {
  /** Every pending user, in the directory's order. */
  names: string[];
  /** How many of them were invited less than 24 h ago (they will be skipped). */
  recentlyInvited: number;
  linkTtlDays: number;
}

/** "3 users have not activated their account: …", the irreversibility note, Send / Cancel. */
export function invitationsConfirmCard(m: Messages, preview: InvitationsPreview): AdaptiveCard {
  const t = m.invitations;
  const shown = preview.names.slice(0, MAX_NAMES);
  const body: CardElement[] = [heading(t.confirmTitle(preview.names.length)), text(t.names(shown.map(escapeMarkdown), preview.names.length > shown.length))];
  if (preview.recentlyInvited) body.push(text(t.willSkip(preview.recentlyInvited), { isSubtle: true }));
  body.push(text(t.irreversible(preview.linkTtlDays), { weight: 'Bolder' }));
  return adaptiveCard(body, [submit(t.send, { action: INVITATIONS_SEND }, 'positive'), cancelButton(m)]);
}

function lines(m: Messages, items: string[]): CardElement[] {
  if (!items.length) return [];
  const shown = items.slice(0, MAX_LINES).map((line) => `- ${line}`);
  if (items.length > MAX_LINES) shown.push(m.invitations.andMore(items.length - MAX_LINES));
  return [text(shown.join('\n'))];
}

/** The reason a user was skipped or not sent, in the person's language. */
export function invitationReason(
  m: Messages,
  item: { reason: 'recently_invited' | 'already_active'; invitedAt?: string } | { code: 'send_failed' | 'user_not_found' | 'over_limit'; message?: string },
  maxPerSend = 0,
): string {
  const r = m.invitations.reasons;
  if ('reason' in item) return item.reason === 'recently_invited' ? r.recently_invited(item.invitedAt) : r.already_active();
  if (item.code === 'send_failed') return r.send_failed(item.message);
  if (item.code === 'over_limit') return r.over_limit(maxPerSend);
  return r.user_not_found();
}

/** Invitations — 2 sent · 1 skipped (already invited less than 24 h ago) · 0 failed, then who and why. */
export function invitationsResultCard(m: Messages, result: InvitationResult): AdaptiveCard {
  const t = m.invitations;
  const { sent, skipped, failed } = result.users;
  const counts = { sent: sent.length, skipped: skipped.length, failed: failed.length, recentOnly: skipped.every((s) => s.reason === 'recently_invited') };
  const body: CardElement[] = [heading(`${t.resultTitle} — ${t.summary(counts)}`)];
  body.push(facts([
    [t.sentTitle, String(counts.sent)],
    [t.skippedTitle, String(counts.skipped)],
    [t.failedTitle, String(counts.failed)],
  ]));
  const named = (u: { name: string; email: string }) => `${escapeMarkdown(u.name)} — ${escapeMarkdown(u.email)}`;
  if (sent.length) body.push(text(t.sentTitle, { weight: 'Bolder', separator: true }), ...lines(m, sent.map(named)));
  if (skipped.length) {
    body.push(text(t.skippedTitle, { weight: 'Bolder', separator: true }), ...lines(m, skipped.map((u) => `${named(u)}: ${escapeMarkdown(invitationReason(m, u))}`)));
  }
  if (failed.length) {
    const who = (u: (typeof failed)[number]) => (u.email ? named({ name: u.name, email: u.email }) : escapeMarkdown(u.id));
    // A reason may quote the mail server's answer (`<jdoe@example.com>: mailbox unavailable`).
    body.push(text(t.failedTitle, { weight: 'Bolder', separator: true }), ...lines(m, failed.map((u) => `${who(u)}: ${escapeMarkdown(invitationReason(m, u, result.maxPerSend))}`)));
  }
  const retryable = failed.filter((u) => u.code !== 'user_not_found');
  const actions =
    retryable.length === 1
      ? [submit(t.retry, { action: INVITATIONS_ACTION, userId: retryable[0].id })]
      : retryable.length
        ? [submit(t.retry, { action: INVITATIONS_ACTION })]
        : [];
  return adaptiveCard(body, actions);
}
