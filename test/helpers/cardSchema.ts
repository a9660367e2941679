/**
 * Checks an Adaptive Card against Adaptive Cards 1.3, offline, in two passes:
 *
 * 1. The official parser (npm `adaptivecards`) with a 1.3 serialization context: it reports
 *    element/action types it does not know or that are newer than 1.3 (Action.Execute, Table…),
 *    properties newer than 1.3, invalid enum values, and its own validation (inputs without id,
 *    choice sets without choices, too many actions for the default host config…).
 * 2. What the parser tolerates but the 1.3 JSON schema (schemas/1.3.0/adaptive-card.json) forbids,
 *    driven by the parser's own property metadata: wrong-typed values, properties the type does
 *    not have (the schema's `additionalProperties: false`), the schema's `required` lists, and a
 *    top-level `version` that is not "1.3".
 */
import type * as AdaptiveCardsSdk from 'adaptivecards';

// The package's `lib/` build is extension-less ES modules, which Node and jest cannot load;
// its `dist/` UMD bundle is self-contained and needs no DOM for parsing.
const AC: typeof AdaptiveCardsSdk = require('adaptivecards/dist/adaptivecards.js');

const TARGET = AC.Versions.v1_3;
const TARGET_TEXT = '1.3';

type Json = Record<string, unknown>;
type Check = (value: unknown, path: string) => void;
type Registration = { typeName: string; schemaVersion: AdaptiveCardsSdk.Version };

/** The `required` lists of the Adaptive Cards 1.3 JSON schema (inputs inherit `id` from Extendable.Input). */
const REQUIRED: Record<string, readonly string[]> = {
  'Action.OpenUrl': ['url'],
  ActionSet: ['actions'],
  BackgroundImage: ['url'],
  Container: ['items'],
  Fact: ['title', 'value'],
  FactSet: ['facts'],
  Image: ['url'],
  ImageSet: ['images'],
  'Input.Choice': ['title', 'value'],
  'Input.ChoiceSet': ['id', 'choices'],
  'Input.Date': ['id'],
  'Input.Number': ['id'],
  'Input.Text': ['id'],
  'Input.Time': ['id'],
  'Input.Toggle': ['id', 'title'],
  Media: ['sources'],
  MediaSource: ['mimeType', 'url'],
  RichTextBlock: ['inlines'],
  TextBlock: ['text'],
  TextRun: ['text'],
};

/** Schema names of the untyped objects the parser models as classes. */
const NESTED_NAMES = new Map<unknown, string>([
  [AC.Fact, 'Fact'],
  [AC.Choice, 'Input.Choice'],
  [AC.MediaSource, 'MediaSource'],
  [AC.BackgroundImage, 'BackgroundImage'],
  [AC.Image, 'Image'],
]);

export function validateCard(card: unknown): string[] {
  if (!isObject(card)) return [`card: must be a JSON object, got ${kindOf(card)}`];
  const problems = [...parserProblems(card)];
  new SchemaWalk(problems).card(card, 'card', true);
  return problems;
}

function parserProblems(card: Json): string[] {
  const context = new AC.SerializationContext(TARGET);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: AdaptiveCardsSdk.IValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events.map(describeEvent);
}

function describeEvent(event: AdaptiveCardsSdk.IValidationEvent): string {
  let text = `parser ${AC.ValidationEvent[event.event]}: ${event.message}`;
  const typeName = /"([^"]+)"/.exec(event.message)?.[1];
  const known = typeName ? registrationOf(typeName) : undefined;
  if (known && known.schemaVersion.compareTo(TARGET) > 0) {
    text += ` (${typeName} is Adaptive Cards ${known.schemaVersion.toString()}, newer than ${TARGET_TEXT})`;
  }
  return text;
}

function registrationOf(typeName: string): Registration | undefined {
  return AC.GlobalRegistry.elements.findByName(typeName) ?? AC.GlobalRegistry.actions.findByName(typeName);
}

class SchemaWalk {
  constructor(private readonly problems: string[]) {}

  card(value: unknown, path: string, topLevel: boolean): void {
    if (!this.object(value, path)) return;
    if (value.type !== 'AdaptiveCard' && (topLevel || value.type !== undefined)) {
      this.problems.push(`${path}.type: must be "AdaptiveCard", got ${show(value.type)}`);
    }
    if (topLevel && value.version === undefined) this.problems.push(`${path}.version: missing; a top-level card must say "${TARGET_TEXT}"`);
    this.properties(value, new AC.AdaptiveCard(), 'AdaptiveCard', path, {
      version: (version, at) => this.expect(topLevel ? version === TARGET_TEXT : typeof version === 'string', at, topLevel ? `"${TARGET_TEXT}"` : 'a string', version),
      body: this.list((item, at) => this.element(item, at)),
      actions: this.list((item, at) => this.action(item, at)),
    });
  }

  private element(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    const registration = this.registered(value, path, AC.GlobalRegistry.elements);
    if (!registration) return;
    const name = registration.typeName;
    const extras: Record<string, Check> = { fallback: this.fallback((item, at) => this.element(item, at)) };
    if (name === 'Container') extras.items = this.list((item, at) => this.element(item, at));
    if (name === 'ActionSet') extras.actions = this.list((item, at) => this.action(item, at));
    if (name === 'ColumnSet') extras.columns = this.list((item, at) => this.column(item, at));
    if (name === 'RichTextBlock') extras.inlines = this.list((item, at) => this.inline(item, at));
    this.properties(value, new registration.objectType(), name, `${path}(${name})`, extras);
  }

  private action(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    const registration = this.registered(value, path, AC.GlobalRegistry.actions);
    if (!registration) return;
    const name = registration.typeName;
    const extras: Record<string, Check> = { fallback: this.fallback((item, at) => this.action(item, at)) };
    if (name === 'Action.ShowCard') extras.card = (card, at) => this.card(card, at, false);
    this.properties(value, new registration.objectType(), name, `${path}(${name})`, extras);
  }

  private column(value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    this.properties(value, new AC.Column(), 'Column', `${path}(Column)`, {
      items: this.list((item, at) => this.element(item, at)),
      fallback: this.fallback((item, at) => this.column(item, at)),
      width: (width, at) => this.expect(typeof width === 'string' || typeof width === 'number', at, 'a string or a number', width),
    });
  }

  private inline(value: unknown, path: string): void {
    if (typeof value === 'string') return;
    if (!this.object(value, path)) return;
    this.properties(value, new AC.TextRun(), 'TextRun', `${path}(TextRun)`, {});
  }

  /** Unknown or newer-than-1.3 types are the parser's to report: skip them here. */
  private registered<T extends AdaptiveCardsSdk.SerializableObject>(
    value: Json,
    path: string,
    registry: AdaptiveCardsSdk.CardObjectRegistry<T>,
  ): AdaptiveCardsSdk.ITypeRegistration<T> | undefined {
    if (typeof value.type !== 'string') {
      this.problems.push(`${path}.type: must be a string naming the element or action, got ${show(value.type)}`);
      return undefined;
    }
    const registration = registry.findByName(value.type);
    return registration && registration.schemaVersion.compareTo(TARGET) <= 0 ? registration : undefined;
  }

  private properties(value: Json, model: AdaptiveCardsSdk.SerializableObject, name: string, path: string, extras: Record<string, Check>): void {
    const schema = model.getSchema();
    const definitions = new Map<string, AdaptiveCardsSdk.PropertyDefinition>();
    for (let i = 0; i < schema.getCount(); i++) definitions.set(schema.getItemAt(i).name, schema.getItemAt(i));
    for (const key of REQUIRED[name] ?? []) {
      if (value[key] === undefined) this.problems.push(`${path}: required property "${key}" is missing`);
    }
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (item === undefined) continue;
      const extra = extras[key];
      const definition = definitions.get(key);
      if (extra) extra(item, at);
      else if (definition) this.typed(definition, item, at);
      else if (key === 'type') this.expect(item === name, at, `"${name}"`, item);
      else this.problems.push(`${at}: ${name} has no property "${key}" in Adaptive Cards ${TARGET_TEXT}`);
    }
  }

  /** The JSON type each kind of parser property reads (1.3 schema types). */
  private typed(definition: AdaptiveCardsSdk.PropertyDefinition, value: unknown, path: string): void {
    if (definition instanceof AC.SerializableObjectCollectionProperty) {
      const objectType = definition.objectType;
      this.list((item, at) => this.nested(objectType, item, at))(value, path);
    } else if (definition instanceof AC.SerializableObjectProperty) {
      if (definition.name === 'requires') {
        if (this.object(value, path)) {
          for (const [feature, version] of Object.entries(value)) this.expect(typeof version === 'string', `${path}.${feature}`, 'a string', version);
        }
      } else if (!(definition.name === 'backgroundImage' && typeof value === 'string')) {
        this.nested(definition.objectType, value, path);
      }
    } else if (definition instanceof AC.ActionProperty) {
      this.action(value, path);
    } else if (definition instanceof AC.BoolProperty) {
      this.expect(typeof value === 'boolean', path, 'a boolean', value);
    } else if (definition instanceof AC.NumProperty) {
      this.expect(typeof value === 'number', path, 'a number', value);
    } else if (definition instanceof AC.ContainerStyleProperty) {
      this.expect(typeof value === 'string' || value === null, path, 'a string', value);
    } else if (definition instanceof AC.StringArrayProperty) {
      this.expect(Array.isArray(value) && value.every((v) => typeof v === 'string'), path, 'an array of strings', value);
    } else if (
      definition instanceof AC.StringProperty ||
      definition instanceof AC.EnumProperty ||
      definition instanceof AC.ValueSetProperty ||
      definition instanceof AC.PixelSizeProperty ||
      definition instanceof AC.TimeProperty
    ) {
      this.expect(typeof value === 'string', path, 'a string', value);
    } else if (definition.name === 'data') {
      this.expect(typeof value === 'string' || isObject(value), path, 'a string or an object', value);
    } else if (['$schema', 'associatedInputs'].includes(definition.name)) {
      this.expect(typeof value === 'string', path, 'a string', value);
    } else if (definition.name === 'targetElements') {
      this.expect(Array.isArray(value), path, 'an array', value);
    }
  }

  private nested(objectType: AdaptiveCardsSdk.SerializableObjectType, value: unknown, path: string): void {
    if (!this.object(value, path)) return;
    const name = NESTED_NAMES.get(objectType) ?? 'object';
    this.properties(value, new objectType(), name, `${path}(${name})`, {});
  }

  private list(each: Check): Check {
    return (value, path) => {
      if (!Array.isArray(value)) {
        this.problems.push(`${path}: must be an array, got ${kindOf(value)}`);
        return;
      }
      value.forEach((item, i) => each(item, `${path}[${i}]`));
    };
  }

  private fallback(each: Check): Check {
    return (value, path) => (value === 'drop' ? undefined : each(value, path));
  }

  private object(value: unknown, path: string): value is Json {
    return this.expect(isObject(value), path, 'an object', value);
  }

  private expect(ok: boolean, path: string, wanted: string, got: unknown): boolean {
    if (!ok) this.problems.push(`${path}: must be ${wanted}, got ${show(got)}`);
    return ok;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : `${kindOf(value)} ${JSON.stringify(value)}`;
}

/* Readers for card tests: what a person sees and what a click sends, in document order. */

export interface Button {
  title: unknown;
  data: unknown;
  style?: unknown;
}

function elementsOf(card: unknown): Json[] {
  const out: Json[] = [];
  const visit = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items.filter(isObject)) {
      out.push(item);
      visit(item.items);
      if (Array.isArray(item.columns)) item.columns.filter(isObject).forEach((column) => visit(column.items));
    }
  };
  if (isObject(card)) visit(card.body);
  return out;
}

/** Every TextBlock's text. */
export function cardTexts(card: unknown): string[] {
  return elementsOf(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));
}

/** Every fact of every FactSet, as [title, value]. */
export function cardFacts(card: unknown): Array<[string, string]> {
  return elementsOf(card)
    .filter((e) => e.type === 'FactSet' && Array.isArray(e.facts))
    .flatMap((e) => (e.facts as Json[]).map((f): [string, string] => [String(f.title), String(f.value)]));
}

/** The Action.Submit buttons of the body's ActionSets, then of the card's action bar. */
export function cardButtons(card: unknown): Button[] {
  const sets = elementsOf(card).filter((e) => e.type === 'ActionSet');
  const actions = [...sets.flatMap((s) => (Array.isArray(s.actions) ? s.actions : [])), ...(isObject(card) && Array.isArray(card.actions) ? card.actions : [])];
  return actions
    .filter(isObject)
    .filter((a) => a.type === 'Action.Submit')
    .map((a) => ({ title: a.title, data: a.data, ...(a.style !== undefined && { style: a.style }) }));
}

/** The body elements of one type, e.g. 'ActionSet' or 'Input.ChoiceSet'. */
export function cardElements(card: unknown, type: string): Json[] {
  return elementsOf(card).filter((e) => e.type === type);
}
