import { createHmac } from 'node:crypto';
import { isValidSignature, webexSignature } from '../../../src/channels/webex/signature';

const secret = 's3cret-of-the-webhook';
const body = Buffer.from('{"resource":"messages","event":"created","data":{"id":"M1"}}');
const good = createHmac('sha1', secret).update(body).digest('hex');

describe('X-Spark-Signature', () => {
  test('is the hex HMAC-SHA1 of the raw body with the webhook secret', () => {
    expect(webexSignature(secret, body)).toBe(good);
    expect(isValidSignature(secret, body, good)).toBe(true);
    expect(isValidSignature(secret, body, good.toUpperCase())).toBe(true);
  });

  test.each<[string, string | string[] | undefined]>([
    ['missing', undefined],
    ['empty', ''],
    ['from another secret', createHmac('sha1', 'other').update(body).digest('hex')],
    ['SHA-256 instead of SHA-1', createHmac('sha256', secret).update(body).digest('hex')],
    ['not hex', 'z'.repeat(40)],
    ['cut short', good.slice(0, 39)],
    ['sent twice', [good, good]],
  ])('%s: refused', (_name, header) => {
    expect(isValidSignature(secret, body, header)).toBe(false);
  });

  test('one byte of the body changed (even a space): refused', () => {
    expect(isValidSignature(secret, Buffer.from(body.toString().replace('created', 'created ')), good)).toBe(false);
    expect(isValidSignature(secret, Buffer.concat([body, Buffer.from('\n')]), good)).toBe(false);
  });
});
