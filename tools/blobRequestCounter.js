'use strict';
/**
 * A counting HTTP proxy in front of Azurite, for tests and the bench: every
 * request to Blob Storage goes through it, and is recorded as what it does
 * (lease acquire/renew/release, read, write, create...) and on what (the turn
 * lock, conversation state, user state, another blob, the container), with its
 * status. Point a connection string at `connectionString` instead of
 * Azurite's; stop() ends the proxy only (Azurite is the caller's).
 */
const http = require('node:http');
const { connectionStringFor } = require('./azurite.js');

/** What a Blob Storage request does, from its method, query and headers. */
function operationOf(method, query, headers) {
  const comp = query.get('comp');
  if (query.get('restype') === 'container') return comp ? `container-${comp}` : `container-${method.toLowerCase()}`;
  if (comp === 'lease') return `lease-${String(headers['x-ms-lease-action'] ?? '?').toLowerCase()}`;
  if (comp) return `${method.toLowerCase()}-${comp}`;
  if (method === 'GET') return 'read';
  if (method === 'HEAD') return 'properties';
  if (method === 'PUT') return 'write';
  if (method === 'DELETE') return 'delete';
  return method.toLowerCase();
}

/** What the request is about, from the blob name (BlobsStorage encodes its keys once more: decode until stable). */
function targetOf(pathname) {
  const [, , ...rest] = pathname.split('/'); // '', account, container, blob...
  if (rest.length <= 1) return 'container';
  let name = rest.slice(1).join('/');
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(name);
      if (decoded === name) break;
      name = decoded;
    } catch {
      break;
    }
  }
  if (name.startsWith('locks/turns/')) return 'turnLock';
  if (/\/conversations\//.test(name)) return 'conversationState';
  if (/\/users\//.test(name)) return 'userState';
  return name.split('/')[0] || 'other';
}

/** Starts the proxy on a free loopback port in front of Azurite at `port`. */
function startBlobRequestCounter(port) {
  const agent = new http.Agent({ keepAlive: true });
  /** @type {Array<{ op: string, target: string, status: number }>} */
  let requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const entry = { op: operationOf(req.method ?? 'GET', url.searchParams, req.headers), target: targetOf(url.pathname), status: 0 };
    requests.push(entry);
    const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      entry.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      entry.status = 502;
      res.destroy();
    });
    req.pipe(upstream);
  });
  let connections = 0;
  server.on('connection', () => connections++);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const proxyPort = server.address().port;
      resolve({
        port: proxyPort,
        connectionString: connectionStringFor(proxyPort),
        /** The requests so far, oldest first. */
        requests: () => requests.slice(),
        /** TCP connections the clients opened so far (keep-alive: a few, not one per request). */
        connections: () => connections,
        /** Forgets the requests so far. */
        reset: () => void (requests = []),
        /** Counts of the requests so far by "op target" (e.g. "lease-acquire turnLock", "read conversationState"). */
        counts: () => countRequests(requests),
        stop: () =>
          new Promise((done) => {
            agent.destroy();
            server.closeAllConnections?.();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

function countRequests(requests) {
  const counts = {};
  for (const { op, target } of requests) counts[`${op} ${target}`] = (counts[`${op} ${target}`] ?? 0) + 1;
  return counts;
}

module.exports = { startBlobRequestCounter, countRequests };
