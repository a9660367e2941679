export type WebexErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network';

export interface WebexErrorInit {
  kind: WebexErrorKind;
  status: number;
  method: string;
  path: string;
  apiMessage?: string;
  descriptions?: string[];
  trackingId?: string;
  scope?: string;
  /** A write that may have happened although it failed (timeout, 5xx, network). */
  ambiguous?: boolean;
}

/**
 * A failed Webex call, in words an admin can act on. The message never holds
 * the token; it keeps the trackingId that Webex support asks for.
 */
export class WebexApiError extends Error {
  readonly kind: WebexErrorKind;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly apiMessage?: string;
  readonly descriptions: string[];
  readonly trackingId?: string;
  readonly scope?: string;
  readonly ambiguous: boolean;

  constructor(init: WebexErrorInit) {
    super(describe(init));
    this.name = 'WebexApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.apiMessage = init.apiMessage;
    this.descriptions = init.descriptions ?? [];
    this.trackingId = init.trackingId;
    this.scope = init.scope;
    this.ambiguous = init.ambiguous ?? false;
  }

  /** What Webex said, in one line (its message and the details it gave). */
  get detail(): string {
    return [this.apiMessage, ...this.descriptions.filter((d) => d !== this.apiMessage)].filter(Boolean).join(' — ');
  }
}

function describe(init: WebexErrorInit): string {
  const what = `${init.method} ${init.path}`;
  const said = [init.apiMessage, ...(init.descriptions ?? []).filter((d) => d !== init.apiMessage)].filter(Boolean).join(' — ');
  const tracking = init.trackingId ? ` (trackingId ${init.trackingId})` : '';
  switch (init.kind) {
    case 'unauthorized':
      return `Webex refused the access token for ${what}: it is missing or expired; a new token needs the scope ${init.scope}${tracking}.`;
    case 'forbidden':
      return `Webex refused ${what}: the token lacks the scope ${init.scope} or the admin role it needs${tracking}.`;
    case 'timeout':
      return `Webex did not answer ${what} in time${tracking}.`;
    case 'network':
      return `Webex could not be reached for ${what}: ${said || 'network error'}.`;
    case 'rate_limited':
      return `Webex kept rate-limiting ${what}; try again in a few minutes${tracking}.`;
    default:
      return `Webex answered ${init.status} to ${what}${said ? `: ${said}` : ''}${tracking}.`;
  }
}

/** The scope a request needs, named in 401/403 messages. */
export function scopeFor(method: string, path: string): string {
  const write = method !== 'GET';
  if (path.includes('/contacts/')) return 'Identity:contact';
  if (path.includes('/jobs/sendActivationEmails')) return write ? 'spark-admin:people_write' : 'spark-admin:people_read';
  if (path.startsWith('/licenses/users')) return 'spark-admin:people_write';
  if (path.startsWith('/licenses')) return 'spark-admin:licenses_read';
  if (path.startsWith('/locations')) return 'spark-admin:locations_read';
  if (path.startsWith('/telephony')) return write ? 'spark-admin:telephony_config_write' : 'spark-admin:telephony_config_read';
  return write ? 'spark-admin:people_write' : 'spark-admin:people_read';
}
