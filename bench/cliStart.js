'use strict';
// CLI start time: `--help` and `users list` beside `node -e 0` in the same run (goal: at most 0.25 s each).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CLI = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const RUNS = 9;
const GOAL_MS = 250;

function medianMs(args, env) {
  const times = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { env, stdio: 'ignore' });
    if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)].toFixed(1));
}

async function main(dir = path.join(__dirname, 'results')) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-cli-'));
  const env = { PATH: process.env.PATH, DATA_DIR: dataDir };
  try {
    execFileSync(process.execPath, [CLI, 'users', 'list'], { env, stdio: 'ignore' }); // seeds the sandbox org once
    const nodeAlone = medianMs(['-e', '0'], env);
    const help = medianMs([CLI, '--help'], env);
    const usersList = medianMs([CLI, 'users', 'list'], env);
    const date = new Date().toISOString();
    const summary = {
      date,
      node: process.version,
      runs: RUNS,
      medianMs: { nodeAlone, help, usersList },
      overNodeAlone: { help: Number((help / nodeAlone).toFixed(2)), usersList: Number((usersList / nodeAlone).toFixed(2)) },
      goalMs: GOAL_MS,
      goalsMet: { help: help <= GOAL_MS, usersList: usersList <= GOAL_MS },
    };
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `cli-start-${date.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

module.exports = { main };
