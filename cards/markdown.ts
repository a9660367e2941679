/**
 * Values inside markdown. Teams, Web Chat and the Webex app render a subset of
 * markdown in TextBlock texts and Fact values (and Teams, Web Chat and Webex
 * in a message's text too), so a name typed as `**Bold** [link](http://…)`
 * would show bold, or as a link. The catalogue's own sentences use markdown on
 * purpose (`**${name}**`); a value put into them never does: escape the value,
 * never the whole text.
 *
 * The rule, CommonMark's: a backslash before an ASCII punctuation character
 * makes it a literal character (the backslash is not shown). Only the
 * characters that can take effect where they stand are escaped, so that the
 * text stays readable where a client shows the backslashes (older Teams
 * mobile clients did) and in the card's JSON:
 * - anywhere: \ ` * [ ] | ~ (code, emphasis, links and images, tables,
 *   strikethrough);
 * - `_` unless it stands between two letters or digits (`jean_marc@…`
 *   cannot emphasise anything there, and escaping it would split the e-mail
 *   address a client links);
 * - `<` before a letter, `/`, `!` or `?` (an autolink `<http://…>` or HTML);
 * - `&` starting a character reference (`&lt;` `&#91;` would show another character);
 * - a `/` before another (`http://…`, `//host`: what clients turn into a link
 *   by themselves, markdown or not);
 * - `{{` (Adaptive Cards' `{{DATE(…)}}` / `{{TIME(…)}}` functions);
 * - at the start of the value or of a line in it (the value may start a line
 *   of the text): `#` of a heading, `>` of a quote, `-` `+` of a list item, a
 *   line of `-` or `=` (a rule or a heading's underline), `1.` `1)` of a
 *   numbered list.
 * So `Jean-Marc`, `Dupont (IT)`, `St. Louis`, `+33 1 42 68 01 00`, `Hello!`
 * and e-mail addresses come back unchanged.
 *
 * Only for text that is shown as markdown: TextBlock texts, Fact values,
 * message texts, and the titles of an expanded Input.ChoiceSet's choices (the
 * Adaptive Cards JS renderer, in Web Chat and the Agents Playground, renders
 * those radio and checkbox labels as markdown too:
 * GlobalSettings.useMarkdownInRadioButtonAndCheckbox). Never for a button's
 * or a compact (drop-down) choice's title (plain text everywhere), an Input's
 * `value` or an Action.Submit's `data` (they come back to the bot as data).
 * Escape a value once: a value escaped twice shows its backslashes.
 */
export function escapeMarkdown(value: string): string {
  return value
    .split(/(\r\n|\n|\r)/)
    .map((part, i) => (i % 2 ? part : escapeLine(part)))
    .join('');
}

/** Each string of a record escaped (numbers kept): the details of a rule error put into a message. */
export function escapeValues<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value === 'string' ? escapeMarkdown(value) : value])) as T;
}

const WORD = /[\p{L}\p{N}]/u;
const ALWAYS = new Set(['\\', '`', '*', '[', ']', '|', '~']);
/** What makes a line a heading, a quote, a list item, a rule or a heading's underline (after its indentation). */
const LINE_START = /^[ \t]*(?:(#)#{0,5}(?=[ \t]|$)|(>)|([-+])(?=[ \t]|$)|(-)-*[ \t]*$|(=)=*[ \t]*$|\d{1,9}([.)])(?=[ \t]|$))/;
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

function escapeLine(line: string): string {
  const start = LINE_START.exec(line);
  // The one character of the line's start to escape: the marker is the last character matched, or the first of a run.
  const marker = start ? lineStartMarker(start) : -1;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    if (i === marker || needsEscape(line, i)) out += '\\';
    out += line[i];
  }
  return out;
}

function lineStartMarker(match: RegExpExecArray): number {
  const text = match[0];
  const group = match.slice(1).findIndex((g) => g !== undefined);
  // Numbered list: the "." or ")" ends the match; the other markers are the first non-blank character.
  if (group === 5) return text.length - 1;
  return text.length - text.trimStart().length;
}

function needsEscape(line: string, i: number): boolean {
  const c = line[i];
  if (ALWAYS.has(c)) return true;
  const before = line[i - 1] ?? '';
  const after = line[i + 1] ?? '';
  switch (c) {
    case '_':
      return !(WORD.test(before) && WORD.test(after));
    case '<':
      return /[A-Za-z/!?]/.test(after);
    case '&':
      return CHARACTER_REFERENCE.test(line.slice(i, i + 40));
    case '/':
      return after === '/';
    case '{':
      return after === '{' || before === '{';
    default:
      return false;
  }
}
