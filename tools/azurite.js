'use strict';
/**
 * Starts Azurite's blob service from node_modules on a free loopback port,
 * in memory (nothing on disk), for tests and the bench. Resolves with its
 * connection string (the well-known development account, not a secret) and
 * a stop() that ends that process only.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const MAIN = path.join(__dirname, '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 20_000;

function connectionStringFor(port) {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

function startAzurite() {
  const child = spawn(process.execPath, [MAIN, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--disableTelemetry', '--silent'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`));
    }, START_TIMEOUT_MS);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}:\n${output.join('\n')}`));
    });
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        connectionString: connectionStringFor(port),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

module.exports = { startAzurite, connectionStringFor };
