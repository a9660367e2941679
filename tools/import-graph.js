'use strict';
/**
 * The import graph of the project's TypeScript sources (src/, dialogs/, cards/,
 * tools/): which file imports which, grouped in rooms (a folder; each file at
 * the top of src/ is a room of its own). `node tools/import-graph.js` prints
 * the figures; test/architecture/importGraph.test.ts checks the layer rules.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SOURCE_DIRS = ['src', 'dialogs', 'cards', 'tools'];
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function sourceFiles(root = ROOT) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(rel);
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return files.sort();
}

function resolve(known, from, specifier) {
  const stem = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '');
  return [`${stem}.ts`, `${stem}/index.ts`].find((candidate) => known.has(candidate));
}

/** Every project import as { from, to } file pairs (type-only imports included: they bind the layers too). */
function imports(root = ROOT) {
  const files = sourceFiles(root);
  const known = new Set(files);
  const edges = [];
  for (const from of files) {
    const text = fs.readFileSync(path.join(root, from), 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const to = resolve(known, from, match[2]);
      if (to && to !== from) edges.push({ from, to });
    }
  }
  return { files, edges };
}

function roomOf(file) {
  const dir = path.posix.dirname(file);
  return dir === 'src' ? file.replace(/\.ts$/, '') : dir;
}

/** Strongly connected components (Tarjan) of a graph given as Map<node, Set<node>>. */
function components(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const result = [];
  const visit = (node) => {
    info.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!info.has(next)) {
        visit(next);
        info.get(node).low = Math.min(info.get(node).low, info.get(next).low);
      } else if (info.get(next).onStack) info.get(node).low = Math.min(info.get(node).low, info.get(next).index);
    }
    if (info.get(node).low === info.get(node).index) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        info.get(member).onStack = false;
        group.push(member);
      } while (member !== node);
      result.push(group);
    }
  };
  for (const node of graph.keys()) if (!info.has(node)) visit(node);
  return result;
}

function graphOf(nodes, pairs) {
  const graph = new Map(nodes.map((node) => [node, new Set()]));
  for (const [a, b] of pairs) if (a !== b) graph.get(a).add(b);
  return graph;
}

/** Figures of the house: rooms, levels (the longest chain of rooms), up-imports, cycles, largest files. */
function measure(root = ROOT) {
  const { files, edges } = imports(root);
  const rooms = [...new Set(files.map(roomOf))].sort();
  const roomGraph = graphOf(rooms, edges.map((e) => [roomOf(e.from), roomOf(e.to)]));
  const roomGroups = components(roomGraph);
  const groupOf = new Map();
  roomGroups.forEach((group, i) => group.forEach((room) => groupOf.set(room, i)));
  // Inside a ring of rooms that import each other, the lighter direction of each room pair is the one that runs up.
  const weight = new Map();
  for (const e of edges) {
    const key = `${roomOf(e.from)} -> ${roomOf(e.to)}`;
    if (roomOf(e.from) !== roomOf(e.to) && groupOf.get(roomOf(e.from)) === groupOf.get(roomOf(e.to))) weight.set(key, (weight.get(key) ?? 0) + 1);
  }
  const upImports = [...weight.entries()]
    .filter(([key, count]) => {
      const [a, b] = key.split(' -> ');
      return count <= (weight.get(`${b} -> ${a}`) ?? Infinity);
    })
    .map(([key, count]) => `${key} (${count})`);
  const depth = new Map();
  const levelOf = (g) => {
    if (depth.has(g)) return depth.get(g);
    depth.set(g, 1);
    let best = 0;
    for (const room of roomGroups[g]) for (const next of roomGraph.get(room)) if (groupOf.get(next) !== g) best = Math.max(best, levelOf(groupOf.get(next)));
    depth.set(g, best + 1);
    return best + 1;
  };
  const levels = Math.max(...roomGroups.map((_, g) => levelOf(g)));
  const fileCycles = components(graphOf(files, edges.map((e) => [e.from, e.to]))).filter((group) => group.length > 1);
  const largest = files
    .map((file) => ({ file, lines: fs.readFileSync(path.join(root, file), 'utf8').split('\n').length - 1 }))
    .sort((a, b) => b.lines - a.lines)
    .slice(0, 8);
  const topRooms = [...new Set(rooms.map((room) => room.split('/').slice(0, 2).join('/')))];
  return { files: files.length, rooms: rooms.length, topRooms: topRooms.length, levels, upImports, roomCycles: roomGroups.filter((g) => g.length > 1), fileCycles, largest };
}

module.exports = { imports, roomOf, measure, components };

if (require.main === module) {
  const m = measure(process.argv[2] ? path.resolve(process.argv[2]) : ROOT);
  process.stdout.write(`${JSON.stringify({ ...m, }, null, 2)}\n`);
}
