import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the environment');
}

test('defaults: port 3978, lowdb, French, region FR, ./data resolved, local mode without MicrosoftAppId', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 3978,
    directoryBackend: 'lowdb',
    defaultLocale: 'fr',
    defaultRegion: 'FR',
    logLevel: 'info',
    localMode: true,
    bot: { appType: 'MultiTenant' },
  });
  expect(config.dataDir).toBe(path.resolve('data'));
  expect(path.isAbsolute(config.dataDir)).toBe(true);
  expect(config.publicUrl).toBeUndefined();
  expect(config.attachments).toEqual({ allowedHosts: ['*.sharepoint.com', '*.botframework.com'], timeoutMs: 20_000 });
  expect(config.fileLinkTtlMs).toBe(60 * 60_000);
});

test('attachment hosts, timeout and link lifetime are read', () => {
  const config = loadConfig({ ATTACHMENT_HOSTS: ' Files.Example.com, *.contoso.net ', ATTACHMENT_TIMEOUT_MS: '5000', FILE_LINK_TTL_MINUTES: '10' });
  expect(config.attachments).toEqual({ allowedHosts: ['files.example.com', '*.contoso.net'], timeoutMs: 5000 });
  expect(config.fileLinkTtlMs).toBe(600_000);
});

test('with MicrosoftAppId, PUBLIC_URL is required and must be https (links point to it)', () => {
  expect(problemsOf({ MicrosoftAppId: 'app-id', ADMINS: 'a' })).toEqual([expect.stringMatching(/^PUBLIC_URL: required when MicrosoftAppId is set/)]);
  expect(problemsOf({ MicrosoftAppId: 'app-id', ADMINS: 'a', PUBLIC_URL: 'http://bot.example.com' })).toEqual([
    expect.stringMatching(/^PUBLIC_URL: required when MicrosoftAppId is set, as the https address/),
  ]);
});

test('an empty variable counts as unset', () => {
  expect(loadConfig({ PORT: '', DIRECTORY_BACKEND: '  ' })).toMatchObject({ port: 3978, directoryBackend: 'lowdb' });
});

test('values are read: port, region in any case, relative DATA_DIR resolved, identity leaves local mode', () => {
  const config = loadConfig({
    PORT: '8080',
    DEFAULT_REGION: 'be',
    DEFAULT_LOCALE: 'en',
    DATA_DIR: 'var/provisio',
    PUBLIC_URL: 'https://bot.example.com/',
    MicrosoftAppId: 'app-id', ADMINS: 'admin-1',
    MicrosoftAppPassword: 'pw',
  });
  expect(config).toMatchObject({ port: 8080, defaultRegion: 'BE', defaultLocale: 'en', publicUrl: 'https://bot.example.com', localMode: false });
  expect(config.dataDir).toBe(path.resolve('var/provisio'));
});

test.each([
  ['PORT', 'abc', /PORT: expected a whole number from 0 to 65535 \(got "abc"\)/],
  ['PORT', '70000', /PORT: expected a whole number from 0 to 65535 \(got "70000"\)/],
  ['DIRECTORY_BACKEND', 'mysql', /DIRECTORY_BACKEND: expected lowdb or webex \(got "mysql"\)/],
  ['DEFAULT_LOCALE', 'de', /DEFAULT_LOCALE: expected fr or en \(got "de"\)/],
  ['DEFAULT_REGION', 'FRA', /DEFAULT_REGION: expected a two-letter country code/],
  ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of fatal, error, warn, info/],
  ['PUBLIC_URL', 'not a url', /PUBLIC_URL: expected an http\(s\) URL/],
  ['PUBLIC_URL', 'localhost:3978', /PUBLIC_URL: expected an http\(s\) URL/],
  ['PUBLIC_URL', 'ftp://bot.example.com', /PUBLIC_URL: expected an http\(s\) URL/],
  ['MicrosoftAppType', 'Single', /MicrosoftAppType: expected MultiTenant, SingleTenant or UserAssignedMSI/],
  ['ATTACHMENT_HOSTS', 'https://files.example.com/x', /ATTACHMENT_HOSTS: expected host names/],
  ['ATTACHMENT_TIMEOUT_MS', '0', /ATTACHMENT_TIMEOUT_MS: expected a whole number of milliseconds/],
  ['FILE_LINK_TTL_MINUTES', 'soon', /FILE_LINK_TTL_MINUTES: expected a whole number of minutes/],
])('%s=%s is refused with the variable and what it expects', (name, value, expected) => {
  const problems = problemsOf({ [name]: value });
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(expected);
});

test('SingleTenant with an app id but no tenant id is refused, naming MicrosoftAppTenantId', () => {
  const problems = problemsOf({ MicrosoftAppId: 'app-id', ADMINS: 'admin-1', PUBLIC_URL: 'https://bot.example.com', MicrosoftAppType: 'SingleTenant' });
  expect(problems).toEqual([expect.stringMatching(/^MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/)]);
  expect(loadConfig({ MicrosoftAppId: 'app-id', ADMINS: 'admin-1', PUBLIC_URL: 'https://bot.example.com', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).bot.tenantId).toBe('t');
});

test('several problems are reported together, in one error', () => {
  const problems = problemsOf({
    PORT: 'abc',
    DEFAULT_LOCALE: 'de',
    LOG_LEVEL: 'loud',
    MicrosoftAppId: 'app-id', ADMINS: 'admin-1', PUBLIC_URL: 'https://bot.example.com',
    MicrosoftAppType: 'SingleTenant',
  });
  expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DEFAULT_LOCALE', 'LOG_LEVEL', 'MicrosoftAppTenantId', 'PORT']);
  expect(() => loadConfig({ PORT: 'abc', DEFAULT_LOCALE: 'de' })).toThrow(/PORT[\s\S]*DEFAULT_LOCALE/);
});

test('a secret value is never echoed in the error', () => {
  const secret = 'Sup3r-Secret-Pa55word';
  let message = '';
  try {
    loadConfig({ MicrosoftAppType: 'bogus', MicrosoftAppPassword: secret, MicrosoftAppId: 'app-id', ADMINS: 'admin-1' });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('MicrosoftAppType');
  expect(message).not.toContain(secret);
});

test('the bot refuses to start on a bad PORT: exit 1 and stderr names PORT', () => {
  const result = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'src', 'index.js')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, PORT: 'abc' },
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/PORT: expected a whole number/);
});

test('README and .env.example document every configuration variable', () => {
  const root = path.join(__dirname, '..', '..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  for (const name of CONFIG_VARIABLES) {
    expect([name, readme.includes(`| \`${name}\` |`)]).toEqual([name, true]);
    expect([name, new RegExp(`^${name}=`, 'm').test(example)]).toEqual([name, true]);
  }
});

test('webex backend: token and org id required, the other settings have defaults, the token is masked', () => {
  expect(problemsOf({ DIRECTORY_BACKEND: 'webex' })).toEqual([
    expect.stringMatching(/^WEBEX_ACCESS_TOKEN: required when DIRECTORY_BACKEND is webex/),
    expect.stringMatching(/^WEBEX_ORG_ID: required when DIRECTORY_BACKEND is webex/),
  ]);
  const config = loadConfig({ DIRECTORY_BACKEND: 'webex', WEBEX_ACCESS_TOKEN: 'tok', WEBEX_ORG_ID: 'org' });
  expect(config.webex).toEqual({ accessToken: 'tok', orgId: 'org', apiUrl: 'https://webexapis.com/v1', concurrency: 4, timeoutMs: 30_000, contactsChunkSize: 100 });
  const problems = problemsOf({ WEBEX_ACCESS_TOKEN: 'tok', WEBEX_API_URL: 'nope', WEBEX_CONTACTS_CHUNK_SIZE: '5000', WEBEX_CONCURRENCY: '0' });
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^WEBEX_API_URL: expected an http\(s\) URL/),
      expect.stringMatching(/^WEBEX_CONTACTS_CHUNK_SIZE: expected at most 1000/),
      expect.stringMatching(/^WEBEX_CONCURRENCY: expected a whole number of requests/),
    ]),
  );
  expect(problemsOf({ WEBEX_ACCESS_TOKEN: 'secret-tok', WEBEX_CONCURRENCY: 'x' }).join('\n')).not.toContain('secret-tok');
});

test('state store: file by default; blob needs its connection string (never echoed); import lock TTL in seconds, 2 to 3600', () => {
  expect(loadConfig({})).toMatchObject({ stateStore: { kind: 'file' }, importLockTtlMs: 30_000 });
  const secret = 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=S3cretKey==';
  expect(loadConfig({ STATE_STORE: 'blob', BLOB_CONNECTION_STRING: secret, IMPORT_LOCK_TTL_SECONDS: '5' })).toMatchObject({
    stateStore: { kind: 'blob', connectionString: secret, container: 'provisio' },
    importLockTtlMs: 5000,
  });
  expect(problemsOf({ STATE_STORE: 'blob' })).toEqual([expect.stringMatching(/^BLOB_CONNECTION_STRING: required when STATE_STORE is blob/)]);
  expect(problemsOf({ IMPORT_LOCK_TTL_SECONDS: '1' })).toEqual([expect.stringMatching(/^IMPORT_LOCK_TTL_SECONDS: expected at least 2 seconds/)]);
  expect(problemsOf({ IMPORT_LOCK_TTL_SECONDS: '7200' })).toEqual([expect.stringMatching(/^IMPORT_LOCK_TTL_SECONDS: expected at most 3600 seconds/)]);
  expect(problemsOf({ STATE_STORE: 'blob', BLOB_CONNECTION_STRING: secret, BLOB_CONTAINER: 'Bad_Name' }).join('\n')).not.toContain('S3cretKey');
});
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
