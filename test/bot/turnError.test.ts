import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import pino from 'pino';
import { createAdapter } from '../../src/bot/adapter';
import { loadConfig } from '../../src/config';
import { WebexApiError } from '../../src/webexApi/errors';

function setup(env: Record<string, string> = {}, error: Error = new Error('database exploded')) {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const adapter = createAdapter(loadConfig({ DATA_DIR: '/tmp/unused', ...env }), logger, new ConversationState(new MemoryStorage()));
  const test = new TestAdapter(async (context) => {
    await adapter.onTurnError(context, error);
  });
  return { lines, test };
}

describe('a failed turn', () => {
  test.each([
    ['fr-FR', /^Désolé, une erreur s'est produite de mon côté\. Merci de réessayer\. \(référence ([0-9a-f]{8})\)$/],
    ['en-US', /^Sorry, something went wrong on my side\. Please try again\. \(reference ([0-9a-f]{8})\)$/],
  ])('%s: the user gets a short apology in their language with the id the log holds', async (locale, pattern) => {
    const { lines, test } = setup();
    let id = '';
    await test.send({ type: 'message', text: 'x', locale }).assertReply((reply) => {
      const match = pattern.exec(reply.text ?? '');
      expect(match).not.toBeNull();
      id = match![1];
    });
    const entry = JSON.parse(lines.find((l) => l.includes('turn failed'))!);
    expect(entry.correlationId).toBe(id);
    expect(entry.err.message).toBe('database exploded');
  });

  test('the log holds no secret from the configuration', async () => {
    const { lines, test } = setup({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'super-secret-password', ADMINS: 'admin-1', PUBLIC_URL: 'https://bot.example.com' });
    await test.send({ type: 'message', text: 'x', locale: 'en-US' }).assertReply(() => undefined);
    expect(lines.join('\n')).not.toContain('super-secret-password');
  });

  test('a Webex refusal tells the admin what to do, with its trackingId, in their language', async () => {
    const expired = new WebexApiError({ kind: 'unauthorized', status: 401, method: 'GET', path: '/people', trackingId: 'ROUTER_1234', scope: 'spark-admin:people_read' });
    const { test } = setup({}, expired);
    await test
      .send({ type: 'message', text: 'x', locale: 'fr-FR' })
      .assertReply(
        "Webex refuse le jeton d'accès : il manque ou a expiré. Générez-en un nouveau avec la portée spark-admin:people_read (WEBEX_ACCESS_TOKEN) (trackingId Webex : ROUTER_1234).",
      );
  });
});
