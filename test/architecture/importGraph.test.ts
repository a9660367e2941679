import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imports, measure, roomOf } from '../../tools/import-graph';

/** The layers, lowest first: a room may import its own files and rooms of a lower layer only. */
const LAYERS: string[][] = [
  ['src/domain'],
  ['src/config', 'src/webexApi', 'src/platform/store'],
  ['src/logger', 'src/csv', 'src/i18n'],
  ['src/directory', 'src/platform/files', 'src/platform/state', 'src/platform/mail'],
  ['src/directory/lowdb', 'src/directory/webex', 'src/imports'],
  ['src/services', 'src/openDirectory'],
  ['cards'],
  ['dialogs/base'],
  ['dialogs/users', 'dialogs/contacts', 'dialogs/lists', 'dialogs/imports', 'dialogs/audit'],
  ['dialogs'],
  ['src/channels/webex'],
  ['src/bot'],
  ['src/http', 'src/cli'],
  // The emulator is a program of its own (tests, bench, npm run webex-emulator): nothing of src/ imports it.
  ['src/app', 'tools/webex-emulator'],
  ['src/index'],
];
const layerOf = new Map(LAYERS.flatMap((rooms, level) => rooms.map((room) => [room, level] as const)));
const { files, edges } = imports();
const between = edges.filter((e) => roomOf(e.from) !== roomOf(e.to));
const describeEdge = (e: { from: string; to: string }) => `${e.from} -> ${e.to}`;

test('every room of the sources has its place in a layer', () => {
  expect([...new Set(files.map(roomOf))].filter((room) => !layerOf.has(room))).toEqual([]);
});

test('no import runs up the layers or sideways to another room of the same layer', () => {
  const up = between.filter((e) => layerOf.get(roomOf(e.to))! >= layerOf.get(roomOf(e.from))!);
  expect(up.map(describeEdge)).toEqual([]);
});

test('no import cycle, between files or between rooms', () => {
  const m = measure();
  expect({ fileCycles: m.fileCycles, roomCycles: m.roomCycles }).toEqual({ fileCycles: [], roomCycles: [] });
});

test('cards are pure: they import cards, domain types and the catalogues only', () => {
  const allowed = ['cards', 'src/domain', 'src/i18n'];
  expect(edges.filter((e) => e.from.startsWith('cards/') && !allowed.includes(roomOf(e.to))).map(describeEdge)).toEqual([]);
});

test('the domain imports nothing of the project but the domain', () => {
  expect(edges.filter((e) => e.from.startsWith('src/domain/') && !e.to.startsWith('src/domain/')).map(describeEdge)).toEqual([]);
});

test('the checker sees the imports it guards (a known import is found)', () => {
  expect(edges).toContainEqual({ from: 'src/services/listService.ts', to: 'src/domain/listRules.ts' });
});

test('process.env is read in src/config.ts only (the configuration is parsed once and passed down)', () => {
  const readers = files.filter((file) => file !== 'src/config.ts' && /process\.env\b(?!\))/.test(readFileSync(join(__dirname, '..', '..', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
  expect(readers).toEqual([]);
});
