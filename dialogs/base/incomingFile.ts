import type { Activity } from 'botbuilder';

/** The event the bot gets when a file arrives through an upload link (see app.ts). */
export const UPLOAD_EVENT = 'provisio/fileUploaded';

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** A file sent to the bot: an attachment to download, a file already received through an upload link, or pasted text. */
export type IncomingFile =
  | { kind: 'url'; url: string; fileName: string }
  | { kind: 'kept'; token: string; fileName: string }
  | { kind: 'text'; text: string; fileName: string };

/**
 * The file an activity carries, if any: a Teams personal-chat file (its
 * pre-authorised downloadUrl), an attachment with a contentUrl (Web Chat,
 * Emulator), or an upload-link event. Cards, images and Teams' own HTML copy
 * of the message are not files.
 */
export function incomingFile(activity: Partial<Activity>): IncomingFile | undefined {
  if (activity.type === 'event' && activity.name === UPLOAD_EVENT) {
    const { token, fileName } = (activity.value ?? {}) as { token?: unknown; fileName?: unknown };
    return typeof token === 'string' ? { kind: 'kept', token, fileName: String(fileName ?? 'contacts.csv') } : undefined;
  }
  for (const attachment of activity.attachments ?? []) {
    const fileName = attachment.name || 'contacts.csv';
    if (attachment.contentType === TEAMS_FILE) {
      const url = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof url === 'string') return { kind: 'url', url, fileName };
      continue;
    }
    const type = attachment.contentType ?? '';
    if (attachment.contentUrl && !type.startsWith('image/') && !type.startsWith('application/vnd.microsoft.card.')) {
      return { kind: 'url', url: attachment.contentUrl, fileName };
    }
  }
  return undefined;
}

/** CSV lines pasted in a message: at least a header and one row. */
export function pastedFile(text: string | undefined, fileName: string): IncomingFile | undefined {
  const lines = (text ?? '').split(/\r?\n/).filter((line) => line.trim());
  return lines.length >= 2 ? { kind: 'text', text: text!, fileName } : undefined;
}
