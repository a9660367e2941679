import { WebexApiError } from '../webexApi/errors';

type Locale = 'fr' | 'en';

/** The trackingId Webex support asks for, as the end of a sentence ('' without one). */
export const trackingText = (locale: Locale, id?: string) => (id ? (locale === 'fr' ? ` (trackingId Webex : ${id})` : ` (Webex trackingId: ${id})`) : '');

/**
 * A Webex failure in words an admin can act on, in French or English; it
 * keeps the trackingId that Webex support asks for and never shows the token.
 * Anything that is not a WebexApiError gets undefined (the caller's own text).
 */
export function webexErrorMessage(locale: Locale, error: unknown): string | undefined {
  if (!(error instanceof WebexApiError)) return undefined;
  const t = trackingText(locale, error.trackingId);
  const said = error.detail;
  const fr = locale === 'fr';
  switch (error.kind) {
    case 'unauthorized':
      return fr
        ? `Webex refuse le jeton d'accès : il manque ou a expiré. Générez-en un nouveau avec la portée ${error.scope} (WEBEX_ACCESS_TOKEN)${t}.`
        : `Webex refused the access token: it is missing or expired. Create a new one with the scope ${error.scope} (WEBEX_ACCESS_TOKEN)${t}.`;
    case 'forbidden':
      return fr
        ? `Webex refuse l'opération : le jeton n'a pas la portée ${error.scope} ou son compte n'est pas administrateur de l'organisation${t}.`
        : `Webex refused the operation: the token lacks the scope ${error.scope}, or its account is not an admin of the org${t}.`;
    case 'rate_limited':
      return fr ? `Webex limite le nombre de requêtes ; réessayez dans quelques minutes${t}.` : `Webex is rate-limiting requests; try again in a few minutes${t}.`;
    case 'timeout':
      return fr ? `Webex n'a pas répondu à temps ; vérifiez le résultat dans Control Hub avant de réessayer${t}.` : `Webex did not answer in time; check the result in Control Hub before trying again${t}.`;
    case 'network':
      return fr ? `Webex est injoignable (${said || 'erreur réseau'}) ; vérifiez WEBEX_API_URL et le réseau.` : `Webex cannot be reached (${said || 'network error'}); check WEBEX_API_URL and the network.`;
    case 'server':
      return fr ? `Webex a rencontré une erreur (${error.status}) ; réessayez plus tard${t}.` : `Webex had an error (${error.status}); try again later${t}.`;
    case 'not_found':
      return fr ? `Webex ne trouve pas l'élément demandé${said ? ` : ${said}` : ''}${t}.` : `Webex cannot find what was asked${said ? `: ${said}` : ''}${t}.`;
    default:
      return fr ? `Webex a refusé la demande (${error.status})${said ? ` : ${said}` : ''}${t}.` : `Webex refused the request (${error.status})${said ? `: ${said}` : ''}${t}.`;
  }
}
