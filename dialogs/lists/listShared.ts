import type { TurnContext } from 'botbuilder';
import { listCard, memberOf, type ContactChoice, type ListView } from '../../cards/listCards';
import { escapeValues } from '../../cards/markdown';
import { ListError } from '../../src/domain/listRules';
import type { WriteContext } from '../../src/domain/types';
import type { Messages } from '../../src/i18n';
import type { ListDetails, ListService } from '../../src/services/listService';
import { accept, refuse, type Answer, type Parsed } from '../base/answerPrompt';
import { sendCard } from '../base/send';
import { actorOf, t } from '../base/turn';
import { saidChange, saidYes } from '../base/words';
import { normalise } from '../base/commands';
import { own } from '../../src/domain/own';

/** The flow every list write is audited under (the menu action). */
export const LISTS_FLOW = 'distributionLists';

export const writeContext = (context: TurnContext): WriteContext => ({ actor: actorOf(context), flow: LISTS_FLOW });

/** A list refusal in words, for a message or a card's note (markdown): the values it quotes escaped. */
export const listMessage = (m: Messages, error: ListError) => m.lists.errors[error.code](escapeValues(error.details));

/** "« Suppliers »", "\"Suppliers\"" → "Suppliers": a name as typed after "create list". */
export function unquote(text: string): string {
  return text.trim().replace(/^[«"'“”‘’\s]+|[»"'“”‘’\s]+$/g, '');
}

/** A string option (card data or inputs), trimmed; undefined when absent. */
export function optionText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The ticked ids of a multi-select: Teams sends "a,b", some clients an array. */
export function tickedIds(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(items.map((item) => String(item).trim()).filter(Boolean))];
}

/** The name a list would be created or renamed with; refuses a name another list already has, in any case. */
export function checkNewName(lists: ListService, typed: string, renaming?: string): Promise<string> {
  return lists.checkNewName(unquote(typed), renaming);
}

/** The refusals a new answer can fix (a list gone, or a backend without lists, end the flow instead). */
export function isNameRefusal(error: unknown): error is ListError {
  return error instanceof ListError && ['list_name_required', 'list_name_too_long', 'list_name_taken'].includes(error.code);
}

/** A refused name becomes a re-prompt with its message; anything else goes up. */
export async function refuseBadName<T>(context: TurnContext, run: () => Promise<Parsed<T>>): Promise<Parsed<T>> {
  try {
    return await run();
  } catch (error) {
    if (isNameRefusal(error)) return refuse(listMessage(t(context), error));
    throw error;
  }
}

export function listView(details: ListDetails): ListView {
  const { list, members } = details;
  return { id: list.id, name: list.name, description: list.description, members: members.map(memberOf) };
}

/** The list's card; a title and notes are markdown, the values in them escaped by the caller. */
export async function sendListCard(context: TurnContext, details: ListDetails, options: { title?: string; notes?: string[] } = {}) {
  await sendCard(context, listCard(t(context), listView(details), options));
}

const ALL = ['tous', 'toutes', 'tout', 'tout le monde', 'all', 'everyone', 'everybody'];
const SKIP = ['passer', 'skip', 'aucune', 'aucun', 'sans', 'sans description', 'rien', 'none', 'no description', 'non', 'no', '-'];
/** The words of each confirm button, typed. */
const CONFIRM_WORDS: Record<string, string[]> = {
  add: ['ajouter', 'add'],
  remove: ['retirer', 'remove'],
  delete: ['supprimer', 'supprimer la liste', 'delete', 'delete the list', 'delete list'],
};

export const saidSkip = (text: string) => SKIP.includes(normalise(text));

/**
 * Typed numbers of the choices shown ("1, 3", "2-4", "1 et 5") or "all"; undefined
 * when the text is something else (then it is a new search), or names a number not shown.
 */
function pickedByNumber(text: string, shown: readonly ContactChoice[]): string[] | undefined {
  const said = normalise(text);
  if (ALL.includes(said)) return shown.map((c) => c.id);
  const compact = said.replace(/\s*-\s*/g, '-');
  if (!/^\d+(-\d+)?((\s*[,;]\s*|\s+(et|and)\s+|\s+)\d+(-\d+)?)*$/.test(compact)) return undefined;
  const wanted: number[] = [];
  for (const token of compact.split(/\s*[,;]\s*|\s+(?:et|and)\s+|\s+/)) {
    const [from, to = from] = token.split('-').map(Number);
    for (let n = Math.min(from, to); n <= Math.max(from, to) && wanted.length <= shown.length; n++) wanted.push(n);
  }
  const byNumber = new Map(shown.map((c) => [c.number, c.id]));
  if (!wanted.every((n) => byNumber.has(n))) return undefined;
  return [...new Set(wanted.map((n) => byNumber.get(n)!))];
}

/**
 * The answer to a card of numbered contacts: typed numbers or "all" pick them;
 * other typed text is for the flow to search with. Ticking goes through the card's button.
 */
export function parsePick(answer: Answer, shown: readonly ContactChoice[], staleCard: string): Parsed<{ ids: string[] } | { text: string }> {
  if (answer.value) return refuse(staleCard);
  const ids = pickedByNumber(answer.text, shown);
  if (ids) return accept({ ids });
  return answer.text ? accept({ text: answer.text }) : refuse(staleCard);
}

/**
 * The answer to a list confirmation card: its own button (a button of an older
 * card is refused), or the typed "yes" / the button's word; "change" when allowed.
 */
export function parseListConfirm(
  m: Messages,
  answer: Answer,
  expected: { task: string; listId: string },
  allowChange = false,
): Parsed<'confirm' | 'change'> {
  const value = answer.value;
  if (value) {
    const ours = value.action === 'confirm' && value.do === expected.task && value.listId === expected.listId;
    return ours ? accept('confirm') : refuse(m.lists.staleCard);
  }
  const said = normalise(answer.text);
  if (saidYes(answer.text) || own(CONFIRM_WORDS, expected.task)?.includes(said)) return accept('confirm');
  if (allowChange && saidChange(answer.text)) return accept('change');
  return refuse(m.flowHelp);
}
