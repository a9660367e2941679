import { MENU_GROUPS, type MenuAction } from '../../cards/menuCard';
import type { Locale } from '../../src/config';
import { own } from '../../src/domain/own';

/** Typed commands, French and English, normalised (lower case, no accents). */
const PHRASES: Record<MenuAction, string[]> = {
  addUser: ['ajouter un utilisateur', 'ajouter utilisateur', 'nouvel utilisateur', 'creer un utilisateur', 'add user', 'add a user', 'new user', 'create user', 'create a user'],
  assignNumber: ['attribuer un numero', 'attribuer numero', 'assigner un numero', 'assign a number', 'assign number'],
  deleteUser: ['supprimer un utilisateur', 'supprimer utilisateur', 'delete user', 'delete a user', 'remove user', 'remove a user'],
  listUsers: ['utilisateurs', 'liste des utilisateurs', 'lister les utilisateurs', 'users', 'list users'],
  importContacts: ['importer des contacts', 'importer les contacts', 'import contacts', 'import des contacts'],
  importUsers: ['importer des utilisateurs', 'importer les utilisateurs', 'import users', 'import des utilisateurs'],
  sendInvitations: ['envoyer les invitations', 'envoyer des invitations', 'invitations', 'send invitations', 'send invites'],
  contacts: ['contacts', 'gerer les contacts', 'manage contacts'],
  distributionLists: ['listes de diffusion', 'liste de diffusion', 'distribution lists', 'distribution list', 'lists', 'listes'],
  audit: ['audit', "journal d audit", 'journal', 'audit log', 'historique des modifications'],
  help: ['aide', 'help', 'menu', '?', 'bonjour', 'salut', 'hello', 'hi', 'start', 'commencer'],
};

/** Phrases that go straight to one task of a flow: the flow reads `value.do`, and `rest` (a query, a list name). */
const TASK_PHRASES: Array<{ action: MenuAction; task: string; phrases: string[] }> = [
  {
    action: 'contacts',
    task: 'add',
    phrases: ['ajouter un contact', 'ajouter contact', 'nouveau contact', 'creer un contact', 'add contact', 'add a contact', 'new contact', 'create contact', 'create a contact'],
  },
  {
    action: 'contacts',
    task: 'search',
    phrases: ['rechercher un contact', 'rechercher contact', 'chercher un contact', 'chercher', 'rechercher', 'search contacts', 'search contact', 'search', 'find contact', 'find a contact', 'find'],
  },
  {
    action: 'contacts',
    task: 'delete',
    phrases: ['supprimer des contacts', 'supprimer un contact', 'supprimer contact', 'delete contacts', 'delete contact', 'delete a contact', 'remove contact'],
  },
  {
    action: 'distributionLists',
    task: 'create',
    phrases: ['creer une liste', 'nouvelle liste', 'creer une liste de diffusion', 'nouvelle liste de diffusion', 'create list', 'create a list', 'new list', 'create distribution list', 'new distribution list'],
  },
  {
    action: 'distributionLists',
    task: 'show',
    phrases: ['afficher la liste', 'voir la liste', 'ouvrir la liste', 'liste', 'show list', 'open list', 'list'],
  },
];

export const CANCEL_WORDS = ['annuler', 'cancel', 'stop', 'quitter', 'quit', 'abandonner'];

export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[«»"'!.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ParsedCommand {
  action: MenuAction;
  /** What follows the command words, e.g. a filter: "users pending". */
  rest: string;
  /** The same words as typed (case, accents, punctuation kept): a list name, an e-mail. */
  restText?: string;
  value?: Record<string, unknown>;
}

export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const said = normalise(text ?? '');
  if (!said) return undefined;
  let best: ParsedCommand | undefined;
  let bestLength = 0;
  for (const [action, phrases] of Object.entries(PHRASES) as Array<[MenuAction, string[]]>) {
    for (const phrase of phrases) {
      const matches = said === phrase || said.startsWith(`${phrase} `);
      if (matches && phrase.length > bestLength) {
        best = { action, rest: said.slice(phrase.length).trim(), restText: typedAfter(text ?? '', phrase) };
        bestLength = phrase.length;
      }
    }
  }
  for (const { action, task, phrases } of TASK_PHRASES) {
    for (const phrase of phrases) {
      const matches = said === phrase || said.startsWith(`${phrase} `);
      if (matches && phrase.length > bestLength) {
        best = { action, rest: said.slice(phrase.length).trim(), restText: typedAfter(text ?? '', phrase), value: { do: task } };
        bestLength = phrase.length;
      }
    }
  }
  return best;
}

/** What follows `phrase` in the text as typed: the shortest start whose normalised form is the phrase. */
function typedAfter(text: string, phrase: string): string {
  const typed = text.trim();
  for (let end = phrase.length; end <= Math.min(typed.length, phrase.length * 3 + 10); end++) {
    if ((end === typed.length || /\s/.test(typed[end])) && normalise(typed.slice(0, end)) === phrase) return typed.slice(end).trim();
  }
  return '';
}

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && MENU_GROUPS.flat().includes(value as MenuAction);
}

export function isCancel(text: string | undefined): boolean {
  return CANCEL_WORDS.includes(normalise(text ?? ''));
}

const LANGUAGES: Record<string, Locale> = {
  francais: 'fr',
  'en francais': 'fr',
  french: 'fr',
  'in french': 'fr',
  english: 'en',
  anglais: 'en',
  'en anglais': 'en',
  'in english': 'en',
};

/** "français" / "english": the person picks the language, whatever their client says. */
export function languageCommand(text: string | undefined): Locale | undefined {
  return own(LANGUAGES, normalise(text ?? ''));
}

export function isHelp(text: string | undefined): boolean {
  const said = normalise(text ?? '');
  return said === 'aide' || said === 'help';
}
