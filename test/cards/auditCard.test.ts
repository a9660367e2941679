import { auditCard } from '../../cards/auditCard';
import { messages } from '../../src/i18n';
import { cardTexts, validateCard } from '../helpers/cardSchema';

const lines = [
  { at: '21/11/2026 10:00', who: 'Alice', action: 'user.assignCalling', target: 'a@x', changes: [['phoneNumber', '+331', '+332']] as [string, string, string][] },
  { at: '21/11/2026 09:00', who: 'Bob', action: 'some.future', target: 'b@x', changes: [] },
];

describe.each(['fr', 'en'] as const)('audit card (%s)', (locale) => {
  const m = messages(locale);

  test('a valid Adaptive Card 1.3, with or without entries', () => {
    expect(validateCard(auditCard(m, lines, 40))).toEqual([]);
    expect(validateCard(auditCard(m, [], 0))).toEqual([]);
  });

  test('one line per write in words (unknown actions as they are), then its changes, then how to get the whole log', () => {
    expect(cardTexts(auditCard(m, lines, 40))).toEqual([
      m.audit.title(2, 40),
      m.audit.entry({ at: '21/11/2026 10:00', who: 'Alice', action: m.audit.actions['user.assignCalling'], target: 'a@x' }),
      m.audit.change('phoneNumber', '+331', '+332'),
      m.audit.entry({ at: '21/11/2026 09:00', who: 'Bob', action: 'some.future', target: 'b@x' }),
      m.audit.cliHint,
    ]);
  });

  test('an empty log says so', () => {
    expect(cardTexts(auditCard(m, [], 0))).toEqual([m.audit.empty, m.audit.cliHint]);
  });
});
