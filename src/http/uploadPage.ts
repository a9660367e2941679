/** The pages of the upload link. */
import { escapeHtml, htmlPage } from './htmlPage';

export type PageLocale = 'fr' | 'en';
export type PageMessage = 'received' | 'tooLarge' | 'noFile' | 'timeout' | 'gone' | 'notFound' | 'error';

/** Shown where the link is unknown or expired, for downloads too. */
export const LINK_NOT_FOUND_TEXT = {
  fr: "Ce lien a expiré ou n'existe pas. Demandez un nouveau lien au bot.",
  en: 'This link has expired or does not exist. Ask the bot for a new link.',
};

interface Texts {
  formTitle: string;
  formIntro: string;
  fileLabel: string;
  send: string;
  retry: string;
  titles: Record<PageMessage, string>;
  message(kind: PageMessage, params: { fileName?: string; limit?: string }): string;
}

const TEXTS: Record<PageLocale, Texts> = {
  fr: {
    formTitle: 'Envoyer votre fichier à Provisio',
    formIntro: "Choisissez le fichier à importer (CSV, TXT ou XLSX) : l'aperçu s'affichera ensuite dans la conversation.",
    fileLabel: 'Fichier',
    send: 'Envoyer',
    retry: 'Réessayer',
    titles: {
      received: 'Fichier reçu',
      tooLarge: 'Fichier trop volumineux',
      noFile: 'Aucun fichier',
      timeout: 'Envoi trop long',
      gone: 'Lien expiré',
      notFound: 'Lien inconnu',
      error: 'Erreur',
    },
    message: (kind, { fileName, limit }) =>
      ({
        received: `Fichier « ${fileName} » reçu — retournez dans la conversation, l'aperçu vous y attend.`,
        tooLarge: `Fichier trop volumineux (limite ${limit}). Choisissez un fichier plus petit et réessayez.`,
        noFile: 'Aucun fichier reçu. Choisissez un fichier et réessayez.',
        timeout: "L'envoi a pris trop de temps. Réessayez.",
        gone: 'Ce lien a déjà servi ou a expiré. Demandez un nouveau lien au bot.',
        notFound: LINK_NOT_FOUND_TEXT.fr,
        error: "Le fichier n'a pas pu être transmis au bot. Recommencez depuis la conversation.",
      })[kind],
  },
  en: {
    formTitle: 'Send your file to Provisio',
    formIntro: 'Choose the file to import (CSV, TXT or XLSX): the preview will then appear in the chat.',
    fileLabel: 'File',
    send: 'Send',
    retry: 'Try again',
    titles: {
      received: 'File received',
      tooLarge: 'File too large',
      noFile: 'No file',
      timeout: 'Upload too slow',
      gone: 'Link expired',
      notFound: 'Unknown link',
      error: 'Error',
    },
    message: (kind, { fileName, limit }) =>
      ({
        received: `File “${fileName}” received — go back to the chat, the preview is waiting there.`,
        tooLarge: `File too large (limit ${limit}). Choose a smaller file and try again.`,
        noFile: 'No file received. Choose a file and try again.',
        timeout: 'The upload took too long. Try again.',
        gone: 'This link has already been used or has expired. Ask the bot for a new link.',
        notFound: LINK_NOT_FOUND_TEXT.en,
        error: 'The file could not be handed to the bot. Start again from the chat.',
      })[kind],
  },
};

const RETRY: ReadonlySet<PageMessage> = new Set(['tooLarge', 'noFile', 'timeout']);

/** "5 Mo" / "5 MB", "512 Ko" / "512 KB" under one megabyte. */
function formatLimit(bytes: number, locale: PageLocale): string {
  const mega = bytes >= 1024 * 1024;
  const value = (bytes / (mega ? 1024 * 1024 : 1024)).toLocaleString(locale, { maximumFractionDigits: 1 });
  return `${value} ${locale === 'fr' ? (mega ? 'Mo' : 'Ko') : mega ? 'MB' : 'KB'}`;
}

export function uploadFormPage(locale: PageLocale): string {
  const t = TEXTS[locale];
  return htmlPage(
    locale,
    t.formTitle,
    `<h1>${escapeHtml(t.formTitle)}</h1>
<p>${escapeHtml(t.formIntro)}</p>
<form method="post" enctype="multipart/form-data">
<label>${escapeHtml(t.fileLabel)} <input type="file" name="file" accept=".csv,.txt,.xlsx" required></label>
<div><button type="submit">${escapeHtml(t.send)}</button></div>
</form>`,
  );
}

/** One language, or both (French first) when the link's language is unknown. */
export function messagePage(kind: PageMessage, locale: PageLocale | 'both', params: { fileName?: string; maxBytes?: number } = {}): string {
  const locales: PageLocale[] = locale === 'both' ? ['fr', 'en'] : [locale];
  const sections = locales.map((l) => {
    const t = TEXTS[l];
    const text = t.message(kind, { fileName: params.fileName, limit: params.maxBytes === undefined ? undefined : formatLimit(params.maxBytes, l) });
    const retry = RETRY.has(kind) ? `\n<p><a href="">${escapeHtml(t.retry)}</a></p>` : '';
    return `<section lang="${l}">\n<h1>${escapeHtml(t.titles[kind])}</h1>\n<p>${escapeHtml(text)}</p>${retry}\n</section>`;
  });
  const title = locales.map((l) => TEXTS[l].titles[kind]).join(' / ');
  return htmlPage(locales[0], title, sections.join('\n'));
}
