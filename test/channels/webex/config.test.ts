import { ConfigError, loadConfig } from '../../../src/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('Webex app channel configuration', () => {
  test('token and secret together give the channel (both secrets masked in errors); neither: no channel', () => {
    const config = loadConfig({ WEBEX_BOT_TOKEN: 'bot-token', WEBEX_WEBHOOK_SECRET: 'hook-secret', ADMINS: 'Admin@Example.com' });
    expect(config.webexChannel).toEqual({ botToken: 'bot-token', webhookSecret: 'hook-secret' });
    expect(config.access).toMatchObject({ admins: ['admin@example.com'], open: false });
    expect(loadConfig({}).webexChannel).toBeUndefined();
    const problems = problemsOf({ WEBEX_BOT_TOKEN: 'bot-token', ADMINS: 'a@b.example' });
    expect(problems).toEqual([expect.stringMatching(/^WEBEX_WEBHOOK_SECRET: required with WEBEX_BOT_TOKEN/)]);
    expect(problems.join()).not.toContain('bot-token');
  });

  test('the channel needs ADMINS or HELPDESK: anyone on Webex can write to a bot, so it never runs open to all', () => {
    expect(problemsOf({ WEBEX_BOT_TOKEN: 't', WEBEX_WEBHOOK_SECRET: 's' })).toEqual([expect.stringMatching(/^ADMINS: required when WEBEX_BOT_TOKEN is set/)]);
    expect(problemsOf({ WEBEX_BOT_TOKEN: 't', WEBEX_WEBHOOK_SECRET: 's', ADMINS: ' , ' })).toHaveLength(1);
    expect(loadConfig({ WEBEX_BOT_TOKEN: 't', WEBEX_WEBHOOK_SECRET: 's', HELPDESK: 'h@b.example' }).access.open).toBe(false);
  });
});
