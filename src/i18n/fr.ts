import { contactEditingFr } from './contactEditing';
import { listsFr } from './lists';
import { userImportFr } from './userImport';
import { fileSizes, formatCount, megabytes, typedField, type Messages } from './en';
import { invitationsFr } from './invitations';

export const fr: Messages = {
  welcome: {
    title: 'Bienvenue dans Provisio',
    body: "Je vous aide à gérer votre organisation Webex : utilisateurs, numéros, contacts et imports. Choisissez une action ci-dessous ou écrivez ce que vous voulez faire (« ajouter un utilisateur », « importer des contacts », « aide »).",
  },
  menu: {
    title: 'Que voulez-vous faire ?',
    subtitle: "Cliquez sur une action ou écrivez-la. « annuler » arrête un parcours à tout moment, « aide » affiche ce menu. Type \"english\" to switch to English.",
    actions: {
      addUser: 'Ajouter un utilisateur',
      assignNumber: 'Attribuer un numéro',
      deleteUser: 'Supprimer un utilisateur',
      listUsers: 'Utilisateurs',
      importContacts: 'Importer des contacts',
      importUsers: 'Importer des utilisateurs',
      sendInvitations: 'Envoyer les invitations',
      contacts: 'Contacts',
      distributionLists: 'Listes de diffusion',
      audit: "Journal d'audit",
      help: 'Aide',
    },
  },
  comingSoon: (flow) => `« ${flow} » n'est pas encore disponible dans cette version. Tout le reste du menu fonctionne.`,
  notUnderstood: (text) => `Je n'ai pas compris « ${text} ». Voici ce que je sais faire :`,
  cancelled: "Annulé. Rien n'a été modifié.",
  flowHelp: "Répondez à la question ci-dessus, ou écrivez « annuler » pour arrêter. Rien n'est enregistré avant votre confirmation.",
  languageSet: 'Je vous réponds désormais en français.',
  accessDenied: (id) => `Désolé, vous n'êtes pas autorisé à utiliser Provisio. Demandez à un administrateur de vous ajouter (votre identifiant : ${id}).`,
  notAllowed: (flow) => `Désolé, « ${flow} » est réservé aux administrateurs. Demandez à l'un d'eux si c'est nécessaire.`,
  notYourQuestion: (owner, flow, minutes) =>
    `Cette question appartient à ${owner}, qui a lancé « ${flow} » : seule cette personne peut y répondre ou écrire « annuler ». Rien n'a été modifié. Après ${minutes} minutes sans réponse, n'importe qui pourra lancer autre chose.`,
  nothingToCancel: "Il n'y a rien à annuler.",
  turnError: (id) => `Désolé, une erreur s'est produite de mon côté. Merci de réessayer. (référence ${id})`,
  turnBusy: "Je traite encore un message précédent de cette conversation. Rien n'a été fait avec celui-ci : renvoyez-le dans un instant.",
  turnConflict:
    "Cette conversation a avancé ailleurs pendant que je répondais (un autre de ses messages a été traité en même temps) : je n'ai pas pu enregistrer où nous en sommes. Ce que vous avez confirmé ci-dessus est fait ; renvoyez votre dernière réponse, ou écrivez « aide ».",
  backendUnavailable: (id) =>
    `L'annuaire est injoignable. Rien n'a été modifié. Merci de réessayer dans un instant. (référence ${id})`,
  errors: {
    invalid_email: (d) => `« ${d.email} » n'est pas une adresse e-mail valide (attendu : nom@entreprise.fr).`,
    email_taken: (d) => `${d.email} est déjà utilisée par ${d.name}. Donnez une autre adresse e-mail.`,
    invalid_name: () => 'Il faut un prénom et un nom.',
    license_required: () => 'Choisissez au moins une licence.',
    unknown_license: (d) => `Il n'y a pas de licence « ${d.name} ». Licences : ${d.known}.`,
    no_units_left: (d) => `« ${d.license} » n'a plus d'unité disponible (${d.total} sur ${d.total} utilisées). Choisissez une autre licence, ou libérez une unité d'abord.`,
    location_required: () => "Une licence d'appel demande un emplacement.",
    calling_needs_license: () => "Un emplacement, un numéro ou un numéro interne demande une licence d'appel. Ajoutez-en une, ou retirez-les.",
    unknown_location: (d) => `Il n'y a pas d'emplacement « ${d.name} ». Emplacements : ${d.known}.`,
    number_not_free: (d) => `${d.number} n'est pas un numéro libre de cet emplacement (quelqu'un vient peut-être de le prendre). Choisissez-en un autre.`,
    invalid_number: (d) => `Je ne sais pas lire « ${d.number} » comme un numéro. Écrivez-le +33 6 34 33 32 11 ou 06 34 33 32 11.`,
    invalid_extension: (d) => `Un numéro interne ne contient que des chiffres (2 à 10) ; « ${d.extension} » ne convient pas.`,
    extension_taken: (d) => `Le numéro interne ${d.extension} est déjà utilisé par ${d.name} dans cet emplacement. Choisissez-en un autre.`,
    number_or_extension_required: () => "Un utilisateur d'appel doit avoir un numéro ou un numéro interne (un numéro interne temporaire suffit).",
    user_not_found: (d) => `Aucun utilisateur ne correspond à « ${d.query} ». Écrivez une partie du nom ou l'adresse e-mail.`,
    value_too_long: (d) => `${typedField.fr[String(d.field)] ?? d.field} contient ${d.length} caractères ; ${d.max} au plus sont acceptés. Raccourcissez cette valeur.`,
    unsafe_character: (d) =>
      `${typedField.fr[String(d.field)] ?? d.field} contient un caractère de contrôle invisible (${d.character}) en position ${d.position} : il fausserait l'affichage. Retapez cette valeur sans lui.`,
    not_allowed: () => "Désolé, votre rôle ne permet pas cette modification : rien n'a été écrit. Demandez à un administrateur si c'est nécessaire.",
  },
  common: {
    confirm: 'Confirmer',
    change: 'Modifier',
    cancel: 'Annuler',
    more: 'Plus',
    none: 'Aucun',
    yes: 'Oui',
    no: 'Non',
    statusActive: 'Actif',
    statusPending: 'Vérifié (invitation pas encore envoyée)',
    statusPendingShort: 'Vérifié',
    name: 'Nom',
    email: 'E-mail',
    licenses: 'Licences',
    location: 'Emplacement',
    number: 'Numéro',
    extension: 'Numéro interne',
    status: 'Statut',
    before: 'Avant',
    after: 'Après',
    noneValue: '—',
  },
  addUser: {
    askIdentity: "Prénom, nom et adresse e-mail du nouvel utilisateur ? (vous pouvez tout écrire d'un coup : « Robert Redford rredford@exemple.fr »)",
    identityShape: "Il me faut un prénom, un nom et une adresse e-mail, par exemple « Robert Redford rredford@exemple.fr ».",
    askLicenses: 'Quelle(s) licence(s) ? Cliquez sur une licence, ou cochez-en plusieurs puis Continuer. Vous pouvez aussi écrire leur nom.',
    unitsLeft: (name, left) => `${name} — ${left} restante${left > 1 ? 's' : ''}`,
    continue: 'Continuer',
    askLocation: 'Emplacement ?',
    askNumber: (location, free) => `Numéro de l'emplacement ${location} (${free} libre${free > 1 ? 's' : ''}) :`,
    noNumber: 'Aucun numéro',
    noFreeNumber: (location) => `Tous les numéros de ${location} sont attribués (« Aucun ») : je donnerai seulement un numéro interne. Vous pourrez ajouter un numéro plus tard avec « attribuer un numéro ».`,
    askExtension: (suggested) => `Numéro interne ? Je propose ${suggested} (4 derniers chiffres). Cliquez dessus ou tapez-en un autre.`,
    askExtensionRequired: 'Numéro interne ? (2 à 10 chiffres ; obligatoire sans numéro ; un numéro temporaire suffit)',
    askExtensionOptional: 'Numéro interne ? (2 à 10 chiffres) Ou cliquez sur « Pas de numéro interne ».',
    noExtension: 'Pas de numéro interne',
    summaryTitle: 'Récapitulatif — nouvel utilisateur',
    created: (name) => `✅ Utilisateur ${name} créé`,
    addAnother: 'Ajouter un autre utilisateur',
    whatToChange: 'Que voulez-vous modifier ?',
    changeIdentity: 'Nom et e-mail',
    changeLicenses: 'Licences',
    changeCalling: 'Emplacement et numéro',
    changeExtension: 'Numéro interne',
    numberTaken: (number) => `${number} vient d'être attribué à quelqu'un d'autre. Choisissez un autre numéro.`,
  },
  findUser: {
    ask: "Quel utilisateur ? Écrivez une partie du nom ou l'adresse e-mail.",
    choose: (count) => `${count} utilisateurs correspondent. Lequel ?`,
  },
  assignNumber: {
    title: (name) => `Numéro pour ${name}`,
    current: 'Attribution actuelle',
    done: (name) => `✅ Numéro attribué à ${name}`,
    summaryTitle: 'Récapitulatif — attribution de numéro',
  },
  deleteUser: {
    confirmTitle: (name) => `Supprimer ${name} ?`,
    willRemove: 'Cette suppression est irréversible. Elle retire :',
    freesNumber: (number) => `le numéro ${number} retourne dans les numéros libres de son emplacement`,
    freesExtension: (extension) => `le numéro interne ${extension} est libéré`,
    removesLicenses: (names) => `licences : ${names}`,
    delete: 'Supprimer',
    done: (name) => `🗑️ Utilisateur ${name} supprimé`,
  },
  listUsers: {
    title: (count, filter) => `${count} utilisateur(s)${filter ? ` — ${filter}` : ''}`,
    empty: 'Aucun utilisateur ne correspond.',
    page: (page, pages) => `Page ${page} sur ${pages}`,
    next: 'Page suivante',
    filterHelp: 'Filtres : « utilisateurs actifs », « utilisateurs en attente », ou un nom d\'emplacement.',
  },
  invitations: invitationsFr,
  audit: {
    title: (shown, total) =>
      shown < total ? `Journal d'audit : les ${shown} dernières modifications sur ${total}` : `Journal d'audit : ${total} modification${total === 1 ? '' : 's'}`,
    empty: "Aucune modification n'a encore été enregistrée.",
    entry: (d) => `${d.at} — ${d.who} : ${d.action} ${d.target}`,
    change: (field, before, after) => `${field} : ${before || '—'} → ${after || '—'}`,
    cliHint: 'Le journal complet, avec tous les détails : npm run cli -- audit --json (ou --since 2026-11-01).',
    actions: {
      'user.create': "a créé l'utilisateur",
      'user.delete': "a supprimé l'utilisateur",
      'user.assignCalling': 'a modifié la téléphonie de',
      'user.invite': "a envoyé l'invitation à",
      'user.activate': 'a activé',
      'contacts.apply': 'a importé ou modifié des contacts :',
      'list.create': 'a créé la liste de diffusion',
      'list.delete': 'a supprimé la liste de diffusion',
      'list.update': 'a renommé la liste de diffusion',
      'list.members': 'a modifié les membres de la liste de diffusion',
      'contact.create': 'a créé le contact',
      'contact.update': 'a modifié le contact',
      'contact.delete': 'a supprimé le contact',
      'contacts.delete': 'a supprimé les contacts',
    },
  },
  contactImport: {
    askFile: 'Envoyez-moi le fichier de contacts : joignez-le à votre message (CSV ou .xlsx), ou collez ses lignes ici, en-tête en premier.',
    accepted: (rows, bytes) =>
      `Acceptés : le modèle de contacts Webex (28 colonnes) ou le format contacts d'entreprise, en CSV ou .xlsx, jusqu'à ${formatCount(rows, 'fr')} lignes et ${megabytes(bytes, 'fr')} Mo.`,
    uploadHint: (minutes) => `Pas de bouton pour joindre un fichier ? Utilisez le lien d'envoi (valable ${minutes} minutes).`,
    uploadButton: 'Envoyer un fichier',
    templateButton: 'Télécharger le modèle',
    waitingForFile: "J'attends le fichier de contacts : joignez-le, collez ses lignes (en-tête en premier), ou écrivez « annuler ».",
    fetchFailed: {
      host_not_allowed: (d) =>
        `Je ne télécharge pas de fichiers depuis ${d.host}. Joignez le fichier depuis votre ordinateur dans cette conversation, ou utilisez le lien d'envoi.`,
      insecure_url: (d) => `Je ne télécharge qu'en https, et ${d.host} ne l'est pas. Joignez le fichier depuis votre ordinateur, ou utilisez le lien d'envoi.`,
      bad_url: () => "Cette pièce jointe n'a pas d'adresse que je puisse télécharger. Joignez à nouveau le fichier, ou utilisez le lien d'envoi.",
      too_large: (d) => `Le fichier dépasse ${megabytes(d.limit, 'fr')} Mo, la limite par import. Découpez-le en fichiers plus petits.`,
      timeout: () => "Le téléchargement du fichier a pris trop de temps. Renvoyez-le ; si l'échec se répète, utilisez le lien d'envoi.",
      http_status: (d) => `Le fichier n'a pas pu être téléchargé (le serveur a répondu ${d.status}). Renvoyez-le, ou utilisez le lien d'envoi.`,
      too_many_redirects: () => "Le fichier n'a pas pu être téléchargé (trop de redirections). Joignez-le à nouveau, ou utilisez le lien d'envoi.",
      network: () => "Le fichier n'a pas pu être téléchargé (erreur réseau). Renvoyez-le, ou utilisez le lien d'envoi.",
    },
    sendAnother: 'Envoyez un fichier corrigé, ou écrivez « annuler ».',
    previewTitle: (fileName) => `Aperçu de ${fileName}`,
    previewIntro: "Rien n'est encore enregistré. Vérifiez les nombres, puis cliquez sur Importer.",
    format: 'Format',
    formats: { 'webex-contacts': 'Modèle de contacts Webex', 'company-contacts': "Contacts d'entreprise", 'webex-users': 'CSV des utilisateurs Control Hub' },
    encoding: 'Encodage',
    delimiter: 'Séparateur',
    delimiters: { ',': 'virgule', ';': 'point-virgule', '\t': 'tabulation' },
    rows: 'Lignes',
    toCreate: 'À créer',
    toUpdate: 'À modifier',
    toLeave: 'Inchangés',
    toReject: 'Rejetés (erreurs)',
    warnings: 'Avertissements',
    firstErrors: (shown, total) => (shown < total ? `Les ${shown} premières erreurs sur ${total} :` : `Erreurs (${total}) :`),
    errorLine: (line, column, message) => `Ligne ${line}${column ? `, ${column}` : ''} : ${message}`,
    importButton: 'Importer',
    downloadErrors: 'Télécharger les erreurs',
    nothingToImport:
      "Aucune ligne ne peut être importée. Téléchargez les erreurs, corrigez les lignes (la raison est dans la colonne Commentaires), puis renvoyez le fichier.",
    allUnchanged: "Tous les contacts du fichier sont déjà dans l'annuaire à l'identique : il n'y a rien à importer.",
    importing: (rows) => `Import de ${formatCount(rows, 'fr')} ${rows > 1 ? 'lignes' : 'ligne'} en cours…`,
    stillImporting: (seconds) => `Import toujours en cours… (${seconds} s)`,
    resultTitle: 'Import terminé',
    resultTitleWithErrors: 'Import terminé, avec des erreurs',
    created: 'Créés',
    updated: 'Modifiés',
    unchanged: 'Inchangés',
    failed: 'Erreurs',
    startedAt: 'Début',
    endedAt: 'Fin',
    by: 'Par',
    job: "N° d'import",
    errorFileHint:
      "Téléchargez le fichier d'erreurs, corrigez chaque ligne comme l'indique sa colonne Commentaires, et renvoyez-le : seules ces lignes seront importées.",
    downloadErrorFile: "Télécharger le fichier d'erreurs",
    importAnother: 'Importer un autre fichier',
    busyKept: (by, at) =>
      `Un import est déjà en cours, lancé par ${by} à ${at}. Votre aperçu est conservé : cliquez de nouveau sur Importer une fois qu'il sera terminé.`,
    interrupted: (fileName, at) =>
      `L'import de ${fileName} lancé à ${at} a été interrompu avant la fin (le service a redémarré). Le relancer est sans risque : les contacts déjà écrits sont reconnus et laissés inchangés. Cliquez sur Importer pour le relancer.`,
    alreadyImported:
      "Cet aperçu a déjà été importé ou a expiré : rien n'a été importé une seconde fois. Renvoyez le fichier pour lancer un nouvel import.",
    cancelled: "Import annulé. Rien n'a été importé.",
    links: (minutes) => `Les liens restent valables ${minutes} minutes.`,
  },
  contacts: {
    title: 'Contacts',
    count: (n) => (n === 1 ? "Un contact dans l'annuaire." : `${n} contacts dans l'annuaire.`),
    importButton: 'Importer un fichier',
    templateButton: 'Télécharger le modèle',
    exportButton: 'Exporter tous les contacts',
    historyButton: 'Derniers imports',
    exportReady: (n, minutes) => `Export de ${n} contacts prêt (modèle Webex, UTF-8). Le lien reste valable ${minutes} minutes.`,
    templateReady: (minutes) => `Voici le modèle de contacts Webex (en-tête seul). Le lien reste valable ${minutes} minutes.`,
    download: 'Télécharger',
    historyTitle: 'Derniers imports',
    historyEmpty: "Aucun import pour l'instant.",
    historyLine: (d) => `${d.at} — ${d.fileName} par ${d.by} : ${d.status}${d.counts ? ` (${d.counts})` : ''}`,
    historyCounts: (c) => `${c.created} créés, ${c.updated} modifiés, ${c.unchanged} inchangés, ${c.failed} erreurs`,
    status: { running: 'en cours', done: 'terminé', failed: 'fichier refusé', interrupted: "interrompu (rien d'importé)" },
  },
  userImport: userImportFr,
  contactEditing: contactEditingFr,
  lists: listsFr,
  import: {
    commentsColumn: 'Commentaires',
    nothingImported: "Rien n'a été importé.",
    file: {
      empty_file: () =>
        "Le fichier est vide. Enregistrez votre tableur au format CSV UTF-8 ou .xlsx, avec l'en-tête sur la première ligne et un contact par ligne.",
      header_only: () => "Le fichier contient l'en-tête mais aucun contact. Ajoutez un contact par ligne sous l'en-tête, puis importez-le à nouveau.",
      not_text: () =>
        "Ce fichier n'est ni un texte CSV ni un classeur .xlsx. Dans votre tableur, choisissez « Enregistrer sous » > « CSV UTF-8 (délimité par des virgules) » ou .xlsx, et importez ce fichier.",
      unreadable_xlsx: () =>
        'Ce classeur .xlsx est illisible (endommagé ou protégé par mot de passe). Ouvrez-le dans votre tableur et enregistrez-le à nouveau en .xlsx ou en CSV UTF-8.',
      xlsx_too_large: (d) =>
        `Une fois décompressé, ce classeur .xlsx contient ${fileSizes(d, 'fr')[0]} de données ; la limite est de ${fileSizes(d, 'fr')[1]}. Gardez seulement la feuille à importer (supprimez les autres feuilles, les images et les lignes et colonnes vides sous vos données ou à leur droite), ou enregistrez-la en CSV UTF-8, et importez-la à nouveau.`,
      xlsx_too_many_parts: (d) =>
        `Ce classeur .xlsx est fait de ${formatCount(d.parts, 'fr')} parties (feuilles, images, graphiques…) ; la limite est de ${formatCount(d.max, 'fr')}. Copiez les lignes à importer dans un nouveau classeur, ou enregistrez la feuille en CSV UTF-8, et importez ce fichier.`,
      xlsx_too_wide: (d) =>
        `La feuille a une valeur dans la cellule ${d.cell}, au-delà de la dernière colonne lue (${d.max}, la 256e). Supprimez ce qui est à droite de vos données, ou déplacez vos colonnes vers la gauche, et importez à nouveau le fichier.`,
      too_large: (d) =>
        `Le fichier pèse ${fileSizes(d, 'fr')[0]} ; la limite est de ${fileSizes(d, 'fr')[1]} par import. Découpez-le en fichiers plus petits et importez-les l'un après l'autre.`,
      too_many_rows: (d) =>
        `Le fichier contient ${formatCount(d.rows, 'fr')} lignes ; la limite est de ${formatCount(d.max, 'fr')} par import. Découpez-le en fichiers d'au plus ${formatCount(d.max, 'fr')} lignes et importez-les l'un après l'autre.`,
      malformed_csv: (d) =>
        `Ligne ${d.line} : un guillemet est mal placé ou jamais fermé, le fichier est illisible à partir de là. Une valeur qui contient des guillemets, des séparateurs ou des retours à la ligne doit être entre guillemets, ses propres guillemets doublés (« "" ») ; ou enregistrez à nouveau le fichier depuis votre tableur.`,
      unknown_header: (d) =>
        `La première ligne n'est pas un en-tête connu (elle commence par : ${d.found}). Utilisez le modèle de contacts Webex (Display Name, Contact UUID, First Name, … : téléchargez le modèle) ou le format contacts de l'entreprise (nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2).`,
      missing_column: (d) =>
        `Il manque à l'en-tête (première ligne) la colonne ${d.columns} (« / » veut dire : l'une d'elles). Ajoutez-la avec ce nom exact, ou partez du modèle.`,
      duplicate_column: (d) => `L'en-tête contient deux fois la colonne « ${d.column} ». N'en gardez qu'une.`,
      users_file: () =>
        "C'est un fichier d'utilisateurs (User ID/Email, licences…), pas de contacts : tapez « importer des utilisateurs » pour l'importer.",
      contacts_file: () => "C'est un fichier de contacts, pas d'utilisateurs : tapez « importer des contacts » pour l'importer.",
    },
    row: {
      display_name_required: (d) => `« ${d.column} » est vide : chaque contact doit avoir un nom d'affichage. Renseignez-le.`,
      contact_method_required: () => "Le contact n'a ni numéro de téléphone, ni e-mail, ni URI SIP : renseignez au moins l'un des trois.",
      phone_or_email_required: () => "Le contact n'a ni téléphone de travail ni e-mail : renseignez « téléphone-travail » ou « e-mail ».",
      phone_type_required: (d) =>
        `« ${d.column} » est vide, mais le numéro ${d.number} doit avoir un type : écrivez work, work_extension, mobile, home ou other.`,
      phone_type_invalid: (d) => `« ${d.value} » dans « ${d.column} » n'est pas un type de numéro : écrivez l'un de ${d.allowed}.`,
      phone_type_without_number: (d) => `« ${d.column} » indique « ${d.value} » mais son numéro est vide : le type est ignoré.`,
      phone_invalid: (d) =>
        `« ${d.value} » dans « ${d.column} » n'est pas un numéro de téléphone. Écrivez-le au format international (+33 1 23 45 67 89, ou 0033…) ou national (01 23 45 67 89).`,
      phone_scientific_notation: (d) =>
        `« ${d.value} » dans « ${d.column} » est un nombre qu'un tableur a écrit en notation scientifique : ses derniers chiffres sont perdus. Ressaisissez le numéro dans une colonne au format texte (par ex. +33 6 12 34 56 78), puis enregistrez en CSV.`,
      phone_lost_plus: (d) =>
        `« ${d.value} » dans « ${d.column} » ressemble à un numéro international qui a perdu son « + » dans un tableur : écrivez ${d.suggestion}, dans une colonne au format texte pour que le « + » reste.`,
      phone_plus_added: (d) =>
        `« ${d.value} » dans « ${d.column} » est un numéro international sans son « + » (un tableur le supprime) : importé comme ${d.e164}. Vérifiez-le ; écrit avec son « + », dans une colonne au format texte, il ne donne plus cet avertissement.`,
      phone_not_valid: (d) =>
        `« ${d.value} » dans « ${d.column} » (${d.e164}) a une longueur possible mais n'est pas un numéro attribué dans son pays : importé tel quel, vérifiez-le.`,
      extension_invalid: (d) =>
        `« ${d.value} » dans « ${d.column} » n'est pas un numéro interne : un numéro interne compte de 2 à 10 chiffres (par ex. 4021).`,
      email_invalid: (d) => `« ${d.value} » dans « ${d.column} » n'est pas une adresse e-mail valide (attendu : nom@entreprise.fr).`,
      sip_invalid: (d) =>
        `« ${d.value} » dans « ${d.column} » n'est pas une URI SIP (attendu : utilisateur@domaine, comme jdupont@exemple.fr ou sip:jdupont@exemple.fr).`,
      too_many_values: (d) =>
        `La ligne a ${d.count} valeurs pour ${d.expected} colonnes : une valeur contient sans doute le séparateur « ${d.delimiter} ». Mettez cette valeur entre guillemets, ou retirez les valeurs en trop.`,
      unknown_column: (d) =>
        `La colonne « ${d.column} » n'est pas une colonne connue : ses valeurs sont ignorées. Si elle doit être lue, donnez-lui le nom du modèle.`,
      unknown_contact_uuid: (d) =>
        `Aucun contact n'a le Contact UUID « ${d.value} ». Laissez « ${d.column} » vide pour créer un nouveau contact, ou copiez l'UUID depuis un export récent.`,
      ambiguous_contact: () =>
        "Plusieurs contacts ont ce nom d'affichage et ce premier numéro : la ligne ne dit pas lequel modifier. Donnez-lui son Contact UUID (d'un export) ou son e-mail, ou modifiez d'abord les autres contacts.",
      unknown_group: (d) =>
        `Il n'y a pas de liste de diffusion « ${d.value} » (« ${d.column} »). Créez d'abord la liste, ou donnez l'id ou le nom exact d'une liste existante.`,
      duplicate_row: (d) =>
        `Cette ligne est le même contact que la ligne ${d.line} du fichier (même ${d.identity}) : seule la ligne ${d.line} est importée. Fusionnez les deux lignes.`,
      email_in_use: (d) =>
        `${d.email} est déjà l'e-mail du contact « ${d.name} ». Donnez un autre e-mail, ou mettez le Contact UUID de ce contact sur cette ligne pour le modifier.`,
      unsafe_character: (d) =>
        `« ${d.column} » contient un caractère de contrôle invisible (${d.character}) en position ${d.position} : il fausserait l'affichage. Retapez la valeur sans lui.`,
      value_too_long: (d) => `« ${d.column} » contient ${d.length} caractères ; ${d.max} au plus sont acceptés. Raccourcissez-le.`,
      email_twice_in_file: (d) =>
        `${d.email} est aussi l'e-mail du contact de la ligne ${d.line} du fichier : deux contacts ne peuvent pas partager un e-mail. Donnez-en un à chacun.`,
      contact_exists: (d) =>
        `Le contact « ${d.name} » existe déjà (même e-mail, ou même nom et même premier numéro) : modifiez-le plutôt que d'en créer un second, ou changez l'e-mail.`,
      backend_rejected: (d) => `Webex a refusé cette ligne : ${d.message} Corrigez la ligne et importez-la à nouveau (le fichier d'erreurs la contient).`,
      contact_not_found: () => "Ce contact n'existe plus (un autre administrateur l'a peut-être supprimé) : recherchez-le à nouveau.",
    },
  },
  cli: {
    error: (message) => `Erreur : ${message}`,
    wrote: (file) => `Écrit : ${file}`,
    errorFileNotWritten: (file, reason) =>
      `L'import a eu lieu (son compte rendu est ci-dessus), mais le fichier d'erreurs ${file} n'a pas pu être écrit (${reason}). Importez à nouveau le fichier avec --dry-run et un autre --errors-out pour l'obtenir : rien n'est appliqué deux fois.`,
    staleErrorFileRemoved: (file) => `Aucune ligne en échec : ${file}, le fichier d'erreurs d'un import précédent, a été supprimé.`,
    importFile: (name, format, encoding, delimiter, rows) =>
      `${name} : ${format}, ${encoding}, séparateur ${delimiter === '\t' ? 'tabulation' : `« ${delimiter} »`}, ${rows} ligne(s)`,
    importDryRun: (c) =>
      `Essai, rien n'est écrit : ${c.created} à créer, ${c.updated} à modifier, ${c.unchanged} inchangé(s) ; ${c.failed} en échec`,
    importDone: (c) => `Créés ${c.created}, modifiés ${c.updated}, inchangés ${c.unchanged}, en échec ${c.failed}`,
    issue: (kind, line, column, code, message) =>
      `${kind === 'error' ? 'erreur' : 'avertissement'} : ligne ${line}${column ? `, ${column}` : ''} [${code}] ${message}`,
  },
};
