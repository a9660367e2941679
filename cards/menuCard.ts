import type { Messages } from '../src/i18n';
import { actionSet, adaptiveCard, heading, submit, text, type AdaptiveCard } from './adaptive';

export type MenuAction = keyof Messages['menu']['actions'];

export const MENU_GROUPS: MenuAction[][] = [
  ['addUser', 'assignNumber', 'listUsers', 'deleteUser'],
  ['sendInvitations', 'importUsers'],
  ['importContacts', 'contacts', 'distributionLists'],
  ['audit', 'help'],
];

export const ALL_MENU_ACTIONS: readonly MenuAction[] = MENU_GROUPS.flat();

/** The menu, limited to the actions this person may use. */
export function menuCard(
  m: Messages,
  allowed: readonly MenuAction[] = ALL_MENU_ACTIONS,
  intro?: { title: string; body: string },
): AdaptiveCard {
  const body = intro ? [heading(intro.title), text(intro.body)] : [];
  body.push(heading(m.menu.title), text(m.menu.subtitle, { isSubtle: true }));
  for (const group of MENU_GROUPS) {
    const actions = group.filter((a) => allowed.includes(a)).map((a) => submit(m.menu.actions[a], { action: a }));
    if (actions.length) body.push(actionSet(actions));
  }
  return adaptiveCard(body);
}
