/** The texts a person would read: message texts and the card texts, titles and fact values. */
export function visibleText(node: unknown): string {
  if (Array.isArray(node)) return node.map(visibleText).join(' | ');
  if (!node || typeof node !== 'object') return '';
  return Object.entries(node)
    .map(([key, value]) => (typeof value === 'string' ? (['text', 'title', 'value'].includes(key) ? value : '') : visibleText(value)))
    .filter(Boolean)
    .join(' | ');
}
