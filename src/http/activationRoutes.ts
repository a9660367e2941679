import type restify from 'restify';
import type { Locale } from '../config';
import { displayNameOf } from '../domain/users';
import { messages } from '../i18n';
import type { InvitationService } from '../services/invitationService';
import { escapeHtml, htmlPage, sendPage } from './htmlPage';

export interface ActivationRoutesDeps {
  invitations: Pick<InvitationService, 'check' | 'activate'>;
  /** Language of the page when the browser's Accept-Language names neither French nor English. */
  defaultLocale: Locale;
  logger: { info: Function; warn: Function; error: Function };
}

type Problem = keyof ReturnType<typeof messages>['invitations']['page']['problems'];

/** Never existed: 404; expired, used, replaced or its user deleted: 410 (gone for good). */
const STATUS: Record<Problem, number> = { unknown: 404, expired: 410, used: 410, superseded: 410, user_gone: 410, error: 500 };

/**
 * The activation link of an invitation. GET only shows a page with an
 * "Activate" button: mail scanners (Outlook Safe Links and the like) fetch
 * links before the person clicks, and would use up a single-use link. The
 * button POSTs to the same address, which activates.
 */
export function registerActivationRoutes(server: restify.Server, deps: ActivationRoutesDeps): void {
  server.get('/activate/:token', async (req: restify.Request, res: restify.Response) => {
    const locale = pageLocale(req.headers['accept-language'], deps.defaultLocale);
    try {
      const found = await deps.invitations.check(String(req.params.token));
      if (!found.ok) return sendPage(res, STATUS[found.reason], problemPage(locale, found.reason));
      if (found.user.status === 'active') return sendPage(res, 200, activePage(locale, displayNameOf(found.user)));
      sendPage(res, 200, formPage(locale, displayNameOf(found.user)));
    } catch (error) {
      deps.logger.error({ err: error }, 'activation page failed');
      sendPage(res, 500, problemPage(locale, 'error'));
    }
  });

  server.post('/activate/:token', async (req: restify.Request, res: restify.Response) => {
    const locale = pageLocale(req.headers['accept-language'], deps.defaultLocale);
    // The form has no field: whatever body came is read and dropped.
    req.resume();
    try {
      const outcome = await deps.invitations.activate(String(req.params.token));
      if (!outcome.ok) {
        deps.logger.info({ reason: outcome.reason }, 'activation refused');
        return sendPage(res, STATUS[outcome.reason], problemPage(locale, outcome.reason));
      }
      if (!outcome.alreadyActive) deps.logger.info({ userId: outcome.user.id }, 'user activated');
      sendPage(res, 200, activePage(locale, displayNameOf(outcome.user)));
    } catch (error) {
      deps.logger.error({ err: error }, 'activation failed');
      sendPage(res, 500, problemPage(locale, 'error'));
    }
  });
}

/** The first of French or English in Accept-Language, by preference (q); else the default. */
export function pageLocale(header: string | string[] | undefined, fallback: Locale): Locale {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((item) => item.tag && item.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'fr' || tag.startsWith('fr-')) return 'fr';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}

function formPage(locale: Locale, name: string): string {
  const t = messages(locale).invitations.page;
  // No action attribute: the form posts to the address of the page, the same link.
  return htmlPage(
    locale,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro(name))}</p>
<form method="post">
<button type="submit">${escapeHtml(t.activate)}</button>
</form>`,
    { noindex: true },
  );
}

function activePage(locale: Locale, name: string): string {
  const t = messages(locale).invitations.page;
  return htmlPage(locale, t.activeTitle, `<h1>${escapeHtml(t.activeTitle)}</h1>\n<p>${escapeHtml(t.activeText(name))}</p>`, { noindex: true });
}

function problemPage(locale: Locale, problem: Problem): string {
  const { title, text } = messages(locale).invitations.page.problems[problem];
  return htmlPage(locale, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`, { noindex: true });
}
