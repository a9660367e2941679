import { normalise } from './commands';

const YES = ['oui', 'yes', 'ok', 'confirmer', 'confirm', 'valider', 'je confirme', 'go', 'y', 'o'];
const CHANGE = ['modifier', 'change', 'changer', 'edit'];
const NONE = ['aucun', 'aucune', 'none', 'no', 'non', 'rien', 'pas de numero', 'aucun numero', 'no number', 'pas de numero interne', 'no extension'];
const MORE = ['plus', 'more', 'suivant', 'next', 'encore'];
const IMPORT = [...YES, 'importer', 'import'];

const is = (words: string[]) => (text: string) => words.includes(normalise(text));

export const saidYes = is(YES);
export const saidChange = is(CHANGE);
export const saidNone = is(NONE);
export const saidMore = is(MORE);
export const saidImport = is(IMPORT);
