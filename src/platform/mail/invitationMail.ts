import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomicWrite';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { invitationsEn, invitationsFr, type InvitationMessages } from '../../i18n/invitations';

/** What an invitation says: to whom, and the link that activates the account. */
export interface InvitationContent {
  email: string;
  firstName: string;
  displayName: string;
  link: string;
  expiresAt: string;
}

export interface SentMail {
  messageId?: string;
  /** The .eml file, when the message went to the outbox. */
  file?: string;
}

/** Sends one message; throws when the SMTP server refuses it or cannot be reached. */
export interface Mailer {
  send(message: SendMailOptions): Promise<SentMail>;
}

export interface MailerConfig {
  /** smtp:// or smtps:// URL; unset: every message is written as an .eml file in `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
}

/** Names go into headers: no line break or control character may reach them. */
function headerSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function textPart(t: InvitationMessages, c: InvitationContent): string {
  return [t.mail.greeting(c.firstName), '', t.mail.body, c.link, '', t.mail.expires(c.expiresAt), t.mail.ignore].join('\n');
}

function htmlPart(lang: 'fr' | 'en', t: InvitationMessages, c: InvitationContent): string {
  const link = escapeHtml(c.link);
  return `<div lang="${lang}">
<p>${escapeHtml(t.mail.greeting(c.firstName))}</p>
<p>${escapeHtml(t.mail.body)}</p>
<p><a href="${link}" style="display:inline-block;padding:.5rem 1.5rem;background:#0b6cb0;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.mail.button)}</a></p>
<p style="font-size:small">${link}</p>
<p>${escapeHtml(t.mail.expires(c.expiresAt))}<br>${escapeHtml(t.mail.ignore)}</p>
</div>`;
}

/** The invitation, French then English (the person's language is not known), as text and simple HTML. */
export function invitationMessage(content: InvitationContent, from: string): SendMailOptions {
  const c = { ...content, firstName: headerSafe(content.firstName) || headerSafe(content.displayName) };
  return {
    from,
    to: { name: headerSafe(content.displayName), address: content.email },
    subject: `${invitationsFr.mail.subject} / ${invitationsEn.mail.subject}`,
    text: `${textPart(invitationsFr, c)}\n\n---\n\n${textPart(invitationsEn, c)}\n`,
    html: `<!doctype html>
<html>
<head><meta charset="utf-8"><title>${escapeHtml(`${invitationsFr.mail.subject} / ${invitationsEn.mail.subject}`)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;line-height:1.5">
${htmlPart('fr', invitationsFr, c)}
<hr>
${htmlPart('en', invitationsEn, c)}
</body>
</html>
`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** An SMTP server from SMTP_URL, or the outbox folder when there is none. */
export function createMailer(config: MailerConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl) : outboxMailer(config.outboxDir);
}

function smtpMailer(url: string): Mailer {
  // Deadlines, so that an unreachable server fails the send instead of hanging the turn.
  const transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        return { messageId: info.messageId };
      } catch (error) {
        throw new MailSendError(mailErrorText(error, url));
      }
    },
  };
}

/** Each message as `<iso-time>-<random>.eml`: never the address as a path, and readable by the owner only (it holds a link). */
function outboxMailer(dir: string): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      await fs.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`;
      const file = path.join(dir, name);
      await writeFileAtomic(file, info.message as Buffer, 0o600);
      return { messageId: info.messageId, file };
    },
  };
}

/** A message the mail server refused or could not take, with a text safe to show and log. */
export class MailSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** A send failure as an admin can read it: the SMTP answer or the network error, never the URL or its password. */
export function mailErrorText(error: unknown, smtpUrl?: string): string {
  const e = error as { response?: unknown; code?: unknown; message?: unknown };
  let text = typeof e?.response === 'string' && e.response ? e.response : String(e?.message ?? error);
  if (smtpUrl) text = text.split(smtpUrl).join('SMTP_URL');
  text = text.replace(/\/\/[^/\s@]*@/g, '//***@').replace(/\s+/g, ' ').trim();
  const code = typeof e?.code === 'string' && !text.includes(e.code) ? `${e.code}: ` : '';
  const full = `${code}${text}`;
  return full.length > 300 ? `${full.slice(0, 299)}…` : full;
}
