import { PHONE_FIELDS, PHONE_TYPE_FIELDS, SLOTS } from '../../src/domain/contactFields';
import { EDITABLE_FIELDS, type ContactInput, type EditableField } from '../../src/domain/contactInput';
import type { RowIssue } from '../../src/domain/contactRules';
import type { ContactPhoneType } from '../../src/domain/types';
import type { Messages } from '../../src/i18n';
import { fieldIssueMessage } from '../../src/imports/report';
import { contactEditingEn, contactEditingFr } from '../../src/i18n/contactEditing';
import { normalise } from '../base/commands';
import { own } from '../../src/domain/own';
import { escapeValues } from '../../cards/markdown';

/** What a typed contact detail is about: one field, or the next free phone slot (with the type said as its label). */
export type DetailTarget = { field: EditableField } | { nextPhone: true; type?: ContactPhoneType };

/** A typed detail: "title: Buyer", "jean@x.fr", "+33 6 12 34 56 78 mobile"; an empty value (or "-") clears. */
export interface Detail {
  target: DetailTarget;
  value: string;
}

const TYPE_WORDS: Record<string, ContactPhoneType> = {
  work: 'work',
  travail: 'work',
  bureau: 'work',
  pro: 'work',
  professionnel: 'work',
  work_extension: 'work_extension',
  'work extension': 'work_extension',
  extension: 'work_extension',
  interne: 'work_extension',
  'poste interne': 'work_extension',
  mobile: 'mobile',
  portable: 'mobile',
  cell: 'mobile',
  home: 'home',
  domicile: 'home',
  maison: 'home',
  other: 'other',
  autre: 'other',
};

const SYNONYMS: Record<string, EditableField> = {
  'display name': 'displayName',
  'nom d affichage': 'displayName',
  'nom affiche': 'displayName',
  affichage: 'displayName',
  'first name': 'firstName',
  firstname: 'firstName',
  'given name': 'firstName',
  prenom: 'firstName',
  'last name': 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  nom: 'lastName',
  'nom de famille': 'lastName',
  email: 'email',
  mail: 'email',
  courriel: 'email',
  'adresse e-mail': 'email',
  'adresse mail': 'email',
  sip: 'sipUri',
  'sip uri': 'sipUri',
  'adresse sip': 'sipUri',
  'job title': 'title',
  fonction: 'title',
  poste: 'title',
  titre: 'title',
  company: 'companyName',
  'company name': 'companyName',
  entreprise: 'companyName',
  organisation: 'companyName',
  organization: 'companyName',
  address: 'street',
  adresse: 'street',
  rue: 'street',
  region: 'state',
  province: 'state',
  etat: 'state',
  zip: 'zip',
  'postal code': 'zip',
  postcode: 'zip',
  cp: 'zip',
  phone: 'phone1',
  telephone: 'phone1',
  tel: 'phone1',
  numero: 'phone1',
  number: 'phone1',
};

/** Every way to name a field: the catalogue labels of both languages, the synonyms, and "phone 2" / "tel 2"… */
const LABELS: Map<string, EditableField> = (() => {
  const labels = new Map<string, EditableField>(Object.entries(SYNONYMS));
  for (const catalogue of [contactEditingEn, contactEditingFr]) {
    for (const field of EDITABLE_FIELDS) labels.set(normalise(catalogue.fields[field]), field);
  }
  for (const word of ['phone', 'telephone', 'tel', 'numero', 'number']) {
    SLOTS.forEach((n, i) => {
      labels.set(`${word} ${n}`, PHONE_FIELDS[i]);
      labels.set(`${word}${n}`, PHONE_FIELDS[i]);
      labels.set(`type ${n}`, PHONE_TYPE_FIELDS[i]);
    });
  }
  return labels;
})();

const DONE = new Set(['done', 'fin', 'fini', 'finished', 'termine', 'terminer', 'c est tout', 'that s all', 'thats all']);

export const saidDone = (text: string) => DONE.has(normalise(text));

/** A phone type in English or French ("portable", "Mobile", "poste interne"). */
export function phoneTypeOf(text: string): ContactPhoneType | undefined {
  return own(TYPE_WORDS, normalise(text));
}

/** The field a label names ("société", "E-mail", "phone 2", "type de téléphone 1"), if any. */
export function fieldOfLabel(label: string): EditableField | undefined {
  return LABELS.get(normalise(label).replace(/\s*-\s*/g, '-'));
}

/**
 * "+33 6 12 34 56 78 mobile" → the number and the type as typed (a known word
 * becomes its type; an unknown one is left for the rules to refuse).
 */
export function splitPhone(text: string): { number: string; type?: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const isWord = (w: string | undefined) => w !== undefined && /^[\p{L}_]+$/u.test(w);
  // The type is said after the number, or before it: "+33 6 12 34 56 78 mobile", "mobile 06 12 34 56 78", "06… poste interne".
  let [start, end] = [0, words.length];
  while (end > start && isWord(words[end - 1])) end--;
  if (end === words.length) while (start < end && isWord(words[start])) start++;
  const number = words.slice(start, end).join(' ');
  const said = [...words.slice(0, start), ...words.slice(end)].join(' ');
  // Nothing but words: all of it is the number, for the rules to say what is wrong.
  if (!number) return { number: text.trim() };
  return said ? { number, type: phoneTypeOf(said) ?? said } : { number };
}

const LABELLED = /^([^:]{1,40}?)\s*:\s*([\s\S]*)$/;
const SIP = /^sips?:\S+@\S+$/i;

/** Reads one typed detail of a contact; undefined when it is neither labelled nor an e-mail, SIP URI or number. */
export function readDetail(text: string): Detail | undefined {
  const typed = text.trim();
  if (SIP.test(typed)) return { target: { field: 'sipUri' }, value: typed };
  const labelled = LABELLED.exec(typed);
  if (labelled) {
    const value = clearing(labelled[2]);
    const field = fieldOfLabel(labelled[1]);
    if (field) return { target: { field }, value };
    const type = phoneTypeOf(labelled[1]);
    if (type) return { target: { nextPhone: true, type }, value };
  }
  if (/^\S+@\S+$/.test(typed)) return { target: { field: 'email' }, value: typed };
  if (/^[+(\d]/.test(typed)) return { target: { nextPhone: true }, value: typed };
  return undefined;
}

/** "-" (or nothing) after a label clears the field. */
function clearing(value: string): string {
  const trimmed = value.trim();
  return trimmed === '-' ? '' : trimmed;
}

/** The input fields a detail sets on a draft; undefined when it needs a phone slot and all five are taken. */
export function detailPatch(draft: ContactInput, detail: Detail): ContactInput | undefined {
  const { target, value } = detail;
  if ('nextPhone' in target) {
    const free = PHONE_FIELDS.findIndex((field) => !draft[field]);
    if (free < 0) return undefined;
    return phonePatch(free, value, target.type, undefined);
  }
  return fieldPatch(draft, target.field, value);
}

/** The input fields that giving `value` to `field` sets: a number brings its type along, clearing one clears both. */
export function fieldPatch(current: ContactInput, field: EditableField, value: string): ContactInput {
  const phone = PHONE_FIELDS.indexOf(field as (typeof PHONE_FIELDS)[number]);
  if (phone >= 0) return phonePatch(phone, value, undefined, current[PHONE_TYPE_FIELDS[phone]]);
  const type = PHONE_TYPE_FIELDS.indexOf(field as (typeof PHONE_TYPE_FIELDS)[number]);
  if (type >= 0) return { [field]: value ? (phoneTypeOf(value) ?? value) : '' };
  return { [field]: value };
}

function phonePatch(index: number, value: string, saidType: string | undefined, currentType: string | undefined): ContactInput {
  const [numberField, typeField] = [PHONE_FIELDS[index], PHONE_TYPE_FIELDS[index]];
  if (!value) return { [numberField]: '', [typeField]: '' };
  const { number, type } = splitPhone(value);
  return { [numberField]: number || value, [typeField]: saidType ?? type ?? currentType ?? '' };
}

/** A contact deleted meanwhile (or an id no longer known), in the import's words. */
export function contactGone(m: Messages): string {
  return fieldIssueMessage(m, { field: null, code: 'contact_not_found', details: {} });
}

/** The rules a contact broke, in the import's words, the field named as the person reads it; markdown (for a message or a card), the values quoted escaped. */
export function issueLines(m: Messages, issues: RowIssue[]): string[] {
  return issues.map((issue) => fieldIssueMessage(m, { ...issue, details: escapeValues(issue.details) }));
}
