import { createHmac, timingSafeEqual } from 'node:crypto';
import { fetchAttachment, isAllowedUrl, type FetchPolicy } from '../../platform/files/fetchAttachment';

export interface WebexFilesOptions {
  /** WEBEX_API_URL: its origin counts as Webex (the emulator in tests). */
  apiUrl: string;
  botToken: string;
  /** Signs the file URLs that came through a verified webhook. */
  webhookSecret: string;
  maxBytes: number;
  timeoutMs: number;
}

const MARK = 'webex-file=';

/** https://webexapis.com and its sub-domains, plus the configured API's exact origin (the emulator in tests). */
function webexFilePolicy(apiUrl: string): FetchPolicy {
  return { allowedHosts: ['webexapis.com', '*.webexapis.com'], allowLoopback: false, allowedOrigins: [new URL(apiUrl).origin] };
}

/** A URL the bot token may go to: a Webex one (the download allow-list's rule), never one carrying user info. */
export function isWebexFileUrl(url: string, apiUrl: string): boolean {
  if (!isAllowedUrl(url, webexFilePolicy(apiUrl)).ok) return false;
  const { username, password } = new URL(url);
  return !username && !password;
}

/** "attachment; filename=\"a.csv\"" or RFC 5987 "filename*=UTF-8''a%20b.csv". */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = disposition.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = disposition.match(/filename\s*=\s*(?:"([^"]*)"|([^;]+))/);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || undefined;
}

/**
 * Files dropped in a Webex space. Webex serves them only with the bot token,
 * so the token goes with a download only when the URL is a Webex one AND it
 * came through a verified webhook: the channel marks those URLs with an HMAC
 * (in the fragment, never sent over HTTP) and only marked URLs get the token.
 * Any other URL is downloaded like any chat attachment, without it.
 */
export class WebexFiles {
  private readonly key: Buffer;
  private readonly policy: FetchPolicy;

  constructor(private readonly options: WebexFilesOptions) {
    this.key = createHmac('sha256', options.webhookSecret).update('provisio/webex-file-url').digest();
    this.policy = webexFilePolicy(options.apiUrl);
  }

  isWebexUrl(url: string): boolean {
    return isWebexFileUrl(url, this.options.apiUrl);
  }

  /** The URL the dialogs get for a Webex file of a verified message. */
  mark(url: string): string {
    const bare = url.split('#')[0];
    return `${bare}#${MARK}${this.signature(bare)}`;
  }

  /** The Webex URL behind a marked one, or undefined when it is not marked by this bot. */
  unmark(url: string): string | undefined {
    const hash = url.indexOf('#');
    if (hash < 0 || !url.startsWith(MARK, hash + 1)) return undefined;
    const bare = url.slice(0, hash);
    const given = Buffer.from(url.slice(hash + 1 + MARK.length), 'hex');
    const expected = Buffer.from(this.signature(bare), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return this.isWebexUrl(bare) ? bare : undefined;
  }

  /** The file's name and type from a HEAD request (Webex gives the name in Content-Disposition). */
  async describe(url: string): Promise<{ name?: string; contentType?: string }> {
    if (!this.isWebexUrl(url)) return {};
    const response = await fetch(url, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${this.options.botToken}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) return {};
    return { name: fileNameOf(response.headers.get('content-disposition')), contentType: response.headers.get('content-type')?.split(';')[0].trim() };
  }

  /** Wraps the bot's attachment download: marked Webex URLs get the bot token, everything else goes to `plain`. */
  fetcher(plain: (url: string) => Promise<Buffer>): (url: string) => Promise<Buffer> {
    return (url) => {
      const webexUrl = this.unmark(url);
      if (!webexUrl) return plain(url);
      return fetchAttachment(webexUrl, this.policy, { maxBytes: this.options.maxBytes, timeoutMs: this.options.timeoutMs }, {
        authorization: `Bearer ${this.options.botToken}`,
      });
    };
  }

  private signature(url: string): string {
    return createHmac('sha256', this.key).update(url).digest('hex');
  }
}
