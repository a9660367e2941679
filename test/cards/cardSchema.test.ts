import { validateCard } from '../helpers/cardSchema';

const card = (body: unknown[], actions?: unknown[]) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.3',
  body,
  ...(actions && { actions }),
});
const text = (extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: 'Hello', ...extra });
const submit = (extra: Record<string, unknown> = {}) => ({ type: 'Action.Submit', title: 'OK', data: { action: 'ok' }, ...extra });

describe('validateCard accepts Adaptive Cards 1.3', () => {
  test.each([
    ['an empty card', card([])],
    ['text, facts, buttons and a multi-select choice set', card(
      [
        text({ weight: 'Bolder', size: 'Medium', wrap: true, isSubtle: true, separator: true, spacing: 'Small' }),
        { type: 'FactSet', facts: [{ title: 'Name', value: 'Ada' }] },
        { type: 'ActionSet', actions: [submit({ style: 'positive' }), { type: 'Action.OpenUrl', title: 'Docs', url: 'https://example.com' }] },
        { type: 'Input.ChoiceSet', id: 'ids', isMultiSelect: true, style: 'expanded', choices: [{ title: 'A', value: 'a' }] },
      ],
      [submit({ style: 'destructive' }), submit({ data: 'plain string data' })],
    )],
    ['containers, columns, images, rich text and 1.3 input labels', card(
      [
        {
          type: 'Container',
          style: 'emphasis',
          selectAction: submit(),
          items: [
            { type: 'ColumnSet', columns: [{ type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://example.com/a.png', size: 'Small' }] }, { width: 2, items: [] }] },
            { type: 'RichTextBlock', inlines: ['plain', { type: 'TextRun', text: 'underlined', underline: true }] },
            { type: 'Input.Text', id: 'email', label: 'E-mail', isRequired: true, errorMessage: 'Required', regex: '^.+@.+$', style: 'email' },
            { type: 'Input.Toggle', id: 'notify', title: 'Notify', value: 'true' },
          ],
        },
      ],
      [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [text()] } }, { type: 'Action.ToggleVisibility', title: 'Toggle', targetElements: ['email'] }],
    )],
  ])('%s', (_name, good) => {
    expect(validateCard(good)).toEqual([]);
  });
});

describe('validateCard reports what is not Adaptive Cards 1.3', () => {
  test.each<[string, unknown, RegExp]>([
    ['an unknown element type', card([{ type: 'Carrousel', items: [] }]), /Unknown element type "Carrousel"/],
    ['an unknown action type', card([], [{ type: 'Action.Launch', title: 'Go' }]), /Unknown action type "Action.Launch"/],
    ['Action.Execute (1.4) in the card actions', card([], [{ type: 'Action.Execute', title: 'Go', verb: 'go' }]), /"Action.Execute".*1\.4, newer than 1\.3/],
    ['Action.Execute (1.4) in an ActionSet', card([{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Go' }] }]), /"Action.Execute".*1\.4/],
    ['a Table (1.5)', card([{ type: 'Table', columns: [], rows: [] }]), /"Table".*1\.5, newer than 1\.3/],
    ['a property newer than 1.3 (TextBlock style, 1.5)', card([text({ style: 'heading' })]), /Property "style" is supported in version 1\.5/],
    ['a TextBlock without text', card([{ type: 'TextBlock', wrap: true }]), /body\[0\]\(TextBlock\): required property "text" is missing/],
    ['a fact without title', card([{ type: 'FactSet', facts: [{ value: 'Ada' }] }]), /facts\[0\]\(Fact\): required property "title" is missing/],
    ['a fact without value', card([{ type: 'FactSet', facts: [{ title: 'Name' }] }]), /facts\[0\]\(Fact\): required property "value" is missing/],
    ['a FactSet without facts', card([{ type: 'FactSet' }]), /\(FactSet\): required property "facts" is missing/],
    ['an Input.ChoiceSet without id', card([{ type: 'Input.ChoiceSet', choices: [{ title: 'A', value: 'a' }] }]), /\(Input.ChoiceSet\): required property "id" is missing/],
    ['a choice without value', card([{ type: 'Input.ChoiceSet', id: 'x', choices: [{ title: 'A' }] }]), /choices\[0\]\(Input.Choice\): required property "value" is missing/],
    ['an Action.OpenUrl without url', card([], [{ type: 'Action.OpenUrl', title: 'Docs' }]), /\(Action.OpenUrl\): required property "url" is missing/],
    ['a boolean given as a string', card([text({ wrap: 'yes' })]), /body\[0\]\(TextBlock\)\.wrap: must be a boolean, got string "yes"/],
    ['text given as a number', card([text({ text: 42 })]), /\.text: must be a string, got number 42/],
    ['facts given as an object', card([{ type: 'FactSet', facts: { title: 'a', value: 'b' } }]), /\.facts: must be an array/],
    ['submit data given as a number', card([], [submit({ data: 7 })]), /actions\[0\]\(Action.Submit\)\.data: must be a string or an object/],
    ['an invalid enum value', card([text({ weight: 'Heavy' })]), /Invalid value "Heavy" for property "weight"/],
    ['a misspelt property', card([text({ wieght: 'Bolder' })]), /TextBlock has no property "wieght"/],
    ['an element without type', card([{ text: 'orphan' }]), /body\[0\]\.type: must be a string/],
    ['version 1.4', { ...card([]), version: '1.4' }, /card\.version: must be "1\.3", got string "1\.4"/],
    ['version 1.2', { ...card([]), version: '1.2' }, /card\.version: must be "1\.3"/],
    ['a version given as a number', { ...card([]), version: 1.3 }, /card\.version: must be "1\.3", got number 1\.3/],
    ['no version', { type: 'AdaptiveCard', body: [] }, /card\.version: missing/],
    ['another type than AdaptiveCard', { ...card([]), type: 'HeroCard' }, /card\.type: must be "AdaptiveCard"/],
    ['a card that is not an object', 'not a card', /card: must be a JSON object/],
  ])('%s', (_name, bad, problem) => {
    expect(validateCard(bad)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('reports every problem of a card, not only the first one', () => {
    const problems = validateCard(card([{ type: 'TextBlock' }, { type: 'Input.ChoiceSet', choices: [] }], [{ type: 'Action.Execute' }]));
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});
