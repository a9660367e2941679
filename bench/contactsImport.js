'use strict';
// The contacts import benchmark's scenarios; scripts/bench.js runs each in its own process.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parse } = require('csv-parse/sync');
const { importContacts } = require('../dist/src/imports/contacts.js');
const { openLowdbDirectory } = require('../dist/src/directory/lowdb/lowdbDirectory.js');
const { sandboxSeed } = require('../dist/src/directory/lowdb/seed.js');
const { directoryContacts, importFile } = require('./data.js');
const { memoryDirectory } = require('./memoryDirectory.js');

const DIRECTORY_SIZE = 100_000;
const CTX = { actor: { id: 'bench', name: 'bench', role: 'admin' }, flow: 'bench' };
const OPTIONS = { region: 'FR', limits: { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 } };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 1) => Number(value.toFixed(digits));

/** Wraps a directory so that the time spent in it (the store's share) is measured apart. */
function timed(directory) {
  let storeMs = 0;
  const wrapped = Object.create(directory);
  for (const name of ['createImportJob', 'listContacts', 'listDistributionLists', 'matchContacts', 'applyContactChanges', 'updateImportJob']) {
    if (!directory[name]) continue;
    wrapped[name] = async (...args) => {
      const start = performance.now();
      try {
        return await directory[name](...args);
      } finally {
        storeMs += performance.now() - start;
      }
    };
  }
  return { directory: wrapped, storeMs: () => storeMs };
}

/** Writes a lowdb data directory holding the sandbox org and DIRECTORY_SIZE contacts (in the calling process). */
async function prepareLowdb(dir) {
  const contacts = directoryContacts(DIRECTORY_SIZE);
  const directory = await openLowdbDirectory(dir, { seed: (now) => ({ ...sandboxSeed(now), contacts }) });
  await directory.close();
}

/** A fresh copy of the prepared data directory, opened as the CLI or the bot would open it. */
async function lowdbCopy(templateDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-'));
  for (const file of fs.readdirSync(templateDir)) fs.copyFileSync(path.join(templateDir, file), path.join(dir, file));
  const directory = await openLowdbDirectory(dir);
  return {
    directory,
    dispose: async () => {
      await directory.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openStore(store, contacts) {
  if (store === 'lowdb') return lowdbCopy(process.env.BENCH_LOWDB_TEMPLATE);
  return { directory: memoryDirectory(contacts), dispose: async () => {} };
}

/**
 * Lets the store's opening finish before the clock starts. Loading 100,000
 * contacts leaves V8 a young-generation collection to run as a task (it
 * copies the contacts loaded last: 7–9 ms); without a turn of the event
 * loop, that task ran inside the import's first await and was counted as
 * the import's. The bot opens its store once, at start; plain parsing is
 * timed before the store opens, on a settled heap too.
 */
const settled = () => new Promise((resolve) => setImmediate(resolve));

async function importOnce(opened, bytes) {
  const { directory, storeMs } = timed(opened.directory);
  await settled();
  const start = performance.now();
  const outcome = await importContacts(directory, { bytes, fileName: 'bench.csv', dryRun: false }, CTX, OPTIONS);
  const importMs = performance.now() - start;
  await opened.dispose();
  if (!outcome.ok) throw new Error(`bench file refused: ${outcome.fileError.code}`);
  return { importMs, storeMs: storeMs(), report: outcome.report };
}

/**
 * Times plain csv-parse and the whole import (decode → apply, import job
 * included) of the same bytes: the first (cold) run, then the median of
 * `runs` more once `warmup` runs have gone. V8 is still optimising the
 * import over the next two or three runs (many of its functions run once an
 * import): on 2 cores they took 170–215 ms, most runs after them 120–150 ms.
 * Plain parsing warms up too (46–54 ms, then 38–41). Counting those runs as
 * warm made both medians depend on how many of them they took in.
 */
async function timeScenario({ store, rows, runs, warmup }) {
  const contacts = store === 'memory' ? directoryContacts(DIRECTORY_SIZE) : [];
  const bytes = importFile(rows, DIRECTORY_SIZE);
  const samples = [];
  let report;
  for (let run = 0; run <= warmup + runs; run++) {
    const start = performance.now();
    parse(bytes);
    const plainParseMs = performance.now() - start;
    const result = await importOnce(await openStore(store, contacts), bytes);
    report = result.report;
    samples.push({ plainParseMs, importMs: result.importMs, storeMs: result.storeMs });
  }
  const [cold, ...rest] = samples;
  const warm = rest.slice(warmup);
  const plainParseMs = median(warm.map((s) => s.plainParseMs));
  const importMs = median(warm.map((s) => s.importMs));
  const storeMs = median(warm.map((s) => s.storeMs));
  return {
    store,
    rows,
    directoryContacts: DIRECTORY_SIZE,
    fileBytes: bytes.length,
    runs,
    warmupRuns: warmup,
    plainParseMs: round(plainParseMs),
    importMs: round(importMs),
    storeMs: round(storeMs),
    engineMs: round(importMs - storeMs),
    ratioToPlainParse: round(importMs / plainParseMs, 2),
    coldImportMs: round(cold.importMs),
    coldPlainParseMs: round(cold.plainParseMs),
    // Every run in order (cold, warm-up, measured), so that the medians can be checked.
    importMsByRun: samples.map((s) => round(s.importMs)),
    plainParseMsByRun: samples.map((s) => round(s.plainParseMs)),
    counts: { created: report.created, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
  };
}

/**
 * One import in a fresh process: its peak RSS, beside the RSS once the
 * directory is open and the file read (the data alone).
 */
async function memoryScenario({ store, rows }) {
  const contacts = store === 'memory' ? directoryContacts(DIRECTORY_SIZE) : [];
  const bytes = importFile(rows, DIRECTORY_SIZE);
  const opened = await openStore(store, contacts);
  const rssOfDataMB = round(process.memoryUsage().rss / 2 ** 20);
  await importOnce(opened, bytes);
  return { rssOfDataMB, peakRssMB: round((process.resourceUsage().maxRSS * 1024) / 2 ** 20) };
}

module.exports = { prepareLowdb, timeScenario, memoryScenario };
