#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: the bot plus the Microsoft 365 Agents Playground, offline.
 *
 *   1. starts the bot (`node dist/src/index.js`, environment inherited,
 *      PORT 3978 unless set) and waits until GET /healthz answers;
 *   2. starts the Agents Playground (devDependency
 *      @microsoft/m365agentsplayground) against http://127.0.0.1:PORT/api/messages
 *      as a Teams channel, with telemetry off and no browser opened;
 *   3. prints where to open the chat and the bot's health URL.
 *
 * Output of each child is prefixed with [bot] or [playground]. Ctrl-C or
 * SIGTERM stops both (the bot gets SIGTERM and finishes the turns under way);
 * if either child exits on its own, the other is stopped and this script
 * exits non-zero.
 *
 * Optional environment, besides the bot's own variables (.env.example):
 *   PLAYGROUND_PORT                port of the Playground UI (default 56150; the
 *                                  Playground falls back to a random port when taken)
 *   M365_AGENTS_PLAYGROUND_LOGFILE the Playground's log file (default: in the
 *                                  system temp folder, not in the work tree)
 * Any other M365_AGENTS_PLAYGROUND_* variable reaches the Playground as is.
 *
 * Known Playground behaviour (0.2.28): every message it sends says
 * `locale: "en-US"` (hard-coded, whatever the browser or LANG), and its
 * conversationUpdate has no locale; so the welcome comes in DEFAULT_LOCALE and
 * the answers to typed messages and clicks in English.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const ROOT = path.resolve(__dirname, '..');
const BOT_ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');
const HEALTH_TIMEOUT_MS = 60_000;
const PLAYGROUND_START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const say = (line) => process.stdout.write(`${paint('1', '[dev]')} ${line}\n`);
const complain = (line) => process.stderr.write(`${paint('1;31', '[dev]')} ${line}\n`);

const children = new Map(); // name -> ChildProcess still running
let stopping = false;
let exitCode = 0;

function fail(message) {
  complain(message);
  process.exit(1);
}

function botPort() {
  const raw = (process.env.PORT ?? '').trim() || '3978';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`PORT must be a whole number from 1 to 65535 for npm run dev (got "${raw}").`);
  }
  return port;
}

/** Path of the Playground's CLI; throws when the devDependency is not installed. */
function playgroundCli() {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [ROOT] });
  } catch {
    throw new Error(
      'The Agents Playground is not installed (devDependency @microsoft/m365agentsplayground). ' +
        'Run `npm ci` (without --omit=dev), or use `npm start` for the bot alone.',
    );
  }
}

/** The Playground prints this line once its UI listens (it takes a random port when its own is taken). */
const PLAYGROUND_LISTENING = /Listening on (\d+)/;

/**
 * How to start the Agents Playground against a bot endpoint, offline: a Teams
 * channel, telemetry off, no browser opened, its log file out of the work tree.
 * Returns { command, args, env } for child_process.spawn (cwd: ROOT); also used
 * by the browser test (test/browser/).
 *   endpoint  the bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages
 *   port      the UI port (optional; the Playground's default is 56150)
 *   env       the environment to pass on (default process.env)
 */
function playgroundCommand({ endpoint, port, env = process.env }) {
  const args = [playgroundCli(), '-e', endpoint, '-c', 'msteams', '--disable-telemetry'];
  if (port) args.push('-p', String(port));
  return {
    command: process.execPath,
    args,
    env: {
      ...env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: env.M365_AGENTS_PLAYGROUND_LOGFILE || path.join(os.tmpdir(), 'provisio-agentsplayground.log'),
    },
  };
}

/** Resolves true when something already accepts connections on host:port. */
function portTaken(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (taken) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
  });
}

/** Polls the health URL until it answers 200, the bot exits, or time runs out. */
async function waitHealthy(url, bot) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping || bot.exitCode !== null || bot.signalCode !== null) return false;
    if (await healthy(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Forwards each line of a child's stream to ours, with a prefix. */
function pipeLines(stream, target, prefix, onLine) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => {
    target.write(`${prefix} ${line}\n`);
    if (onLine) onLine(line);
  });
}

function start(name, color, args, env, onLine) {
  const prefix = paint(color, `[${name}]`);
  // detached: the child gets its own process group, so a Ctrl-C in the
  // terminal reaches this script only, and each child is stopped once, by us.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  children.set(name, child);
  pipeLines(child.stdout, process.stdout, prefix, onLine);
  pipeLines(child.stderr, process.stderr, prefix, onLine);
  child.once('error', (error) => {
    complain(`${name} could not start: ${error.message}`);
  });
  // 'close' rather than 'exit': the child's last lines have been forwarded by then.
  child.once('close', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      complain(`${name} exited on its own (${signal ? `signal ${signal}` : `code ${code}`}); stopping the rest.`);
      shutdown(code || 1);
    } else if (!children.size) {
      process.exit(exitCode);
    }
  });
  return child;
}

function shutdown(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (!children.size) process.exit(exitCode);
  for (const [name, child] of children) {
    try {
      child.kill('SIGTERM');
    } catch (error) {
      complain(`could not stop ${name}: ${error.message}`);
    }
  }
  const timer = setTimeout(() => {
    for (const [name, child] of children) {
      complain(`${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it.`);
      child.kill('SIGKILL');
    }
    exitCode = exitCode || 1;
  }, STOP_TIMEOUT_MS);
  timer.unref();
}

async function main() {
  if (!fs.existsSync(BOT_ENTRY)) fail(`${path.relative(ROOT, BOT_ENTRY)} is missing: run \`npm run build\` first.`);
  try {
    playgroundCli();
  } catch (error) {
    fail(error.message);
  }
  const port = botPort();
  const healthUrl = `http://127.0.0.1:${port}/healthz`;
  const endpoint = `http://127.0.0.1:${port}/api/messages`;

  if (await portTaken('127.0.0.1', port)) {
    fail(`Port ${port} is already in use (another bot still running?). Stop it, or choose another PORT.`);
  }

  // Stop both children on Ctrl-C or SIGTERM. Further signals are ignored
  // while stopping (npm may forward the same Ctrl-C a second time).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (!stopping) say(`${signal}: stopping the bot and the playground...`);
      shutdown(0);
    });
  }

  say(`starting the bot on port ${port}...`);
  const bot = start('bot', '36', [BOT_ENTRY], { ...process.env, PORT: String(port) });

  if (!(await waitHealthy(healthUrl, bot))) {
    if (!stopping) {
      complain(`the bot did not answer ${healthUrl} within ${HEALTH_TIMEOUT_MS / 1000} s.`);
      shutdown(1);
    }
    return;
  }
  if (stopping) return;

  say('the bot is up; starting the Agents Playground...');
  const playground = playgroundCommand({ endpoint, port: process.env.PLAYGROUND_PORT });

  let announced = false;
  const announce = (uiPort) => {
    if (announced || stopping) return;
    announced = true;
    const bar = '-'.repeat(64);
    say(bar);
    say(`Chat with the bot:  ${paint('1;32', `http://localhost:${uiPort}`)}  (Agents Playground)`);
    say(`Bot health:         ${healthUrl}`);
    say(`Bot endpoint:       ${endpoint}`);
    say('Press Ctrl-C to stop both.');
    say(bar);
  };
  start('playground', '35', playground.args, playground.env, (line) => {
    // The Playground takes a random port when its own is taken: read the real one.
    const match = PLAYGROUND_LISTENING.exec(line);
    if (match) announce(match[1]);
  });
  setTimeout(() => {
    if (!announced && !stopping) {
      complain(`the Playground has not said which port it listens on; try http://localhost:${process.env.PLAYGROUND_PORT || 56150}`);
    }
  }, PLAYGROUND_START_TIMEOUT_MS).unref();
}

module.exports = { PLAYGROUND_LISTENING, playgroundCli, playgroundCommand };

if (require.main === module) {
  main().catch((error) => {
    complain(error.stack || String(error));
    shutdown(1);
  });
}
