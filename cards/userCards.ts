import type { Messages } from '../src/i18n';
import type { UserView } from '../src/domain/views';
import { actionSet, adaptiveCard, type AdaptiveCard, cancelButton, type CardElement, facts, heading, submit, text } from './adaptive';
import { resendButton } from './invitationCards';
import { escapeMarkdown } from './markdown';

export interface Choice {
  title: string;
  data: Record<string, unknown>;
}

/** A question answered by clicking one button (typing the answer works too). */
export function choiceCard(question: string, choices: Choice[], note?: string): AdaptiveCard {
  const body: CardElement[] = [text(question, { weight: 'Bolder' })];
  if (note) body.push(text(note, { isSubtle: true }));
  body.push(...buttonRows(choices.map((c) => submit(c.title, c.data))));
  return adaptiveCard(body);
}

/** Teams shows at most 6 buttons per set, and the Adaptive Cards renderers 5: long lists go on several rows. */
function buttonRows(buttons: CardElement[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < buttons.length; i += 5) rows.push(actionSet(buttons.slice(i, i + 5)));
  return rows;
}

export interface LicenseOption {
  id: string;
  title: string;
}

/** One click for one licence, or tick several and Continue. */
export function licenseCard(m: Messages, options: LicenseOption[]): AdaptiveCard {
  const body = [text(m.addUser.askLicenses, { weight: 'Bolder' })];
  body.push(...buttonRows(options.map((o) => submit(o.title, { action: 'licenses', licenseIds: o.id }))));
  // A choice set needs at least one choice (Adaptive Cards refuses an empty one).
  if (options.length) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'licenseIds',
      isMultiSelect: true,
      style: 'expanded',
      // An expanded choice's title is markdown in the JS renderer (see cards/markdown.ts).
      choices: options.map((o) => ({ title: escapeMarkdown(o.title), value: o.id })),
    });
  }
  body.push(actionSet([submit(m.addUser.continue, { action: 'licenses' }, 'positive')]));
  return adaptiveCard(body);
}

/** Active; pending with the date of the last invitation; or pending, invitation not sent yet. */
export function statusText(m: Messages, user: Pick<UserView, 'status' | 'invitedAt'>): string {
  if (user.status === 'active') return m.common.statusActive;
  return user.invitedAt ? m.invitations.statusInvited(user.invitedAt) : m.common.statusPending;
}

export function userFacts(m: Messages, user: Omit<UserView, 'id' | 'status'> & { status?: UserView['status'] }): CardElement {
  const c = m.common;
  const rows: Array<[string, string]> = [
    [c.name, user.name],
    [c.email, user.email],
    [c.licenses, user.licenses.join(', ') || c.noneValue],
  ];
  if (user.location) rows.push([c.location, user.location]);
  if (user.location || user.number) rows.push([c.number, user.number ?? c.noneValue]);
  if (user.location || user.extension) rows.push([c.extension, user.extension ?? c.noneValue]);
  if (user.status) rows.push([c.status, statusText(m, { status: user.status, invitedAt: user.invitedAt })]);
  return facts(rows);
}

export function confirmCard(m: Messages, title: string, details: CardElement[], confirmTitle = m.common.confirm): AdaptiveCard {
  return adaptiveCard(
    [heading(title), ...details],
    [
      submit(confirmTitle, { action: 'confirm' }, 'positive'),
      submit(m.common.change, { action: 'change' }),
      cancelButton(m),
    ],
  );
}

/** A user's facts under a title; `note` (e.g. what became of the invitation) goes under the facts. */
export function userCard(m: Messages, title: string, user: UserView, actions: CardElement[] = [], note?: string): AdaptiveCard {
  return adaptiveCard([heading(title), userFacts(m, user), ...(note ? [text(note)] : [])], actions);
}

export function beforeAfterCard(m: Messages, title: string, before: UserView, after: UserView): AdaptiveCard {
  return adaptiveCard([
    heading(title),
    text(m.common.before, { weight: 'Bolder' }),
    userFacts(m, { ...before, status: undefined }),
    text(m.common.after, { weight: 'Bolder' }),
    userFacts(m, { ...after, status: undefined }),
  ]);
}

export function deleteConfirmCard(m: Messages, user: UserView): AdaptiveCard {
  const removed = [
    user.licenses.length ? m.deleteUser.removesLicenses(escapeMarkdown(user.licenses.join(', '))) : undefined,
    user.number ? m.deleteUser.freesNumber(escapeMarkdown(user.number)) : undefined,
    user.extension ? m.deleteUser.freesExtension(escapeMarkdown(user.extension)) : undefined,
  ].filter((line): line is string => Boolean(line));
  return adaptiveCard(
    [heading(m.deleteUser.confirmTitle(escapeMarkdown(user.name))), userFacts(m, user), text(m.deleteUser.willRemove), text(removed.map((r) => `- ${r}`).join('\n'))],
    [submit(m.deleteUser.delete, { action: 'confirm' }, 'destructive'), cancelButton(m)],
  );
}

export function userListCard(
  m: Messages,
  users: UserView[],
  page: { index: number; count: number; total: number; filter: string; nextData?: Record<string, unknown> },
): AdaptiveCard {
  const body: CardElement[] = [heading(m.listUsers.title(page.total, escapeMarkdown(page.filter)))];
  if (!users.length) body.push(text(m.listUsers.empty));
  for (const u of users) {
    const status = u.status === 'active' ? m.common.statusActive : m.common.statusPendingShort;
    const calling = [u.location && escapeMarkdown(u.location), u.number && escapeMarkdown(u.number), u.extension && `${m.common.extension} ${escapeMarkdown(u.extension)}`]
      .filter(Boolean)
      .join(' · ');
    body.push(text(`**${escapeMarkdown(u.name)}** — ${escapeMarkdown(u.email)} — ${status}${calling ? `\n\n${calling}` : ''}`, { separator: true }));
    if (u.status === 'pending') body.push(actionSet([resendButton(m, u.id)]));
  }
  if (page.count > 1) body.push(text(m.listUsers.page(page.index + 1, page.count), { isSubtle: true }));
  body.push(text(m.listUsers.filterHelp, { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body, page.nextData ? [submit(m.listUsers.next, page.nextData)] : []);
}
