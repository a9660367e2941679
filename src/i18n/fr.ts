import { megabytes, type Messages } from './en';

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
  nothingToCancel: "Il n'y a rien à annuler.",
  turnError: (id) => `Désolé, une erreur s'est produite de mon côté. Merci de réessayer. (référence ${id})`,
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
    statusPending: 'Vérifié (invitation envoyée, compte pas encore activé)',
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
      too_large: (d) =>
        `Le fichier pèse ${megabytes(d.size)} Mo ; la limite est de ${megabytes(d.max)} Mo par import. Découpez-le en fichiers plus petits et importez-les l'un après l'autre.`,
      too_many_rows: (d) =>
        `Le fichier contient ${d.rows} lignes ; la limite est de ${d.max} par import. Découpez-le en fichiers d'au plus ${d.max} lignes et importez-les l'un après l'autre.`,
      malformed_csv: (d) =>
        `Ligne ${d.line} : un guillemet est mal placé ou jamais fermé, le fichier est illisible à partir de là. Une valeur qui contient des guillemets, des séparateurs ou des retours à la ligne doit être entre guillemets, ses propres guillemets doublés (« "" ») ; ou enregistrez à nouveau le fichier depuis votre tableur.`,
      unknown_header: (d) =>
        `La première ligne n'est pas un en-tête connu (elle commence par : ${d.found}). Utilisez le modèle de contacts Webex (Display Name, Contact UUID, First Name, … : téléchargez le modèle) ou le format contacts de l'entreprise (nom-contact,poste,e-mail,téléphone-travail,téléphone-facultatif-1,téléphone-facultatif-2).`,
      missing_column: (d) =>
        `Il manque à l'en-tête (première ligne) la colonne ${d.columns} (« / » veut dire : l'une d'elles). Ajoutez-la avec ce nom exact, ou partez du modèle.`,
      duplicate_column: (d) => `L'en-tête contient deux fois la colonne « ${d.column} ». N'en gardez qu'une.`,
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
      phone_not_valid: (d) =>
        `« ${d.value} » dans « ${d.column} » (${d.e164}) a une longueur possible mais n'est pas un numéro attribué dans son pays : importé tel quel, vérifiez-le.`,
      extension_invalid: (d) =>
        `« ${d.value} » dans « ${d.column} » n'est pas un numéro interne : un work_extension compte de 2 à 10 chiffres (par ex. 4021).`,
      email_invalid: (d) => `« ${d.value} » dans « ${d.column} » n'est pas une adresse e-mail valide (attendu : nom@entreprise.fr).`,
      sip_invalid: (d) =>
        `« ${d.value} » dans « ${d.column} » n'est pas une URI SIP (attendu : utilisateur@domaine, comme jdupont@exemple.fr ou sip:jdupont@exemple.fr).`,
      too_many_values: (d) =>
        `La ligne a ${d.count} valeurs pour ${d.expected} colonnes : une valeur contient sans doute le séparateur « ${d.delimiter} ». Mettez cette valeur entre guillemets, ou retirez les valeurs en trop.`,
      unknown_column: (d) =>
        `La colonne « ${d.column} » n'est pas une colonne connue : ses valeurs sont ignorées. Si elle doit être lue, donnez-lui le nom du modèle.`,
      unknown_contact_uuid: (d) =>
        `Aucun contact n'a le Contact UUID « ${d.value} ». Laissez « ${d.column} » vide pour créer un nouveau contact, ou copiez l'UUID depuis un export récent.`,
      unknown_group: (d) =>
        `Il n'y a pas de liste de diffusion « ${d.value} » (« ${d.column} »). Créez d'abord la liste, ou donnez l'id ou le nom exact d'une liste existante.`,
      duplicate_row: (d) =>
        `Cette ligne est le même contact que la ligne ${d.line} du fichier (même ${d.identity}) : seule la ligne ${d.line} est importée. Fusionnez les deux lignes.`,
      email_in_use: (d) =>
        `${d.email} est déjà l'e-mail du contact « ${d.name} ». Donnez un autre e-mail, ou mettez le Contact UUID de ce contact sur cette ligne pour le modifier.`,
      email_twice_in_file: (d) =>
        `${d.email} est aussi l'e-mail du contact de la ligne ${d.line} du fichier : deux contacts ne peuvent pas partager un e-mail. Donnez-en un à chacun.`,
    },
  },
};
