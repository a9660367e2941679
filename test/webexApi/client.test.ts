import { WebexApiError } from '../../src/webexApi/errors';
import { orgUuid, webexId } from '../../src/webexApi/ids';
import { webexErrorMessage } from '../../src/i18n/webex';
import { clientFor, startEmulator, stopAll } from '../helpers/webexEmulator';

afterEach(stopAll);

async function failure(promise: Promise<unknown>): Promise<WebexApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebexApiError);
    return error as WebexApiError;
  }
  throw new Error('the request succeeded');
}

test('listings follow Link rel="next" to the end, the query sent once and carried by the link', async () => {
  const started = await startEmulator({ pageSize: 2 });
  const client = clientFor(started);
  const locations = await client.list<{ name: string }>('/locations');
  expect(locations.map((l) => l.name)).toEqual(['Siège — Paris', 'IT division', 'Lyon — Entrepôt']);
  expect(client.stats.requests).toBe(2);
  const paris = locations[0] as unknown as { id: string };
  const numbers = await client.list<{ phoneNumber: string }>('/telephony/config/numbers', { locationId: paris.id, available: true }, 'phoneNumbers');
  expect(numbers).toHaveLength(19);
  expect(numbers.map((n) => n.phoneNumber)).not.toContain('+33142680100');
});

test('429 and 423 are waited out as Retry-After says, for any method, then the request goes through once', async () => {
  const started = await startEmulator();
  started.emulator.faults.rules = [
    { match: 'GET /licenses', status: 429, times: 2, retryAfter: 0 },
    { match: 'POST /contacts', status: 423, times: 1, retryAfter: 0 },
  ];
  const client = clientFor(started);
  expect(await client.list('/licenses')).toHaveLength(3);
  const base = `/contacts/organizations/${started.emulator.org.uuid}/contacts/bulk`;
  const body = { schemas: 'urn:cisco:codev:identity:contact:core:1.0', contacts: [{ displayName: 'A', phoneNumbers: [{ value: '+33100000000', type: 'work' }] }] };
  await client.request('POST', base, { body });
  expect(client.stats.rateLimited).toBe(3);
  expect(started.emulator.org.contacts.size).toBe(1);
});

test('a Retry-After in seconds pauses every request of the client, not only the one refused', async () => {
  const started = await startEmulator();
  started.emulator.faults.rules = [{ match: 'GET /licenses', status: 429, times: 1, retryAfter: 1 }];
  const client = clientFor(started);
  const first = client.list('/licenses');
  await new Promise((r) => setTimeout(r, 100));
  const second = client.list('/locations');
  await new Promise((r) => setTimeout(r, 100));
  // Within the one-second pause, the second call has not left.
  expect(Object.keys(started.emulator.stats.byRoute).some((r) => r.includes('locations'))).toBe(false);
  expect(await second).toHaveLength(3);
  expect(await first).toHaveLength(3);
  expect(client.stats.rateLimited).toBe(1);
});

test('a 5xx is retried with backoff for reads and idempotent writes, up to the cap, keeping the trackingId', async () => {
  const started = await startEmulator();
  started.emulator.faults.rules = [{ match: 'GET /licenses', status: 503, times: 2 }];
  const client = clientFor(started, { maxRetries: 2 });
  expect(await client.list('/licenses')).toHaveLength(3);
  started.emulator.faults.rules = [{ match: 'GET /licenses', status: 502, times: 5 }];
  const error = await failure(client.list('/licenses'));
  expect(error).toMatchObject({ kind: 'server', status: 502 });
  expect(error.trackingId).toMatch(/^EMU_/);
  expect(error.message).toContain(error.trackingId);
  expect(started.emulator.faults.rules[0].times).toBe(2);
});

test('a create is never retried blindly: a 5xx on POST /people is answered once and said to be ambiguous', async () => {
  const started = await startEmulator();
  started.emulator.faults.rules = [{ match: 'POST /people', status: 503, times: 3, afterProcessing: true }];
  const client = clientFor(started);
  const error = await failure(client.request('POST', '/people', { body: { emails: ['new@example.com'], displayName: 'New' } }));
  expect(error).toMatchObject({ kind: 'server', ambiguous: true });
  expect(started.emulator.faults.rules[0].times).toBe(2);
  expect([...started.emulator.org.people.values()].filter((p) => p.email === 'new@example.com')).toHaveLength(1);
});

test('a slow answer times out; reads are retried, then the error says Webex did not answer in time', async () => {
  const started = await startEmulator();
  started.emulator.faults.delayMs = 300;
  const client = clientFor(started, { timeoutMs: 50, maxRetries: 1 });
  const error = await failure(client.list('/licenses'));
  expect(error.kind).toBe('timeout');
  expect(error.message).toBe('Webex did not answer GET /licenses in time.');
  expect(client.stats.requests).toBe(2);
});

test('concurrency is bounded: never more requests in flight than configured', async () => {
  const started = await startEmulator();
  started.emulator.faults.delayMs = 30;
  const client = clientFor(started, { concurrency: 3 });
  await Promise.all(Array.from({ length: 12 }, () => client.list('/locations')));
  expect(started.emulator.stats.maxInFlight).toBe(3);
});

test('401 and 403 name the scope; the token is never in a message, an error or a log line', async () => {
  const started = await startEmulator({ scopes: ['spark-admin:people_read', 'spark-admin:licenses_read'] });
  const lines: string[] = [];
  const client = clientFor(started, { log: (entry) => lines.push(JSON.stringify(entry)) });
  const forbidden = await failure(client.list(`/contacts/organizations/${started.emulator.org.uuid}/contacts/search`));
  expect(forbidden).toMatchObject({ kind: 'forbidden', status: 403, scope: 'Identity:contact' });
  expect(forbidden.message).toContain('lacks the scope Identity:contact');
  const stranger = clientFor(started, { token: 'expired-token-123' });
  const unauthorized = await failure(stranger.list('/licenses'));
  expect(unauthorized).toMatchObject({ kind: 'unauthorized', scope: 'spark-admin:licenses_read' });
  expect(unauthorized.message).toMatch(/missing or expired; a new token needs the scope spark-admin:licenses_read/);
  for (const text of [...lines, forbidden.message, unauthorized.message, JSON.stringify(forbidden), JSON.stringify(unauthorized), forbidden.stack ?? '']) {
    expect(text).not.toContain(started.emulator.token);
    expect(text).not.toContain('expired-token-123');
  }
  expect(webexErrorMessage('fr', unauthorized)).toContain('portée spark-admin:licenses_read');
  expect(webexErrorMessage('en', forbidden)).toContain(`the token lacks the scope Identity:contact`);
  expect(webexErrorMessage('en', forbidden)).toContain(`Webex trackingId: ${forbidden.trackingId}`);
  expect(webexErrorMessage('fr', new Error('x'))).toBeUndefined();
});

test('the contacts API takes the org UUID only: the base64 org id is decoded first', async () => {
  const started = await startEmulator();
  const client = clientFor(started);
  const error = await failure(client.request('GET', `/contacts/organizations/${started.emulator.orgId}/contacts/search`));
  expect(error).toMatchObject({ kind: 'bad_request', status: 400 });
  expect(error.message).toContain('orgId must be the org UUID');
  expect(orgUuid(started.emulator.orgId)).toBe(started.emulator.org.uuid);
  expect(orgUuid(started.emulator.org.uuid.toUpperCase())).toBe(started.emulator.org.uuid);
  expect(() => orgUuid(webexId('PEOPLE', 'x'))).toThrow(/WEBEX_ORG_ID/);
  const answer = await client.request<{ total: number }>('GET', `/contacts/organizations/${orgUuid(started.emulator.orgId)}/contacts/search`);
  expect(answer.body.total).toBe(0);
});
