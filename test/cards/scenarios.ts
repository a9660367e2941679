import type { AdaptiveCard } from '../../cards/adaptive';
import type { Messages } from '../../src/i18n';
import { cardButtons, cardTexts, validateCard, type Button } from '../helpers/cardSchema';

/** A card as built from the catalogue, the texts it must show, and exactly the buttons it offers. */
export type Scenario = [string, (m: Messages) => AdaptiveCard, (m: Messages) => string[], (m: Messages) => Button[]];

/** The three checks every card scenario passes: valid Adaptive Card 1.3, its key texts, exactly its buttons. */
export function testScenarios(m: Messages, scenarios: Scenario[]): void {
  test.each(scenarios)('%s is a valid Adaptive Card 1.3', (_name, build) => {
    expect(validateCard(build(m))).toEqual([]);
  });

  test.each(scenarios)('%s shows its key texts', (_name, build, texts) => {
    expect(cardTexts(build(m))).toEqual(expect.arrayContaining(texts(m)));
  });

  test.each(scenarios)('%s offers exactly its buttons, with the data the dialogs read', (_name, build, _texts, buttons) => {
    expect(cardButtons(build(m))).toEqual(buttons(m));
  });
}
