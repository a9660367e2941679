import { nestsAtMost } from '../../src/http/activityGate';
import { own } from '../../src/domain/own';
import { shortQuote, unsafeCharacter, valueIssue, visibleControls } from '../../src/domain/typedText';

describe('what a person may type', () => {
  test.each([
    ['Jean', false, undefined],
    ['Jean\u001b[31m', false, { position: 5, code: 'U+001B' }],
    ['\u202Etxt', false, { position: 1, code: 'U+202E' }],
    ['12 rue\nBâtiment B', false, { position: 7, code: 'U+000A' }],
    ['12 rue\nBâtiment B', true, undefined],
    ['a\u0000b', true, { position: 2, code: 'U+0000' }],
    ['Ahmed \u200Fمحمد', false, undefined],
  ])('%j (multiline %p) holds the unsafe character %p', (value, multiline, expected) => {
    expect(unsafeCharacter(value, multiline)).toEqual(expected);
  });

  test('a name may not hold a line break, an address may; both are limited to 255 characters', () => {
    expect(valueIssue('displayName', 'A\nB')).toMatchObject({ code: 'unsafe_character' });
    expect(valueIssue('street', 'A\nB')).toBeUndefined();
    expect(valueIssue('street', 'x'.repeat(256))).toEqual({ code: 'value_too_long', details: { length: 256, max: 255 } });
  });

  test('controls are shown, never sent raw', () => {
    expect(visibleControls('a\u001b[2Jb\u202E')).toBe('a\\u001b[2Jb\\u202e');
  });

  test('a message not understood is quoted by its first line, cut at 60 characters', () => {
    expect(shortQuote('fais-moi un café')).toBe('fais-moi un café');
    expect(shortQuote(`${'x'.repeat(100)}`)).toBe(`${'x'.repeat(60)}…`);
    expect(shortQuote('Display Name,Email\nJean,j@x.fr')).toBe('Display Name,Email…');
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s is no entry of a table', (key) => {
    expect(own({ add: 1 }, key)).toBeUndefined();
  });

  test('nesting is measured outside strings', () => {
    expect(nestsAtMost('{"a":[{"b":"[[[[[["}]}', 3)).toBe(true);
    expect(nestsAtMost('[[[[1]]]]', 3)).toBe(false);
    expect(nestsAtMost('{"a":"\\"[[[["}', 1)).toBe(true);
  });
});
