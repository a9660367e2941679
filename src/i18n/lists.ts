import type { ListErrorCode } from '../domain/listRules';

type Details = Record<string, string | number>;

const contactsEn = (n: number) => (n === 1 ? '1 contact' : `${n} contacts`);
const membersEn = (n: number) => (n === 0 ? 'no member' : n === 1 ? '1 member' : `${n} members`);
const contactsFr = (n: number) => (n <= 1 ? `${n} contact` : `${n} contacts`);
const membersFr = (n: number) => (n === 0 ? 'aucun membre' : n === 1 ? '1 membre' : `${n} membres`);

export const listsEn = {
  title: 'Distribution lists',
  intro: 'A distribution list groups contacts of the company address book, so that organisers can invite them all at once.',
  empty: 'There is no distribution list yet. Click "Create a list", or type "create list" followed by its name (e.g. "create list Suppliers").',
  memberCount: (n: number) => membersEn(n),
  open: 'Open',
  create: 'Create a list',
  allLists: 'All lists',

  askName: 'Name of the new distribution list? (at most 80 characters, e.g. "Suppliers"). You can fill in the form or type the name.',
  nameLabel: 'Name',
  descriptionLabel: 'Description (optional)',
  namePlaceholder: 'e.g. Suppliers',
  createButton: 'Create the list',
  askDescription: (name: string) => `Description of "${name}"? Type it, or "skip" to leave it empty.`,
  skip: 'Skip',
  created: (name: string) => `✅ Distribution list "${name}" created`,

  descriptionTitle: 'Description',
  membersTitle: (n: number) => `Members (${n})`,
  noMembers: 'No contact in this list yet: click "Add contacts".',
  andMore: (n: number) => `… and ${n} more`,
  addContacts: 'Add contacts',
  removeContacts: 'Remove contacts',
  rename: 'Rename',
  delete: 'Delete',

  askSearch: (list: string) => `Which contacts do you want to add to "${list}"? Type part of a name, a company, an e-mail address or a number.`,
  searchLabel: 'Search contacts',
  searchPlaceholder: 'e.g. Dupont, supplier, +33 1 23',
  searchButton: 'Search',
  noMatch: (query: string) => `No contact matches "${query}". Try another search.`,
  matches: (total: number, query: string) => `${contactsEn(total)} match${total === 1 ? 'es' : ''} "${query}"`,
  pickHelp: 'Tick the contacts to add, then click "Add selected". You can also type their numbers ("1, 3"), "all", or a new search.',
  pageInfo: (from: number, to: number, total: number) => `Contacts ${from} to ${to} of ${total}: refine your search, or see the next page.`,
  nextPage: 'Next page',
  addSelected: 'Add selected',
  alreadyMember: 'already in the list',
  pickAtLeastOne: 'Tick at least one contact (or type their numbers, e.g. "1, 3").',
  confirmAddTitle: (n: number, list: string) => `Add ${contactsEn(n)} to "${list}"?`,
  alreadyMembers: (names: string) => `Already members, left as they are: ${names}`,
  nothingToAdd: (list: string) => `Every contact you selected is already a member of "${list}". Nothing was changed.`,
  addButton: 'Add',
  added: (n: number, list: string) => `✅ ${contactsEn(n)} added to "${list}"`,
  addedNames: (names: string) => `Added: ${names}`,

  nothingToRemove: (list: string) => `"${list}" has no member to remove.`,
  pickMembers: (list: string) => `Which members do you want to remove from "${list}"?`,
  pickMembersHelp: 'Tick them, then click "Remove selected". You can also type their numbers ("1, 3"), "all", or part of a name to narrow the list.',
  firstMembers: (shown: number, total: number) => `The first ${shown} of ${total} members are shown: type part of a name to find the others.`,
  noMemberMatches: (query: string) => `No member of this list matches "${query}".`,
  removeSelected: 'Remove selected',
  confirmRemoveTitle: (n: number, list: string) => `Remove ${contactsEn(n)} from "${list}"?`,
  staysContacts: 'They stay in the company address book: only their membership of this list goes.',
  removeButton: 'Remove',
  removed: (n: number, list: string) => `✅ ${contactsEn(n)} removed from "${list}"`,
  removedNames: (names: string) => `Removed (still in the address book): ${names}`,

  askRename: (list: string) => `New name for "${list}"? (at most 80 characters)`,
  newNameLabel: 'New name',
  renameButton: 'Rename',
  renamed: (old: string, name: string) => `✅ List "${old}" renamed "${name}"`,

  confirmDeleteTitle: (list: string) => `Delete the distribution list "${list}"?`,
  deleteKeepsMembers: (n: number) =>
    n === 0 ? 'It has no member. This cannot be undone.' : `Its ${membersEn(n)} stay${n === 1 ? 's' : ''} in the company address book: only the list goes. This cannot be undone.`,
  deleteButton: 'Delete the list',
  deleted: (list: string, n: number) =>
    `🗑️ Distribution list "${list}" deleted.${n ? ` Its ${membersEn(n)} ${n === 1 ? 'is' : 'are'} still in the company address book.` : ''}`,

  staleCard: 'That button belongs to an older card. Answer the last question, or type "cancel".',
  errors: {
    list_name_required: () => 'A distribution list needs a name: give one (e.g. "Suppliers").',
    list_text_unsafe: (d: Details) =>
      `The text holds an invisible control character (${d.character}) at position ${d.position}: it would garble what is shown. Type it again without it.`,
    list_description_too_long: (d: Details) => `The description holds ${d.length} characters; at most ${d.max} are accepted. Shorten it.`,
    list_name_too_long: (d: Details) => `The name holds ${d.length} characters; at most ${d.max} are accepted. Give a shorter name.`,
    list_not_found: (d: Details) => `There is no distribution list "${d.value}". Type "lists" to see them, or give the exact name or the id of a list.`,
    list_name_taken: (d: Details) => `A distribution list named "${d.name}" already exists: give another name, or open that list.`,
    too_many_lists: (d: Details) =>
      `${d.name} already belongs to ${d.max} distribution lists, the most a contact can have: remove them from a list first. Nothing was changed.`,
    contact_not_found: (d: Details) => `No contact has the id "${d.value}" (maybe it was just deleted): search for the contact again. Nothing was changed.`,
    lists_not_supported: () =>
      'Distribution lists are kept by the embedded directory only: the Webex APIs used here have no equivalent, so this backend cannot manage them.',
  } satisfies Record<ListErrorCode, (d: Details) => string>,
};

export const listsFr: typeof listsEn = {
  title: 'Listes de diffusion',
  intro: "Une liste de diffusion regroupe des contacts du carnet d'adresses de la société : les organisateurs peuvent ainsi tous les inviter d'un coup.",
  empty: "Il n'y a encore aucune liste de diffusion. Cliquez sur « Créer une liste », ou tapez « créer une liste » suivi de son nom (par ex. « créer une liste Fournisseurs »).",
  memberCount: (n) => membersFr(n),
  open: 'Ouvrir',
  create: 'Créer une liste',
  allLists: 'Toutes les listes',

  askName: 'Nom de la nouvelle liste de diffusion ? (80 caractères au plus, par ex. « Fournisseurs »). Remplissez le formulaire ou tapez le nom.',
  nameLabel: 'Nom',
  descriptionLabel: 'Description (facultative)',
  namePlaceholder: 'par ex. Fournisseurs',
  createButton: 'Créer la liste',
  askDescription: (name) => `Description de « ${name} » ? Tapez-la, ou « passer » pour la laisser vide.`,
  skip: 'Passer',
  created: (name) => `✅ Liste de diffusion « ${name} » créée`,

  descriptionTitle: 'Description',
  membersTitle: (n) => `Membres (${n})`,
  noMembers: 'Aucun contact dans cette liste pour le moment : cliquez sur « Ajouter des contacts ».',
  andMore: (n) => `… et ${n} de plus`,
  addContacts: 'Ajouter des contacts',
  removeContacts: 'Retirer des contacts',
  rename: 'Renommer',
  delete: 'Supprimer',

  askSearch: (list) => `Quels contacts voulez-vous ajouter à « ${list} » ? Tapez une partie d'un nom, une société, une adresse e-mail ou un numéro.`,
  searchLabel: 'Rechercher des contacts',
  searchPlaceholder: 'par ex. Dupont, fournisseur, +33 1 23',
  searchButton: 'Rechercher',
  noMatch: (query) => `Aucun contact ne correspond à « ${query} ». Essayez une autre recherche.`,
  matches: (total, query) => `${contactsFr(total)} correspond${total > 1 ? 'ent' : ''} à « ${query} »`,
  pickHelp: 'Cochez les contacts à ajouter, puis cliquez sur « Ajouter la sélection ». Vous pouvez aussi taper leurs numéros (« 1, 3 »), « tous », ou une nouvelle recherche.',
  pageInfo: (from, to, total) => `Contacts ${from} à ${to} sur ${total} : affinez votre recherche, ou voyez la page suivante.`,
  nextPage: 'Page suivante',
  addSelected: 'Ajouter la sélection',
  alreadyMember: 'déjà dans la liste',
  pickAtLeastOne: 'Cochez au moins un contact (ou tapez leurs numéros, par ex. « 1, 3 »).',
  confirmAddTitle: (n, list) => `Ajouter ${contactsFr(n)} à « ${list} » ?`,
  alreadyMembers: (names) => `Déjà membres, laissés tels quels : ${names}`,
  nothingToAdd: (list) => `Tous les contacts choisis sont déjà membres de « ${list} ». Rien n'a été modifié.`,
  addButton: 'Ajouter',
  added: (n, list) => `✅ ${contactsFr(n)} ajouté${n > 1 ? 's' : ''} à « ${list} »`,
  addedNames: (names) => `Ajoutés : ${names}`,

  nothingToRemove: (list) => `« ${list} » n'a aucun membre à retirer.`,
  pickMembers: (list) => `Quels membres voulez-vous retirer de « ${list} » ?`,
  pickMembersHelp: "Cochez-les, puis cliquez sur « Retirer la sélection ». Vous pouvez aussi taper leurs numéros (« 1, 3 »), « tous », ou une partie d'un nom pour réduire la liste.",
  firstMembers: (shown, total) => `Les ${shown} premiers membres sur ${total} sont affichés : tapez une partie d'un nom pour trouver les autres.`,
  noMemberMatches: (query) => `Aucun membre de cette liste ne correspond à « ${query} ».`,
  removeSelected: 'Retirer la sélection',
  confirmRemoveTitle: (n, list) => `Retirer ${contactsFr(n)} de « ${list} » ?`,
  staysContacts: "Ils restent dans le carnet d'adresses de la société : seule leur appartenance à cette liste disparaît.",
  removeButton: 'Retirer',
  removed: (n, list) => `✅ ${contactsFr(n)} retiré${n > 1 ? 's' : ''} de « ${list} »`,
  removedNames: (names) => `Retirés (toujours dans le carnet d'adresses) : ${names}`,

  askRename: (list) => `Nouveau nom pour « ${list} » ? (80 caractères au plus)`,
  newNameLabel: 'Nouveau nom',
  renameButton: 'Renommer',
  renamed: (old, name) => `✅ Liste « ${old} » renommée « ${name} »`,

  confirmDeleteTitle: (list) => `Supprimer la liste de diffusion « ${list} » ?`,
  deleteKeepsMembers: (n) =>
    n === 0
      ? "Elle n'a aucun membre. Cette action est irréversible."
      : `Ses ${membersFr(n)} reste${n > 1 ? 'nt' : ''} dans le carnet d'adresses de la société : seule la liste disparaît. Cette action est irréversible.`,
  deleteButton: 'Supprimer la liste',
  deleted: (list, n) =>
    `🗑️ Liste de diffusion « ${list} » supprimée.${n ? ` Ses ${membersFr(n)} ${n > 1 ? 'sont' : 'est'} toujours dans le carnet d'adresses de la société.` : ''}`,

  staleCard: 'Ce bouton appartient à une carte plus ancienne. Répondez à la dernière question, ou tapez « annuler ».',
  errors: {
    list_name_required: () => 'Une liste de diffusion a besoin d\'un nom : donnez-en un (par ex. « Fournisseurs »).',
    list_text_unsafe: (d) =>
      `Le texte contient un caractère de contrôle invisible (${d.character}) en position ${d.position} : il fausserait l'affichage. Retapez-le sans lui.`,
    list_description_too_long: (d) => `La description contient ${d.length} caractères ; ${d.max} au plus sont acceptés. Raccourcissez-la.`,
    list_name_too_long: (d) => `Le nom contient ${d.length} caractères ; ${d.max} au plus sont acceptés. Donnez un nom plus court.`,
    list_not_found: (d) =>
      `Il n'y a pas de liste de diffusion « ${d.value} ». Tapez « listes de diffusion » pour les voir, ou donnez le nom exact ou l'identifiant d'une liste.`,
    list_name_taken: (d) => `Une liste de diffusion nommée « ${d.name} » existe déjà : donnez un autre nom, ou ouvrez cette liste.`,
    too_many_lists: (d) =>
      `${d.name} appartient déjà à ${d.max} listes de diffusion, le maximum pour un contact : retirez-le d'abord d'une liste. Rien n'a été modifié.`,
    contact_not_found: (d) =>
      `Aucun contact n'a l'identifiant « ${d.value} » (il vient peut-être d'être supprimé) : recherchez à nouveau le contact. Rien n'a été modifié.`,
    lists_not_supported: () =>
      "Les listes de diffusion ne sont gérées que par l'annuaire intégré : les API Webex utilisées ici n'ont pas d'équivalent, ce backend ne peut donc pas les gérer.",
  },
};
