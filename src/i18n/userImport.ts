import type { UserIssueCode } from '../domain/contactIssues';

type Details = Record<string, string | number>;

const USER_COLUMNS = 'User ID/Email (Required), First Name, Last Name, Display Name, Location, Phone Number, Extension';

export const userImportEn = {
  askFile: 'Send me the users file: attach it to your message (CSV or .xlsx), or paste its lines here, header first.',
  accepted: (rows: number, megabytes: string) =>
    `Accepted: the Control Hub users CSV (${USER_COLUMNS}, then one column per licence holding TRUE or FALSE), as CSV or .xlsx, up to ${rows} rows and ${megabytes} MB. One file at a time.`,
  waitingForFile: 'I am waiting for the users file: attach it, paste its lines (header first), or type "cancel".',
  templateButton: 'Download the template',
  exportButton: 'Export the users to edit',
  askMode: 'How should the licence columns be read?',
  modes: {
    add: 'Add services only',
    'add-remove': 'Add and remove services',
  } as Record<string, string>,
  modeHelp: {
    add: 'TRUE adds the licence; FALSE and empty change nothing.',
    'add-remove': 'TRUE adds the licence, FALSE removes it; empty changes nothing.',
  } as Record<string, string>,
  modeLabel: 'Mode',
  waitingForMode: 'Click one of the two modes, or type "add" or "add and remove" (or "cancel").',
  sendInvitationsHint: 'New users are pending: send them their invitations when you are ready ("send invitations").',
  file: {
    empty_file: () => 'The file is empty. Save your spreadsheet as CSV UTF-8 or .xlsx, with the header on the first line and one user per line.',
    header_only: () => 'The file holds the header but no user. Add one user per line under the header, then import it again.',
    unknown_header: (d: Details) =>
      `The first line is not the users header (it starts with: ${d.found}). Start from the template or an export: ${USER_COLUMNS}, then one column per licence.`,
    missing_column: (d: Details) => `The header (first line) lacks the column ${d.columns}: every row needs the user's e-mail. Add it with that exact name.`,
  },
  row: {
    email_required: (d: Details) => `"${d.column}" is empty: every user needs an e-mail address. Fill it in.`,
    license_value_invalid: (d: Details) => `"${d.value}" in the licence column "${d.column}" is neither TRUE nor FALSE: write TRUE, FALSE, or leave it empty.`,
    new_user_needs_license: () => 'A new user needs at least one licence: write TRUE in one licence column.',
    no_units_left: (d: Details) => `The licence ${d.license} has no unit left. Free a unit, buy more, or write FALSE (or nothing) in "${d.column}".`,
    unknown_location: (d: Details) => `There is no location "${d.value}". Write one of: ${d.known}.`,
    location_required: () => 'A calling licence needs a location: fill in "Location".',
    number_or_extension_required: (d: Details) =>
      `A calling licence needs a phone number or an extension in ${d.location}: fill in "Phone Number" or "Extension".`,
    number_not_in_location: (d: Details) => `${d.number} is not a number of the location ${d.location}. Pick one of its free numbers, or fix "Location".`,
    number_taken: (d: Details) => `${d.number} is already the number of ${d.name}. Pick a free number of the location.`,
    number_twice_in_file: (d: Details) => `${d.number} is also given to the user on line ${d.line} of the file. Give each user their own number.`,
    extension_taken: (d: Details) => `Extension ${d.extension} is already used by ${d.name} in ${d.location}. Pick another one.`,
    extension_twice_in_file: (d: Details) => `Extension ${d.extension} is also given to the user on line ${d.line} of the file, in ${d.location}. Pick another one.`,
    extension_suggested: (d: Details) => `"${d.column}" was empty: the extension is ${d.extension}, the last 4 digits of ${d.number}.`,
    suggested_extension_taken: (d: Details) =>
      `"${d.column}" is empty and ${d.extension} (the last 4 digits of ${d.number}) is already used in this location: write an extension.`,
    calling_needs_license: () =>
      'Location, Phone Number and Extension are for a calling licence, and this user would have none: write TRUE in a calling licence column, or empty those cells.',
  } satisfies Record<UserIssueCode, (d: Details) => string>,
};

export const userImportFr: typeof userImportEn = {
  askFile: "Envoyez-moi le fichier des utilisateurs : joignez-le à votre message (CSV ou .xlsx), ou collez ses lignes ici, l'en-tête d'abord.",
  accepted: (rows, megabytes) =>
    `Accepté : le CSV des utilisateurs de Control Hub (${USER_COLUMNS}, puis une colonne par licence avec TRUE ou FALSE), en CSV ou .xlsx, jusqu'à ${rows} lignes et ${megabytes} Mo. Un seul fichier à la fois.`,
  waitingForFile: "J'attends le fichier des utilisateurs : joignez-le, collez ses lignes (l'en-tête d'abord), ou tapez « annuler ».",
  templateButton: 'Télécharger le modèle',
  exportButton: 'Exporter les utilisateurs à modifier',
  askMode: 'Comment lire les colonnes de licences ?',
  modes: {
    add: 'Ajouter des services uniquement',
    'add-remove': 'Ajouter et supprimer des services',
  },
  modeHelp: {
    add: 'TRUE ajoute la licence ; FALSE et vide ne changent rien.',
    'add-remove': 'TRUE ajoute la licence, FALSE la retire ; vide ne change rien.',
  },
  modeLabel: 'Mode',
  waitingForMode: "Cliquez sur l'un des deux modes, ou tapez « ajouter » ou « ajouter et supprimer » (ou « annuler »).",
  sendInvitationsHint: 'Les nouveaux utilisateurs sont en attente : envoyez-leur leurs invitations quand vous êtes prêt (« envoyer les invitations »).',
  file: {
    empty_file: () => "Le fichier est vide. Enregistrez votre tableur au format CSV UTF-8 ou .xlsx, avec l'en-tête sur la première ligne et un utilisateur par ligne.",
    header_only: () => "Le fichier contient l'en-tête mais aucun utilisateur. Ajoutez un utilisateur par ligne sous l'en-tête, puis importez-le à nouveau.",
    unknown_header: (d) =>
      `La première ligne n'est pas l'en-tête des utilisateurs (elle commence par : ${d.found}). Partez du modèle ou d'un export : ${USER_COLUMNS}, puis une colonne par licence.`,
    missing_column: (d) =>
      `Il manque à l'en-tête (première ligne) la colonne ${d.columns} : chaque ligne doit donner l'e-mail de l'utilisateur. Ajoutez-la avec ce nom exact.`,
  },
  row: {
    email_required: (d) => `« ${d.column} » est vide : chaque utilisateur a besoin d'une adresse e-mail. Renseignez-la.`,
    license_value_invalid: (d) =>
      `« ${d.value} » dans la colonne de licence « ${d.column} » n'est ni TRUE ni FALSE : écrivez TRUE, FALSE, ou laissez vide.`,
    new_user_needs_license: () => 'Un nouvel utilisateur doit avoir au moins une licence : écrivez TRUE dans une colonne de licence.',
    no_units_left: (d) => `La licence ${d.license} n'a plus d'unité disponible. Libérez-en une, achetez-en, ou écrivez FALSE (ou rien) dans « ${d.column} ».`,
    unknown_location: (d) => `Il n'y a pas d'emplacement « ${d.value} ». Écrivez l'un de : ${d.known}.`,
    location_required: () => "Une licence d'appel demande un emplacement : renseignez « Location ».",
    number_or_extension_required: (d) =>
      `Une licence d'appel demande un numéro ou un numéro interne dans ${d.location} : renseignez « Phone Number » ou « Extension ».`,
    number_not_in_location: (d) =>
      `${d.number} n'est pas un numéro de l'emplacement ${d.location}. Choisissez l'un de ses numéros libres, ou corrigez « Location ».`,
    number_taken: (d) => `${d.number} est déjà le numéro de ${d.name}. Choisissez un numéro libre de l'emplacement.`,
    number_twice_in_file: (d) => `${d.number} est aussi donné à l'utilisateur de la ligne ${d.line} du fichier. Donnez à chacun son numéro.`,
    extension_taken: (d) => `Le numéro interne ${d.extension} est déjà utilisé par ${d.name} dans ${d.location}. Choisissez-en un autre.`,
    extension_twice_in_file: (d) =>
      `Le numéro interne ${d.extension} est aussi donné à l'utilisateur de la ligne ${d.line} du fichier, dans ${d.location}. Choisissez-en un autre.`,
    extension_suggested: (d) => `« ${d.column} » était vide : le numéro interne est ${d.extension}, les 4 derniers chiffres de ${d.number}.`,
    suggested_extension_taken: (d) =>
      `« ${d.column} » est vide et ${d.extension} (les 4 derniers chiffres de ${d.number}) est déjà utilisé dans cet emplacement : écrivez un numéro interne.`,
    calling_needs_license: () =>
      "Location, Phone Number et Extension vont avec une licence d'appel, et cet utilisateur n'en aurait aucune : écrivez TRUE dans une colonne de licence d'appel, ou videz ces cellules.",
  },
};
