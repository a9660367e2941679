import { ALL_MENU_ACTIONS, MENU_GROUPS, menuCard, type MenuAction } from '../../cards/menuCard';
import { mayUse } from '../../src/domain/access';
import { messages, type Messages } from '../../src/i18n';
import { cardButtons, cardElements, cardTexts, validateCard } from '../helpers/cardSchema';

const HELPDESK = ALL_MENU_ACTIONS.filter((action) => mayUse('helpdesk', action));

const cases: Array<[string, (m: Messages) => ReturnType<typeof menuCard>, readonly MenuAction[], (m: Messages) => string[]]> = [
  ['the admin menu', (m) => menuCard(m), ALL_MENU_ACTIONS, () => []],
  ['the help-desk menu', (m) => menuCard(m, HELPDESK), HELPDESK, () => []],
  ['the welcome menu', (m) => menuCard(m, ALL_MENU_ACTIONS, m.welcome), ALL_MENU_ACTIONS, (m) => [m.welcome.title, m.welcome.body]],
  ['a menu with no allowed action', (m) => menuCard(m, []), [], () => []],
];

describe.each(['fr', 'en'] as const)('menu card (%s)', (locale) => {
  const m = messages(locale);

  test.each(cases)('%s is a valid Adaptive Card 1.3', (_name, build) => {
    expect(validateCard(build(m))).toEqual([]);
  });

  test.each(cases)('%s shows its intro, then the title and subtitle', (_name, build, _allowed, intro) => {
    expect(cardTexts(build(m))).toEqual([...intro(m), m.menu.title, m.menu.subtitle]);
  });

  test.each(cases)('%s offers only the allowed actions, each button sending its action', (_name, build, allowed) => {
    const expected = MENU_GROUPS.flat()
      .filter((action) => allowed.includes(action))
      .map((action) => ({ title: m.menu.actions[action], data: { action } }));
    expect(cardButtons(build(m))).toEqual(expected);
  });

  test.each(cases)('%s keeps one button row per group that has an allowed action', (_name, build, allowed) => {
    const rows = cardElements(build(m), 'ActionSet').map((set) => (set.actions as Array<{ data: { action: string } }>).map((a) => a.data.action));
    expect(rows).toEqual(MENU_GROUPS.map((group) => group.filter((action) => allowed.includes(action))).filter((group) => group.length));
  });
});
