#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (builds first; never part of npm test): the contacts import
 * against a directory of 100,000 contacts, beside plain csv-parse parsing of
 * the same file in the same process. The times are medians of a few runs
 * after a first (cold) one, also reported, and a few warm-up runs (every
 * run's time is in the results); peak RSS comes from another process that
 * does one import only, so that it is that import's own.
 * Writes bench/results/contacts-import-<time>.json and prints it.
 *
 * Scenarios: the import engine with an in-memory directory (1,000 and 10,000
 * rows: linearity), and the same 10,000 rows into the lowdb store (org.json
 * and the contacts journal), whose own cost is reported apart as storeMs.
 *
 * Then, in another process, the turn latency over HTTP of the built bot beside
 * a bare echo bot on the same stack, and of the same bot with its state on
 * Blob Storage (Azurite) beside file state, p50/p99 and blob/file ratios
 * (bench/turnLatency.js): writes bench/results/turn-latency-<time>.json and
 * prints it.
 *
 * `npm run bench -- turn-latency` (or `node scripts/bench.js turn-latency` after a build) runs that part only;
 * `npm run bench -- cli-start` the CLI start time beside `node -e 0` (bench/cliStart.js), also run by the whole bench.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCENARIOS = {
  'memory-1000': { store: 'memory', rows: 1_000, runs: 5, warmup: 3 },
  'memory-10000': { store: 'memory', rows: 10_000, runs: 9, warmup: 3 },
  'lowdb-10000': { store: 'lowdb', rows: 10_000, runs: 9, warmup: 3 },
};

// The goals; "linear" read as: 10x the rows cost at most 10x (+20% for noise).
const GOALS = { maxRatioToPlainParse: 4, maxImportMs: 1000, maxPeakRssMB: 300, maxCost10000Over1000: 12 };

function runChild(mode, name, env) {
  const out = execFileSync(process.execPath, [__filename, mode, name], { encoding: 'utf8', maxBuffer: 1 << 20, env });
  return JSON.parse(out);
}

async function main() {
  // The lowdb scenarios copy one prepared data directory: writing 100,000 contacts is not part of what is measured.
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-org-'));
  const env = { ...process.env, BENCH_LOWDB_TEMPLATE: template };
  let results;
  try {
    await require('../bench/contactsImport.js').prepareLowdb(template);
    results = Object.fromEntries(
      Object.keys(SCENARIOS).map((name) => [name, { ...runChild('--time', name, env), ...runChild('--memory', name, env) }]),
    );
  } finally {
    fs.rmSync(template, { recursive: true, force: true });
  }
  const small = results['memory-1000'];
  const large = results['memory-10000'];
  const check = (r) => ({
    ratioToPlainParse: r.ratioToPlainParse <= GOALS.maxRatioToPlainParse,
    importMs: r.importMs <= GOALS.maxImportMs,
    peakRssMB: r.peakRssMB <= GOALS.maxPeakRssMB,
  });
  const summary = {
    date: new Date().toISOString(),
    node: process.version,
    goals: GOALS,
    results,
    linearity: {
      // Fixed costs (scanning the 100,000 contacts, the store) make 1,000 rows cost more than a tenth.
      importMs10000Over1000: Number((large.importMs / small.importMs).toFixed(2)),
      engineUsPerRow1000: Number(((small.engineMs * 1000) / small.rows).toFixed(1)),
      engineUsPerRow10000: Number(((large.engineMs * 1000) / large.rows).toFixed(1)),
    },
    goalsMet: {
      'memory-10000': check(large),
      'lowdb-10000': check(results['lowdb-10000']),
      linear: large.importMs / small.importMs <= GOALS.maxCost10000Over1000,
    },
  };
  const dir = path.join(__dirname, '..', 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `contacts-import-${summary.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
  turnLatency(dir);
  await require('../bench/webexThroughput.js').main(dir);
  await require('../bench/xlsxBombs.js').main(dir);
  await require('../bench/cliStart.js').main(dir);
}

/** Turn latency beside the echo bot, in its own process (goal: p50 at most 1.5x the echo bot's). */
function turnLatency(dir) {
  const date = new Date().toISOString();
  const out = execFileSync(process.execPath, [__filename, '--turn-latency'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const summary = { date, node: process.version, ...JSON.parse(out) };
  const file = path.join(dir, `turn-latency-${date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
}

const RESULTS_DIR = path.join(__dirname, '..', 'bench', 'results');

if (process.argv[2] === 'cli-start') {
  require('../bench/cliStart.js').main(RESULTS_DIR);
} else if (process.argv[2] === 'turn-latency') {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  turnLatency(RESULTS_DIR);
} else if (process.argv[2] === '--turn-latency') {
  require('../bench/turnLatency.js').measureTurnLatency().then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
} else if (process.argv[2] === '--time' || process.argv[2] === '--memory') {
  const { timeScenario, memoryScenario } = require('../bench/contactsImport.js');
  const run = process.argv[2] === '--time' ? timeScenario : memoryScenario;
  run(SCENARIOS[process.argv[3]]).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
} else {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
}
