import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentFetchError, fetchAttachment, isAllowedUrl, type FetchPolicy } from '../../../src/platform/files/fetchAttachment';

const LOCAL: FetchPolicy = { allowedHosts: [], allowLoopback: true };
const LIMITS = { maxBytes: 1000, timeoutMs: 2000 };

interface TestServer {
  url: string;
  connections: () => number;
  headers: http.IncomingHttpHeaders[];
  closed: Promise<void>; // resolves when a response socket is closed (aborted by the client or finished)
}

const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<TestServer> {
  let connections = 0;
  let onClosed!: () => void;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const headers: http.IncomingHttpHeaders[] = [];
  // Handlers never chain on writeHead(): restify, loaded by other suites in the same worker, patches it to return nothing.
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    res.on('close', onClosed);
    handler(req, res);
  });
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections, headers, closed };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Resolves with the thrown AttachmentFetchError (fails the test if the promise resolves). */
async function failure(promise: Promise<unknown>): Promise<AttachmentFetchError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AttachmentFetchError);
  return err as AttachmentFetchError;
}

/** Writes `size` bytes every `everyMs` until the client goes away. */
function trickle(res: http.ServerResponse, size: number, everyMs: number) {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const timer = setInterval(() => res.write(Buffer.alloc(size, 0x61)), everyMs);
  res.on('close', () => clearInterval(timer));
}

describe('isAllowedUrl', () => {
  const policy: FetchPolicy = { allowedHosts: ['Files.Example.org', '*.example.com'], allowLoopback: false };

  test.each([
    ['https://files.example.org/a.csv', { ok: true }],
    ['https://FILES.example.ORG/a.csv', { ok: true }],
    ['https://a.example.com/x', { ok: true }],
    ['https://a.b.example.com/x', { ok: true }],
    ['https://example.com/x', { ok: false, code: 'host_not_allowed', host: 'example.com' }],
    ['https://badexample.com/x', { ok: false, code: 'host_not_allowed', host: 'badexample.com' }],
    ['https://files.example.org.evil.example/x', { ok: false, code: 'host_not_allowed', host: 'files.example.org.evil.example' }],
    ['https://files.example.org@evil.example/x', { ok: false, code: 'host_not_allowed', host: 'evil.example' }],
    ['http://files.example.org/a.csv', { ok: false, code: 'insecure_url', host: 'files.example.org' }],
    ['http://127.0.0.1/a.csv', { ok: false, code: 'host_not_allowed', host: '127.0.0.1' }],
    ['file:///etc/passwd', { ok: false, code: 'bad_url' }],
    ['data:text/csv,a,b', { ok: false, code: 'bad_url' }],
    ['ftp://files.example.org/a.csv', { ok: false, code: 'bad_url' }],
    ['javascript:alert(1)', { ok: false, code: 'bad_url' }],
    ['not a url', { ok: false, code: 'bad_url' }],
  ])('%s', (url, expected) => {
    expect(isAllowedUrl(url, policy)).toEqual(expected);
  });

  test('loopback (any spelling) only in local mode; look-alike names are not loopback', () => {
    for (const url of ['http://localhost:1/', 'http://127.0.0.1:1/', 'http://[::1]:1/', 'http://0x7f000001/']) {
      expect(isAllowedUrl(url, LOCAL)).toEqual({ ok: true });
      expect(isAllowedUrl(url, { ...LOCAL, allowLoopback: false })).toMatchObject({ ok: false, code: 'host_not_allowed' });
    }
    expect(isAllowedUrl('http://127.0.0.1.nip.io/', LOCAL)).toEqual({ ok: false, code: 'host_not_allowed', host: '127.0.0.1.nip.io' });
  });
});

describe('fetchAttachment', () => {
  test('downloads the body and sends the caller headers', async () => {
    const server = await serve((_req, res) => res.end('a;b\n1;2\n'));
    const body = await fetchAttachment(`${server.url}/file.csv`, LOCAL, LIMITS, { authorization: 'Bearer t' });
    expect(body.toString()).toBe('a;b\n1;2\n');
    expect(server.headers[0].authorization).toBe('Bearer t');
  });

  test('userinfo in the URL is never sent as credentials', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    await fetchAttachment(server.url.replace('//', '//user:pw@') + '/file.csv', LOCAL, LIMITS);
    expect(server.headers[0].authorization).toBeUndefined();
  });

  test('a disallowed host never receives a connection', async () => {
    const server = await serve((_req, res) => res.end('secret'));
    const err = await failure(fetchAttachment(`${server.url}/file.csv`, { ...LOCAL, allowLoopback: false }, LIMITS));
    expect(err.code).toBe('host_not_allowed');
    expect(err.details.host).toBe('127.0.0.1');
    expect(server.connections()).toBe(0);
  });

  test('https is required for non-loopback hosts, checked before connecting', async () => {
    const policy = { allowedHosts: ['files.example.org'], allowLoopback: true };
    expect((await failure(fetchAttachment('http://files.example.org/a.csv', policy, LIMITS))).code).toBe('insecure_url');
  });

  test('follows a redirect to an allowed path, keeping headers on the same origin', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/start') void (res.writeHead(302, { location: '/file.csv' }), res.end());
      else res.end('redirected');
    });
    const body = await fetchAttachment(`${server.url}/start`, LOCAL, LIMITS, { authorization: 'Bearer t' });
    expect(body.toString()).toBe('redirected');
    expect(server.headers.map((h) => h.authorization)).toEqual(['Bearer t', 'Bearer t']);
  });

  test('never forwards the caller headers to another host', async () => {
    const other = await serve((_req, res) => res.end('elsewhere'));
    const first = await serve((_req, res) => void (res.writeHead(307, { location: `${other.url}/file.csv` }), res.end()));
    const body = await fetchAttachment(`${first.url}/start`, LOCAL, LIMITS, { authorization: 'Bearer t' });
    expect(body.toString()).toBe('elsewhere');
    expect(first.headers[0].authorization).toBe('Bearer t');
    expect(other.headers[0].authorization).toBeUndefined();
  });

  test('a redirect to a disallowed host is refused without contacting it', async () => {
    const target = await serve((_req, res) => res.end('secret'));
    const port = new URL(target.url).port;
    // 127.0.0.1.nip.io resolves to loopback through public DNS: only the host check keeps it out.
    const first = await serve((_req, res) => void (res.writeHead(302, { location: `http://127.0.0.1.nip.io:${port}/x` }), res.end()));
    const err = await failure(fetchAttachment(`${first.url}/start`, LOCAL, LIMITS));
    expect(err.code).toBe('host_not_allowed');
    expect(err.details.host).toBe('127.0.0.1.nip.io');
    expect(target.connections()).toBe(0);
  });

  test('a redirect loop stops after maxRedirects', async () => {
    const server = await serve((_req, res) => void (res.writeHead(302, { location: '/again' }), res.end()));
    const err = await failure(fetchAttachment(`${server.url}/start`, LOCAL, { ...LIMITS, maxRedirects: 2 }));
    expect(err.code).toBe('too_many_redirects');
    expect(server.headers).toHaveLength(3); // the first request plus 2 followed redirects
  });

  test('rejects early on a Content-Length above maxBytes', async () => {
    // Headers only, the body never comes: without the early check this would end in a timeout.
    const server = await serve((_req, res) => void (res.writeHead(200, { 'content-length': '5000' }), res.flushHeaders()));
    const err = await failure(fetchAttachment(`${server.url}/big`, LOCAL, { maxBytes: 1000, timeoutMs: 5000 }));
    expect(err.code).toBe('too_large');
    expect(err.details.limit).toBe(1000);
  });

  test('aborts a chunked body as soon as it exceeds maxBytes', async () => {
    const server = await serve((_req, res) => trickle(res, 64, 2));
    const err = await failure(fetchAttachment(`${server.url}/endless`, LOCAL, { maxBytes: 1000, timeoutMs: 5000 }));
    expect(err.code).toBe('too_large');
    await server.closed; // the client dropped the connection
  });

  test('accepts a body of exactly maxBytes', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(1000)));
    expect((await fetchAttachment(`${server.url}/exact`, LOCAL, LIMITS)).length).toBe(1000);
  });

  test('one deadline covers a slow body', async () => {
    const server = await serve((_req, res) => trickle(res, 1, 100));
    const started = Date.now();
    const err = await failure(fetchAttachment(`${server.url}/slow`, LOCAL, { maxBytes: 1000, timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(err.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800);
    await server.closed; // the socket was destroyed
  });

  test('the deadline also covers waiting for headers', async () => {
    const server = await serve(() => undefined);
    const err = await failure(fetchAttachment(`${server.url}/silent`, LOCAL, { maxBytes: 1000, timeoutMs: 300 }));
    expect(err.code).toBe('timeout');
    await server.closed;
  });

  test('a non-2xx answer is an http_status error', async () => {
    const server = await serve((_req, res) => void (res.writeHead(404), res.end('missing')));
    const err = await failure(fetchAttachment(`${server.url}/missing`, LOCAL, LIMITS));
    expect(err.code).toBe('http_status');
    expect(err.details.status).toBe(404);
  });
});
