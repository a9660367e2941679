import { formatPhone } from '../src/domain/phone';
import type { Contact } from '../src/domain/types';
import type { Messages } from '../src/i18n';
import { actionSet, adaptiveCard, cancelButton, facts, heading, submit, text, type AdaptiveCard, type CardElement } from './adaptive';
import { escapeMarkdown } from './markdown';

/** The menu action of the lists flow: every button of these cards restarts it with `do` and its own data. */
export const LISTS_ACTION = 'distributionLists';
export type ListTask = 'create' | 'show' | 'add' | 'remove' | 'rename' | 'delete';

/** Members shown on a list card before "… and N more". */
export const MAX_MEMBERS_SHOWN = 20;

export interface ListRow {
  id: string;
  name: string;
  members: number;
  description?: string;
}

export interface ListMember {
  id: string;
  name: string;
  /** The e-mail address, else the first number. */
  detail?: string;
}

export interface ListView {
  id: string;
  name: string;
  description?: string;
  /** Every member, in the order to show them. */
  members: ListMember[];
}

/** A contact in a choice: numbered, so it can also be picked by typing its number. */
export interface ContactChoice extends ListMember {
  number: number;
  /** Already a member of the list. */
  member?: boolean;
}

type ListRef = Pick<ListView, 'id' | 'name'>;

export function listButton(title: string, task: ListTask, data: Record<string, unknown> = {}, style?: 'positive' | 'destructive'): CardElement {
  return submit(title, { action: LISTS_ACTION, do: task, ...data }, style);
}

export function memberOf(contact: Pick<Contact, 'id' | 'displayName' | 'email' | 'phoneNumbers'>): ListMember {
  const phone = contact.phoneNumbers[0]?.value;
  const detail = contact.email ?? (phone ? formatPhone(phone) : undefined);
  return { id: contact.id, name: contact.displayName, ...(detail ? { detail } : {}) };
}

/** A member in words: name — e-mail or number. */
const memberLine = (member: ListMember) => (member.detail ? `${member.name} — ${member.detail}` : member.name);
/** The same inside markdown (a text block, an expanded choice's title). */
const memberText = (member: ListMember) => escapeMarkdown(memberLine(member));

/** Every list with its member count and an Open button; Create a list. */
export function listsCard(m: Messages, lists: ListRow[], note?: string): AdaptiveCard {
  const t = m.lists;
  const body: CardElement[] = [heading(t.title)];
  if (note) body.push(text(note));
  body.push(text(t.intro, { isSubtle: true }));
  if (!lists.length) body.push(text(t.empty));
  for (const list of lists) {
    body.push(text(`**${escapeMarkdown(list.name)}** — ${t.memberCount(list.members)}`, { separator: true }));
    if (list.description) body.push(text(escapeMarkdown(list.description), { isSubtle: true, spacing: 'None' }));
    body.push(actionSet([listButton(t.open, 'show', { listId: list.id })]));
  }
  return adaptiveCard(body, [listButton(t.create, 'create', {}, 'positive')]);
}

/** One list: description, members (the first 20, then how many more), and what can be done with it; a given title is markdown, its values escaped by the caller. */
export function listCard(m: Messages, list: ListView, options: { title?: string; notes?: string[] } = {}): AdaptiveCard {
  const t = m.lists;
  const body: CardElement[] = [heading(options.title ?? escapeMarkdown(list.name))];
  for (const note of options.notes ?? []) body.push(text(note));
  if (list.description) body.push(facts([[t.descriptionTitle, list.description]]));
  body.push(text(t.membersTitle(list.members.length), { weight: 'Bolder' }));
  if (list.members.length) {
    const lines = list.members.slice(0, MAX_MEMBERS_SHOWN).map((member) => `- ${memberText(member)}`);
    if (list.members.length > MAX_MEMBERS_SHOWN) lines.push(t.andMore(list.members.length - MAX_MEMBERS_SHOWN));
    body.push(text(lines.join('\n')));
  } else {
    body.push(text(t.noMembers, { isSubtle: true }));
  }
  const ref = { listId: list.id };
  const actions = [listButton(t.addContacts, 'add', ref, 'positive')];
  if (list.members.length) actions.push(listButton(t.removeContacts, 'remove', ref));
  actions.push(listButton(t.rename, 'rename', ref), listButton(t.delete, 'delete', ref, 'destructive'), submit(t.allLists, { action: LISTS_ACTION }));
  return adaptiveCard(body, actions);
}

function textInput(id: string, label: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'Input.Text', id, label, ...options };
}

/** The new list's name and description, in one form (typing the name works too). */
export function createListCard(m: Messages, draft: { name?: string; description?: string } = {}): AdaptiveCard {
  const t = m.lists;
  return adaptiveCard(
    [
      heading(t.create),
      text(t.askName),
      textInput('name', t.nameLabel, { placeholder: t.namePlaceholder, ...(draft.name ? { value: draft.name } : {}) }),
      textInput('description', t.descriptionLabel, { isMultiline: true, ...(draft.description ? { value: draft.description } : {}) }),
    ],
    [listButton(t.createButton, 'create', { form: true }, 'positive'), cancelButton(m)],
  );
}

export function descriptionCard(m: Messages, name: string): AdaptiveCard {
  return adaptiveCard([text(m.lists.askDescription(escapeMarkdown(name)), { weight: 'Bolder' })], [submit(m.lists.skip, { action: 'skip' }), cancelButton(m)]);
}

export function renameCard(m: Messages, list: ListRef): AdaptiveCard {
  const t = m.lists;
  return adaptiveCard(
    [text(t.askRename(escapeMarkdown(list.name)), { weight: 'Bolder' }), textInput('name', t.newNameLabel, { value: list.name })],
    [listButton(t.renameButton, 'rename', { listId: list.id }, 'positive'), cancelButton(m)],
  );
}

/** The search for contacts to add. */
export function searchCard(m: Messages, list: ListRef, note?: string): AdaptiveCard {
  const t = m.lists;
  const body: CardElement[] = [];
  if (note) body.push(text(note));
  body.push(text(t.askSearch(escapeMarkdown(list.name)), { weight: 'Bolder' }), textInput('query', t.searchLabel, { placeholder: t.searchPlaceholder }));
  return adaptiveCard(body, [listButton(t.searchButton, 'add', { listId: list.id }, 'positive'), cancelButton(m)]);
}

/** An expanded choice's title is markdown in the JS renderer (see cards/markdown.ts): the member escaped. */
function choiceTitle(m: Messages, choice: ContactChoice): string {
  return `${choice.number}. ${memberText(choice)}${choice.member ? ` (${m.lists.alreadyMember})` : ''}`;
}

function contactChoices(m: Messages, choices: ContactChoice[]): CardElement[] {
  // A choice set needs at least one choice (Adaptive Cards refuses an empty one).
  if (!choices.length) return [];
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'contactIds',
      isMultiSelect: true,
      style: 'expanded',
      // An expanded choice's title is markdown in the JS renderer (see cards/markdown.ts).
      choices: choices.map((c) => ({ title: choiceTitle(m, c), value: c.id })),
    },
  ];
}

export interface SearchPage {
  query: string;
  choices: ContactChoice[];
  total: number;
  /** 1-based. */
  page: number;
  pages: number;
}

/** One page of matching contacts to tick; Add selected, Next page, a new search. */
export function pickContactsCard(m: Messages, list: ListRef, found: SearchPage, note?: string): AdaptiveCard {
  const t = m.lists;
  const body: CardElement[] = [heading(t.matches(found.total, escapeMarkdown(found.query)))];
  if (note) body.push(text(note, { color: 'Attention' }));
  body.push(text(t.pickHelp, { isSubtle: true }), ...contactChoices(m, found.choices));
  if (found.pages > 1 && found.choices.length) {
    body.push(text(t.pageInfo(found.choices[0].number, found.choices[found.choices.length - 1].number, found.total), { isSubtle: true }));
  }
  const ref = { listId: list.id, query: found.query };
  const actions = [listButton(t.addSelected, 'add', { ...ref, page: found.page, picked: true }, 'positive')];
  if (found.page < found.pages) actions.push(listButton(t.nextPage, 'add', { ...ref, page: found.page + 1 }));
  actions.push(listButton(t.searchButton, 'add', { listId: list.id }), cancelButton(m));
  return adaptiveCard(body, actions);
}

/** The members to tick for removal (the first ones when there are many). */
export function pickMembersCard(m: Messages, list: ListRef, shown: ContactChoice[], total: number, note?: string): AdaptiveCard {
  const t = m.lists;
  const body: CardElement[] = [heading(t.pickMembers(escapeMarkdown(list.name)))];
  if (note) body.push(text(note, { color: 'Attention' }));
  body.push(text(t.pickMembersHelp, { isSubtle: true }), ...contactChoices(m, shown));
  if (shown.length < total) body.push(text(t.firstMembers(shown.length, total), { isSubtle: true }));
  return adaptiveCard(body, [listButton(t.removeSelected, 'remove', { listId: list.id, picked: true }, 'destructive'), cancelButton(m)]);
}

/** Who will be added (or removed), before it is done. */
export function confirmMembersCard(m: Messages, task: 'add' | 'remove', list: ListRef, changing: ListMember[], alreadyMembers: ListMember[] = []): AdaptiveCard {
  const t = m.lists;
  const adding = task === 'add';
  const body: CardElement[] = [
    heading(adding ? t.confirmAddTitle(changing.length, escapeMarkdown(list.name)) : t.confirmRemoveTitle(changing.length, escapeMarkdown(list.name))),
    text(changing.map((member) => `- ${memberText(member)}`).join('\n')),
  ];
  if (alreadyMembers.length) body.push(text(t.alreadyMembers(alreadyMembers.map((member) => escapeMarkdown(member.name)).join(', ')), { isSubtle: true }));
  if (!adding) body.push(text(t.staysContacts));
  return adaptiveCard(body, [
    submit(adding ? t.addButton : t.removeButton, { action: 'confirm', do: task, listId: list.id }, adding ? 'positive' : 'destructive'),
    cancelButton(m),
  ]);
}

export function deleteListCard(m: Messages, list: ListRef, members: number): AdaptiveCard {
  const t = m.lists;
  return adaptiveCard(
    [heading(t.confirmDeleteTitle(escapeMarkdown(list.name))), text(t.deleteKeepsMembers(members))],
    [submit(t.deleteButton, { action: 'confirm', do: 'delete', listId: list.id }, 'destructive'), cancelButton(m)],
  );
}
