/** Texts of invitations and activation: chat cards, the activation page, the e-mail and the CLI. */

type Lang = 'fr' | 'en';

/** An instant as a date and time in UTC, spelled out ("5 mars 2025 à 10:00 UTC"). */
export function invitationTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return `${format.format(date)} UTC`;
}

interface Counts {
  sent: number;
  skipped: number;
  failed: number;
  /** Every skipped user was skipped for a recent invitation (the Webex 24-hour rule). */
  recentOnly: boolean;
}

export const invitationsEn = {
  statusInvited: (at: string) => `Pending (invitation sent on ${invitationTime('en', at)}, not yet activated)`,
  resend: 'Resend the invitation',
  noPending: 'Every user has activated their account: there is no invitation to send.',
  confirmTitle: (count: number) => (count === 1 ? '1 user has not activated their account:' : `${count} users have not activated their account:`),
  names: (names: string[], more: boolean) => `${names.join(', ')}${more ? ', …' : ''}`,
  willSkip: (count: number) =>
    count === 1
      ? '1 of them was invited less than 24 hours ago and will be skipped (Webex does the same).'
      : `${count} of them were invited less than 24 hours ago and will be skipped (Webex does the same).`,
  irreversible: (days: number) =>
    `Sending is irreversible: each of them gets an e-mail with an activation link, usable once and valid ${days} days.`,
  send: 'Send',
  confirmHelp: 'Click "Send" to send the invitations, or "Cancel". You can also type "send" or "cancel".',
  resultTitle: 'Invitations',
  summary: (c: Counts) =>
    `${c.sent} sent · ${c.skipped} skipped${c.skipped && c.recentOnly ? ' (already invited less than 24 h ago)' : ''} · ${c.failed} failed`,
  dryRunSummary: (c: Counts) => `Dry run, nothing sent: would send ${c.sent}, skip ${c.skipped}`,
  sentTitle: 'Sent',
  skippedTitle: 'Skipped',
  failedTitle: 'Not sent',
  andMore: (count: number) => `… and ${count} more`,
  retry: 'Try again',
  reasons: {
    recently_invited: (at?: string) => `already invited less than 24 hours ago${at ? `, on ${invitationTime('en', at)}` : ''}`,
    already_active: () => 'account already active',
    send_failed: (detail?: string) => `the e-mail could not be sent${detail ? ` (${detail})` : ''}`,
    user_not_found: () => 'this user no longer exists',
    over_limit: (max: number) => `not sent this time: at most ${max} invitations per sending; send again for the others`,
  },
  /** After a user is created in the chat or the CLI. */
  createdSent: (email: string) => `Invitation sent to ${email}.`,
  createdSkipped: (reason: string) => `No invitation sent: ${reason}.`,
  createdFailed: (reason: string) => `The user is created, but the invitation was not sent: ${reason}. Click "Resend the invitation" to try again.`,
  cliCreatedFailed: (reason: string) => `Warning: the user is created, but the invitation was not sent: ${reason}. Run "invitations send" to try again.`,
  cliFailed: (count: number) => `${count} invitation(s) could not be sent.`,
  cliLine: {
    sent: (email: string) => `sent: ${email}`,
    wouldSend: (email: string) => `would send: ${email}`,
    skipped: (email: string, reason: string) => `skipped: ${email} (${reason})`,
    failed: (email: string, reason: string) => `not sent: ${email} (${reason})`,
  },
  page: {
    title: 'Activate your account',
    intro: (name: string) => `Hello ${name}. An administrator has created your account: click "Activate" to activate it.`,
    activate: 'Activate',
    activeTitle: 'Your account is active',
    activeText: (name: string) => `${name}, your account is active. You can close this page.`,
    problems: {
      unknown: {
        title: 'Unknown link',
        text: 'This activation link does not exist. Check that you opened the whole link of the e-mail, or ask your administrator to resend the invitation.',
      },
      expired: { title: 'Link expired', text: 'This activation link has expired. Ask your administrator to resend the invitation.' },
      used: {
        title: 'Link already used',
        text: 'This activation link has already been used. If your account is not active, ask your administrator to resend the invitation.',
      },
      superseded: {
        title: 'Link replaced',
        text: 'A newer invitation has been sent to you: use the link of the most recent e-mail, or ask your administrator to resend the invitation.',
      },
      user_gone: { title: 'Account not found', text: 'This account no longer exists. Ask your administrator.' },
      error: { title: 'Error', text: 'The activation could not be done. Try again in a moment.' },
    },
  },
  mail: {
    subject: 'Activate your account',
    greeting: (firstName: string) => `Hello ${firstName},`,
    body: 'An administrator has created your account. Open the link below and click "Activate" to activate it:',
    button: 'Activate my account',
    expires: (at: string) => `The link can be used once and expires on ${invitationTime('en', at)}.`,
    ignore: 'If you were not expecting this e-mail, you can ignore it.',
  },
};

export type InvitationMessages = typeof invitationsEn;

const pl = (n: number) => (n > 1 ? 's' : '');

export const invitationsFr: InvitationMessages = {
  statusInvited: (at) => `Vérifié (invitation envoyée le ${invitationTime('fr', at)}, compte pas encore activé)`,
  resend: "Renvoyer l'invitation",
  noPending: "Tous les utilisateurs ont activé leur compte : il n'y a aucune invitation à envoyer.",
  confirmTitle: (count) => (count === 1 ? "1 utilisateur n'a pas activé son compte :" : `${count} utilisateurs n'ont pas activé leur compte :`),
  names: (names, more) => `${names.join(', ')}${more ? ', …' : ''}`,
  willSkip: (count) =>
    count === 1
      ? 'Parmi eux, 1 a été invité il y a moins de 24 h et sera ignoré (Webex fait de même).'
      : `Parmi eux, ${count} ont été invités il y a moins de 24 h et seront ignorés (Webex fait de même).`,
  irreversible: (days) =>
    `L'envoi est irréversible : chacun reçoit un e-mail avec un lien d'activation, utilisable une fois et valable ${days} jours.`,
  send: 'Envoyer',
  confirmHelp: "Cliquez sur « Envoyer » pour envoyer les invitations, ou sur « Annuler ». Vous pouvez aussi écrire « envoyer » ou « annuler ».",
  resultTitle: 'Invitations',
  summary: (c) =>
    `${c.sent} envoyée${pl(c.sent)} · ${c.skipped} ignorée${pl(c.skipped)}${c.skipped && c.recentOnly ? ` (déjà invitée${pl(c.skipped)} il y a moins de 24 h)` : ''} · ${c.failed} échec${pl(c.failed)}`,
  dryRunSummary: (c) =>
    `Simulation, rien n'est envoyé : ${c.sent} ${c.sent > 1 ? 'seraient envoyées' : 'serait envoyée'}, ${c.skipped} ${c.skipped > 1 ? 'seraient ignorées' : 'serait ignorée'}`,
  sentTitle: 'Envoyées',
  skippedTitle: 'Ignorées',
  failedTitle: 'Non envoyées',
  andMore: (count) => `… et ${count} de plus`,
  retry: 'Réessayer',
  reasons: {
    recently_invited: (at) => `déjà invité il y a moins de 24 h${at ? `, le ${invitationTime('fr', at)}` : ''}`,
    already_active: () => 'compte déjà actif',
    send_failed: (detail) => `l'e-mail n'a pas pu être envoyé${detail ? ` (${detail})` : ''}`,
    user_not_found: () => "cet utilisateur n'existe plus",
    over_limit: (max) => `pas envoyée cette fois : au plus ${max} invitations par envoi ; renvoyez pour les autres`,
  },
  createdSent: (email) => `Invitation envoyée à ${email}.`,
  createdSkipped: (reason) => `Aucune invitation envoyée : ${reason}.`,
  createdFailed: (reason) =>
    `L'utilisateur est créé, mais l'invitation n'a pas été envoyée : ${reason}. Cliquez sur « Renvoyer l'invitation » pour réessayer.`,
  cliCreatedFailed: (reason) =>
    `Attention : l'utilisateur est créé, mais l'invitation n'a pas été envoyée : ${reason}. Lancez « invitations send » pour réessayer.`,
  cliFailed: (count) => `${count} invitation(s) n'ont pas pu être envoyée(s).`,
  cliLine: {
    sent: (email) => `envoyée : ${email}`,
    wouldSend: (email) => `serait envoyée : ${email}`,
    skipped: (email, reason) => `ignorée : ${email} (${reason})`,
    failed: (email, reason) => `non envoyée : ${email} (${reason})`,
  },
  page: {
    title: 'Activer votre compte',
    intro: (name) => `Bonjour ${name}. Un administrateur a créé votre compte : cliquez sur « Activer » pour l'activer.`,
    activate: 'Activer',
    activeTitle: 'Votre compte est actif',
    activeText: (name) => `${name}, votre compte est actif. Vous pouvez fermer cette page.`,
    problems: {
      unknown: {
        title: 'Lien inconnu',
        text: "Ce lien d'activation n'existe pas. Vérifiez que vous avez ouvert le lien entier de l'e-mail, ou demandez à votre administrateur de vous renvoyer l'invitation.",
      },
      expired: { title: 'Lien expiré', text: "Ce lien d'activation a expiré. Demandez à votre administrateur de vous renvoyer l'invitation." },
      used: {
        title: 'Lien déjà utilisé',
        text: "Ce lien d'activation a déjà servi. Si votre compte n'est pas actif, demandez à votre administrateur de vous renvoyer l'invitation.",
      },
      superseded: {
        title: 'Lien remplacé',
        text: "Une invitation plus récente vous a été envoyée : utilisez le lien du dernier e-mail reçu, ou demandez à votre administrateur de vous renvoyer l'invitation.",
      },
      user_gone: { title: 'Compte introuvable', text: "Ce compte n'existe plus. Adressez-vous à votre administrateur." },
      error: { title: 'Erreur', text: "L'activation n'a pas pu se faire. Réessayez dans un instant." },
    },
  },
  mail: {
    subject: 'Activez votre compte',
    greeting: (firstName) => `Bonjour ${firstName},`,
    body: 'Un administrateur a créé votre compte. Ouvrez le lien ci-dessous et cliquez sur « Activer » pour l’activer :',
    button: 'Activer mon compte',
    expires: (at) => `Le lien ne sert qu'une fois et expire le ${invitationTime('fr', at)}.`,
    ignore: "Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.",
  },
};
