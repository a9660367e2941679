/**
 * Renders an Adaptive Card as a client shows it: the official JS renderer (npm
 * `adaptivecards`, the one inside Web Chat and the Agents Playground) in a DOM
 * (jsdom), its markdown done by markdown-it with Web Chat's options (no raw
 * HTML, bare URLs and e-mail addresses linked). What a test reads is the HTML a
 * person would see: links, bold, lists.
 */
import { JSDOM } from 'jsdom';
import type * as AdaptiveCardsSdk from 'adaptivecards';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, xhtmlOut: true, breaks: false });

let sdk: typeof AdaptiveCardsSdk | undefined;

/** The renderer needs a window and a document as globals: one jsdom, set up once per test file. */
function renderer(): typeof AdaptiveCardsSdk {
  if (sdk) return sdk;
  const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
  const globals = globalThis as Record<string, unknown>;
  const dom = window as unknown as Record<string, unknown>;
  // The DOM's classes (HTMLElement, HTMLButtonElement, Node…) and the few functions the renderer calls; Node's own globals stay.
  const names = [...Object.getOwnPropertyNames(window).filter((name) => /^[A-Z]/.test(name)), 'window', 'document', 'navigator', 'getComputedStyle'];
  for (const name of names) {
    if (globals[name] !== undefined) continue;
    const value = dom[name];
    globals[name] = typeof value === 'function' && !/^[A-Z]/.test(name) ? value.bind(window) : value;
  }
  sdk = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsSdk;
  sdk.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };
  return sdk;
}

export interface Rendered {
  /** The card's root element. */
  element: HTMLElement;
  /** Everything a person reads, in document order, whitespace collapsed. */
  text: string;
}

export function renderCard(card: unknown): Rendered {
  const AC = renderer();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card);
  const element = parsed.render();
  if (!element) throw new Error('the card did not render');
  return { element, text: (element.textContent ?? '').replace(/\s+/g, ' ') };
}

/** The elements of a kind (`a`, `strong`, `em`, `img`, `code`…) the rendered card holds, as their outer HTML. */
export function renderedElements(rendered: Rendered, selector: string): string[] {
  return [...rendered.element.querySelectorAll(selector)].map((e) => e.outerHTML);
}
