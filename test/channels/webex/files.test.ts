import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebexFiles, fileNameOf, isWebexFileUrl } from '../../../src/channels/webex/files';
import { startEmulator, stopAll } from '../../helpers/webexEmulator';

afterAll(() => stopAll());

describe('Webex file URLs', () => {
  const api = 'http://127.0.0.1:4010/v1';

  test.each<[string, boolean]>([
    ['https://webexapis.com/v1/contents/Y2l', true],
    ['https://files.webexapis.com/v1/contents/Y2l', true],
    ['http://webexapis.com/v1/contents/Y2l', false],
    ['https://evilwebexapis.com/v1/contents/Y2l', false],
    ['https://webexapis.com.evil.example/v1/contents/Y2l', false],
    ['https://user:pw@webexapis.com/v1/contents/Y2l', false],
    ['http://127.0.0.1:4010/v1/contents/Y2l', true],
    ['http://127.0.0.1:4011/v1/contents/Y2l', false],
    ['http://localhost:4010/v1/contents/Y2l', false],
    ['not a url', false],
  ])('%s is a Webex one: %s', (url, expected) => {
    expect(isWebexFileUrl(url, api)).toBe(expected);
  });

  test.each<[string | null, string | undefined]>([
    ['attachment; filename="contacts.csv"', 'contacts.csv'],
    ['attachment; filename=contacts.csv; size=12', 'contacts.csv'],
    ["attachment; filename*=UTF-8''contacts%20%C3%A9t%C3%A9.csv", 'contacts été.csv'],
    ['inline', undefined],
    [null, undefined],
  ])('Content-Disposition %s names the file %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });

  test('only URLs this bot marked (same secret, same URL, Webex host) come back unmarked', () => {
    const files = new WebexFiles({ apiUrl: api, botToken: 't', webhookSecret: 'secret', maxBytes: 1000, timeoutMs: 1000 });
    const url = 'https://webexapis.com/v1/contents/Y2l';
    const marked = files.mark(url);
    expect(marked).toMatch(/^https:\/\/webexapis\.com\/v1\/contents\/Y2l#webex-file=[0-9a-f]{64}$/);
    expect(files.unmark(marked)).toBe(url);
    expect(files.unmark(url)).toBeUndefined();
    expect(files.unmark(marked.replace('Y2l#', 'Y2m#'))).toBeUndefined();
    expect(files.unmark(`${url}#webex-file=${'0'.repeat(64)}`)).toBeUndefined();
    expect(files.unmark(`${url}#webex-file=zz`)).toBeUndefined();
    const other = new WebexFiles({ apiUrl: api, botToken: 't', webhookSecret: 'another', maxBytes: 1000, timeoutMs: 1000 });
    expect(other.unmark(marked)).toBeUndefined();
    // A mark on a non-Webex URL (should one ever be made) gives no token either.
    expect(files.unmark(files.mark('https://example.com/a.csv'))).toBeUndefined();
  });

  test('the download: a marked Webex URL with the bot token; any other URL through the plain download, without it', async () => {
    const { emulator, url } = await startEmulator();
    const person = emulator.messaging.personByEmail('jm.chamblay@sandbox.example');
    const room = emulator.messaging.directRoom(person.id);
    const stored = emulator.messaging.addFile(room.id, 'c.csv', 'text/csv', Buffer.from('a,b\n1,2\n'));
    const contentUrl = `${url}/contents/${stored.id}`;
    const files = new WebexFiles({ apiUrl: url, botToken: emulator.botToken, webhookSecret: 's', maxBytes: 1000, timeoutMs: 5000 });
    const plain = jest.fn(async (u: string) => Buffer.from(`plain ${u}`));
    const fetcher = files.fetcher(plain);
    expect((await fetcher(files.mark(contentUrl))).toString()).toBe('a,b\n1,2\n');
    expect(emulator.messaging.fileDownloads).toEqual([stored.id]);
    expect(await files.describe(contentUrl)).toEqual({ name: 'c.csv', contentType: 'text/csv' });
    expect(emulator.messaging.fileDownloads).toHaveLength(1); // HEAD is not a download
    expect((await fetcher(contentUrl)).toString()).toBe(`plain ${contentUrl}`);
    expect(plain).toHaveBeenCalledTimes(1);
    // Over the size cap: refused like any attachment.
    const small = new WebexFiles({ apiUrl: url, botToken: emulator.botToken, webhookSecret: 's', maxBytes: 3, timeoutMs: 5000 });
    await expect(small.fetcher(plain)(small.mark(contentUrl))).rejects.toMatchObject({ code: 'too_large' });
  });

  test('a redirect from the Webex origin to another host is refused: the token never follows', async () => {
    const seen: Array<string | undefined> = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('x');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/x.csv` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const api = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/v1`;
      const files = new WebexFiles({ apiUrl: api, botToken: 'bot-token', webhookSecret: 's', maxBytes: 1000, timeoutMs: 5000 });
      await expect(files.fetcher(jest.fn())(files.mark(`${api}/contents/C1`))).rejects.toMatchObject({ code: 'host_not_allowed' });
      expect(seen).toEqual([]);
    } finally {
      other.close();
      redirector.close();
    }
  });
});
