/** What the pages behind links (upload, activation) share: no script, no external resource, nothing leaked. */
import type restify from 'restify';

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

/** Every answer to a link. */
export const LINK_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  // The token is in the URL: never leak it to another site.
  'Referrer-Policy': 'no-referrer',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A small self-contained page; `main` is the HTML inside <main>. `noindex` asks search engines to leave it out. */
export function htmlPage(lang: string, title: string, main: string, { noindex = false } = {}): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${noindex ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{margin-top:1rem;padding:.5rem 1.5rem}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

/** Sends a page, unless an answer already went (a timeout and a late handler must not both answer). */
export function sendPage(res: restify.Response, status: number, html: string, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...LINK_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Content-Length': Buffer.byteLength(html),
    ...(close && { Connection: 'close' }),
  });
  res.end(html);
}
