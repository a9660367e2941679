'use strict';
/**
 * Turn latency over HTTP: the same load (concurrent conversations, "aide"
 * turns, deliveryMode expectReplies) against a bare echo bot on the same
 * stack, the built Provisio bot with its state in files (STATE_STORE=file),
 * and the same bot with its state on Blob Storage (STATE_STORE=blob, on an
 * Azurite started from node_modules: state reads and writes, the turn lease),
 * one after the other in the same run. "aide" shows the menu and writes
 * nothing to the directory.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { startAzurite } = require('../tools/azurite.js');
const { startBlobRequestCounter } = require('../tools/blobRequestCounter.js');

const ROOT = path.join(__dirname, '..');
const GOAL_P50_RATIO = 1.5;
// Issue #27 point 7: blob state at most 1.5x file state at p50, 1.3x at p99.
const GOAL_BLOB_OVER_FILE = { p50: 1.5, p99: 1.3 };

/** Spawns a bot and resolves once it logs {"msg":"listening","port":N}. */
function startChild(name, script, env) {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = [];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  readline.createInterface({ input: child.stderr }).on('line', (line) => logs.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${logs.join('\n')}`)), 15_000);
    void exited.then((code) => reject(new Error(`${name} exited with ${code}:\n${logs.join('\n')}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      logs.push(line);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return; // not a JSON log line
      }
      if (entry.msg !== 'listening') return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${entry.port}`, stop: () => (child.kill('SIGTERM'), exited) });
    });
  });
}

let activityId = 0;

/** One turn: its latency in ms, and whether it got a 200 with at least one message back. */
async function timedTurn(url, conversation, text) {
  const body = {
    type: 'message',
    id: `bench-${++activityId}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: `admin-${conversation}`, name: 'Bench' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'fr-FR',
    text,
  };
  const start = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const replies = (await response.json()).activities ?? [];
    const ok = response.status === 200 && replies.some((a) => a.type === 'message');
    return { ms: performance.now() - start, ok };
  } catch {
    return { ms: performance.now() - start, ok: false };
  }
}

/** `conversations` at once, each `turns` turns in a row; returns every turn's outcome. */
async function load(url, { prefix, conversations, turns, text }) {
  const run = async (i) => {
    const outcomes = [];
    for (let n = 0; n < turns; n++) outcomes.push(await timedTurn(url, `${prefix}-${i}`, text));
    return outcomes;
  };
  return (await Promise.all(Array.from({ length: conversations }, (_, i) => run(i)))).flat();
}

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms) => Number(ms.toFixed(2));

function summarise(outcomes) {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    turns: outcomes.length,
    errors: outcomes.filter((o) => !o.ok).length,
  };
}

/**
 * The blob requests of the same load (warm-up, then one round of `turns` turns per conversation), counted by a proxy
 * in front of Azurite, on another bot process than the timed one (the proxy costs time): per turn, by kind.
 */
async function countBlobRequests(azurite, { conversations, turns, warmupTurns, text }) {
  const counter = await startBlobRequestCounter(azurite.port);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-turns-count-'));
  let bot;
  try {
    bot = await startChild('Provisio (blob state, counted)', path.join(ROOT, 'dist', 'src', 'index.js'), {
      DATA_DIR: dataDir,
      STATE_STORE: 'blob',
      BLOB_CONNECTION_STRING: counter.connectionString,
      BLOB_CONTAINER: 'bench-counted',
    });
    const options = (turnCount) => ({ prefix: 'count', conversations, text, turns: turnCount });
    await load(bot.url, options(warmupTurns));
    // The warm-up's kept leases are released (1 s after its last turns) before the round, as between the timed rounds.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    counter.reset();
    const outcomes = await load(bot.url, options(turns));
    // The leases kept after the round's last turns are released after it: they count too.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const requests = counter.requests();
    const byKind = Object.fromEntries(
      Object.entries(counter.counts())
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, n]) => [kind, Number((n / outcomes.length).toFixed(3))]),
    );
    return {
      perTurn: Number((requests.length / outcomes.length).toFixed(3)),
      byKind,
      turns: outcomes.length,
      requests: requests.length,
      errors: outcomes.filter((o) => !o.ok).length,
    };
  } finally {
    if (bot) await bot.stop();
    await counter.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Starts both bots and warms each up, then measures them in alternating rounds
 * (echo first, then Provisio first, ...) so that both see the same machine.
 */
async function measureTurnLatency({ conversations = 50, turns = 20, rounds = 4, warmupTurns = 10, text = 'aide' } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-turns-'));
  const blobDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-turns-blob-'));
  const bots = {};
  let azurite;
  try {
    azurite = await startAzurite();
    bots.echo = await startChild('echo bot', path.join(__dirname, 'echoBot.js'), {});
    bots.provisio = await startChild('Provisio', path.join(ROOT, 'dist', 'src', 'index.js'), { DATA_DIR: dataDir });
    bots.provisioBlob = await startChild('Provisio (blob state)', path.join(ROOT, 'dist', 'src', 'index.js'), {
      DATA_DIR: blobDataDir,
      STATE_STORE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'bench',
    });
    const names = Object.keys(bots);
    const options = (name, turnCount) => ({ prefix: `load-${name}`, conversations, text, turns: turnCount });
    // The warm-up opens the conversations (Provisio writes each one's state once) and warms both processes up.
    for (const name of names) await load(bots[name].url, options(name, warmupTurns));
    const outcomes = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      const turnCount = Math.floor(turns / rounds) + (round < turns % rounds ? 1 : 0);
      // Each round starts with another bot, so that none always runs on the warmest machine.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        outcomes[name].push(...(await load(bots[name].url, options(name, turnCount))));
      }
    }
    const echo = summarise(outcomes.echo);
    const provisio = summarise(outcomes.provisio);
    const provisioBlob = summarise(outcomes.provisioBlob);
    const ratioP50 = Number((provisio.p50Ms / echo.p50Ms).toFixed(2));
    const ratio = (key) => Number((provisioBlob[key] / provisio[key]).toFixed(2));
    await Promise.all(Object.values(bots).map((bot) => bot.stop()));
    const blobRequests = await countBlobRequests(azurite, { conversations, turns: Math.ceil(turns / rounds), warmupTurns, text });
    return {
      load: { conversations, turnsPerConversation: turns, rounds, warmupTurnsPerConversation: warmupTurns, text },
      echo,
      provisio,
      ratioP50,
      goalP50Ratio: GOAL_P50_RATIO,
      goalMet: ratioP50 <= GOAL_P50_RATIO && echo.errors === 0 && provisio.errors === 0,
      // The same bot with STATE_STORE=blob on a local Azurite: what shared state costs per turn (no network latency here).
      stateStore: {
        file: { p50Ms: provisio.p50Ms, p99Ms: provisio.p99Ms },
        blob: provisioBlob,
        blobOverFileP50: ratio('p50Ms'),
        blobOverFileP99: ratio('p99Ms'),
        goalBlobOverFile: GOAL_BLOB_OVER_FILE,
        goalMet: ratio('p50Ms') <= GOAL_BLOB_OVER_FILE.p50 && ratio('p99Ms') <= GOAL_BLOB_OVER_FILE.p99 && provisioBlob.errors === 0,
        // Per turn of one round after the warm-up (the load's shape), on a counted bot: lease, state reads and writes.
        blobRequests,
        storage: 'Azurite (in memory, loopback)',
      },
    };
  } finally {
    await Promise.all(Object.values(bots).map((bot) => bot.stop()));
    if (azurite) await azurite.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(blobDataDir, { recursive: true, force: true });
  }
}

module.exports = { measureTurnLatency };
