import path from 'node:path';
import { z } from 'zod';
import type { AccessLists } from './domain/access';

const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const optionalText = z.string().trim().optional();

const identifierList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean));

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'expected a whole number from 0 to 65535' })
    .int('expected a whole number from 0 to 65535')
    .min(0, 'expected a whole number from 0 to 65535')
    .max(65535, 'expected a whole number from 0 to 65535')
    .default(fallback);

const count = (fallback: number, what: string) =>
  z.coerce
    .number({ error: `expected a whole number of ${what} (1 or more)` })
    .int(`expected a whole number of ${what} (1 or more)`)
    .min(1, `expected a whole number of ${what} (1 or more)`)
    .default(fallback);

/** Defaults of the import limits, also used when services are built without a full config (tests). */
export const DEFAULT_IMPORT_LIMITS = { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 } as const;

export const DEFAULT_USERS_IMPORT_MAX_ROWS = 1_000;

/** Teams personal-chat files (SharePoint/OneDrive) and Bot Framework channel attachments. */
const DEFAULT_ATTACHMENT_HOSTS = '*.sharepoint.com,*.botframework.com';

const schema = z.object({
  PORT: port(3978),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://bot.example.com' }).optional(),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      error: 'expected MultiTenant, SingleTenant or UserAssignedMSI',
    })
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  DIRECTORY_BACKEND: z.enum(['lowdb', 'webex'], { error: 'expected lowdb or webex' }).default('lowdb'),
  // The webex backend (DIRECTORY_BACKEND=webex): an admin token of the org, and the org id (UUID or base64).
  WEBEX_ACCESS_TOKEN: optionalText,
  WEBEX_ORG_ID: optionalText,
  WEBEX_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://webexapis.com/v1' }).default('https://webexapis.com/v1'),
  WEBEX_CONCURRENCY: count(4, 'requests'),
  WEBEX_TIMEOUT_MS: count(30_000, 'milliseconds'),
  WEBEX_CONTACTS_CHUNK_SIZE: count(100, 'contacts').pipe(z.number().max(1000, 'expected at most 1000 contacts per bulk request')),
  // The Webex app as a channel: the bot's own token (developer.webex.com → My Apps → bot) and the secret its webhooks are signed with.
  WEBEX_BOT_TOKEN: optionalText,
  WEBEX_WEBHOOK_SECRET: optionalText,
  DATA_DIR: z.string().trim().min(1, 'expected a folder path').default('./data'),
  // Conversation state, locks, jobs and links: files under DATA_DIR (one instance) or Azure Blob Storage (several instances).
  STATE_STORE: z.enum(['file', 'blob'], { error: 'expected file or blob' }).default('file'),
  BLOB_CONNECTION_STRING: optionalText,
  BLOB_CONTAINER: z
    .string()
    .trim()
    .regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'expected a container name: 3-63 lower-case letters, digits and single dashes')
    .default('provisio'),
  // Webex backend: the one-import-per-org lock expires this long after its holder stops renewing it (a crashed instance).
  IMPORT_LOCK_TTL_SECONDS: count(30, 'seconds').pipe(z.number().min(2, 'expected at least 2 seconds').max(3600, 'expected at most 3600 seconds')),
  DEFAULT_LOCALE: z.enum(LOCALES, { error: 'expected fr or en' }).default('fr'),
  DEFAULT_REGION: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code such as FR')
    .default('FR')
    .transform((v) => v.toUpperCase()),
  // Per imported file; a file over either limit is rejected as a whole, nothing written.
  IMPORT_MAX_ROWS: count(DEFAULT_IMPORT_LIMITS.maxRows, 'data rows'),
  IMPORT_MAX_BYTES: count(DEFAULT_IMPORT_LIMITS.maxBytes, 'bytes'),
  // Hosts the bot may download chat attachments from ("*.example.com" covers its sub-domains).
  ATTACHMENT_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v ?? DEFAULT_ATTACHMENT_HOSTS).split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected host names such as files.example.com or *.sharepoint.com'))),
  // Users files (seed 003: Control Hub takes 1,000 users per CSV); IMPORT_MAX_BYTES applies too.
  USERS_IMPORT_MAX_ROWS: count(DEFAULT_USERS_IMPORT_MAX_ROWS, 'data rows'),
  ATTACHMENT_TIMEOUT_MS: count(20_000, 'milliseconds'),
  FILE_LINK_TTL_MINUTES: count(60, 'minutes'),
  // Invitations of the embedded backend: sent to this SMTP server, else written as .eml files in DATA_DIR/outbox.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an SMTP URL such as smtp://mail.example.com:587 or smtps://user:password@mail.example.com' }).optional(),
  MAIL_FROM: z.string().trim().min(3, 'expected a sender such as "Provisio <provisio@example.com>"').default('Provisio <no-reply@provisio.invalid>'),
  // Activation links in invitations (the seed's e-mail says the code expires in 10 days).
  ACTIVATION_LINK_TTL_DAYS: count(10, 'days'),
  // Comma-separated Teams aadObjectIds, e-mails/UPNs or channel user ids.
  ADMINS: identifierList,
  HELPDESK: identifierList,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** Every variable the configuration reads (README and .env.example list them all). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

export interface Config {
  port: number;
  /** Base of the links the bot hands out; unset in local mode, where the listening address is used. */
  publicUrl?: string;
  bot: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** True when no Bot Framework identity is set: the bot only serves local clients. */
  localMode: boolean;
  directoryBackend: 'lowdb' | 'webex';
  /** The webex backend's settings (token and org id are set when directoryBackend is webex). */
  webex: { accessToken?: string; orgId?: string; apiUrl: string; concurrency: number; timeoutMs: number; contactsChunkSize: number };
  /** Set when both WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET are: POST /api/webex serves the Webex app. */
  webexChannel?: { botToken: string; webhookSecret: string };
  dataDir: string;
  /** Where conversation state, the import lock, jobs and links live. */
  stateStore: { kind: 'file' } | { kind: 'blob'; connectionString: string; container: string };
  /** Webex backend: how long the import lock outlives its last renewal (renewed every third of it while an import runs). */
  importLockTtlMs: number;
  defaultLocale: Locale;
  defaultRegion: string;
  /** Largest import file accepted: data rows (header excluded) and size in bytes. */
  importLimits: { maxRows: number; maxBytes: number };
  /** Largest users file: rows (seed 003: 1,000) and the same byte cap as contacts. */
  usersImportLimits: { maxRows: number; maxBytes: number };
  /** Where and how chat attachments are fetched (size cap: importLimits.maxBytes). */
  attachments: { allowedHosts: string[]; timeoutMs: number };
  /** Lifetime of download and upload links. */
  fileLinkTtlMs: number;
  /** Invitation e-mails: an SMTP server, or files in DATA_DIR/outbox when unset. */
  mail: { smtpUrl?: string; from: string };
  activationLinkTtlMs: number;
  access: AccessLists;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once; a bad value names the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable counts as unset, as in most .env tooling.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = schema.safeParse(set);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const value = env[name];
        const shown = value === undefined ? '' : ` (got "${isSecret(name) ? '***' : value}")`;
        return `${name}: ${issue.message}${shown}`;
      });
  // Checked on the raw values too, so that it is reported along with the other problems.
  if (set.MicrosoftAppType === 'SingleTenant' && set.MicrosoftAppId && !set.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (set.MicrosoftAppId && !set.ADMINS?.replace(/[,\s]/g, '')) {
    problems.push('ADMINS: required when MicrosoftAppId is set (comma-separated ids or e-mails of the admins); without it nobody could administer the bot');
  }
  if (set.MicrosoftAppId && !set.PUBLIC_URL?.startsWith('https://')) {
    problems.push('PUBLIC_URL: required when MicrosoftAppId is set, as the https address of the bot (its download and upload links point to it)');
  }
  if (set.DIRECTORY_BACKEND?.trim() === 'webex') {
    if (!set.WEBEX_ACCESS_TOKEN) problems.push('WEBEX_ACCESS_TOKEN: required when DIRECTORY_BACKEND is webex (an admin access token of the org)');
    if (!set.WEBEX_ORG_ID) problems.push('WEBEX_ORG_ID: required when DIRECTORY_BACKEND is webex (the org id, from Control Hub or GET /people/me)');
  }
  if (!!set.WEBEX_BOT_TOKEN !== !!set.WEBEX_WEBHOOK_SECRET) {
    problems.push(`${set.WEBEX_BOT_TOKEN ? 'WEBEX_WEBHOOK_SECRET' : 'WEBEX_BOT_TOKEN'}: required with ${set.WEBEX_BOT_TOKEN ? 'WEBEX_BOT_TOKEN' : 'WEBEX_WEBHOOK_SECRET'} (the Webex channel needs the bot token and the webhook secret)`);
  }
  // Anyone on Webex can write to a bot: with the Webex channel, "no lists = everyone is admin" would open it to all.
  if (set.WEBEX_BOT_TOKEN && !set.ADMINS?.replace(/[,\s]/g, '') && !set.HELPDESK?.replace(/[,\s]/g, '')) {
    problems.push('ADMINS: required when WEBEX_BOT_TOKEN is set (the Webex e-mails of the admins); anyone on Webex can write to a bot, so it must not run open to everyone');
  }
  if (set.STATE_STORE?.trim() === 'blob' && !set.BLOB_CONNECTION_STRING) {
    problems.push('BLOB_CONNECTION_STRING: required when STATE_STORE is blob (the storage account connection string, or Azurite\'s)');
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const v = parsed.data;
  return {
    port: v.PORT,
    publicUrl: v.PUBLIC_URL?.replace(/\/+$/, ''),
    bot: {
      appId: v.MicrosoftAppId,
      appPassword: v.MicrosoftAppPassword,
      appType: v.MicrosoftAppType,
      tenantId: v.MicrosoftAppTenantId,
    },
    localMode: !v.MicrosoftAppId,
    directoryBackend: v.DIRECTORY_BACKEND,
    webex: {
      accessToken: v.WEBEX_ACCESS_TOKEN,
      orgId: v.WEBEX_ORG_ID,
      apiUrl: v.WEBEX_API_URL.replace(/\/+$/, ''),
      concurrency: v.WEBEX_CONCURRENCY,
      timeoutMs: v.WEBEX_TIMEOUT_MS,
      contactsChunkSize: v.WEBEX_CONTACTS_CHUNK_SIZE,
    },
    ...(v.WEBEX_BOT_TOKEN && v.WEBEX_WEBHOOK_SECRET && { webexChannel: { botToken: v.WEBEX_BOT_TOKEN, webhookSecret: v.WEBEX_WEBHOOK_SECRET } }),
    dataDir: path.resolve(v.DATA_DIR),
    stateStore:
      v.STATE_STORE === 'blob' ? { kind: 'blob', connectionString: v.BLOB_CONNECTION_STRING!, container: v.BLOB_CONTAINER } : { kind: 'file' },
    importLockTtlMs: v.IMPORT_LOCK_TTL_SECONDS * 1000,
    defaultLocale: v.DEFAULT_LOCALE,
    defaultRegion: v.DEFAULT_REGION,
    importLimits: { maxRows: v.IMPORT_MAX_ROWS, maxBytes: v.IMPORT_MAX_BYTES },
    attachments: { allowedHosts: v.ATTACHMENT_HOSTS, timeoutMs: v.ATTACHMENT_TIMEOUT_MS },
    usersImportLimits: { maxRows: v.USERS_IMPORT_MAX_ROWS, maxBytes: v.IMPORT_MAX_BYTES },
    fileLinkTtlMs: v.FILE_LINK_TTL_MINUTES * 60_000,
    mail: { smtpUrl: v.SMTP_URL, from: v.MAIL_FROM },
    activationLinkTtlMs: v.ACTIVATION_LINK_TTL_DAYS * 24 * 60 * 60_000,
    access: { admins: v.ADMINS, helpdesk: v.HELPDESK, open: !v.MicrosoftAppId && !v.ADMINS.length && !v.HELPDESK.length },
    logLevel: v.LOG_LEVEL,
  };
}

function isSecret(name: string): boolean {
  return /password|secret|token|key|smtp_url|connection_string/i.test(name);
}

let processConfig: Config | undefined;

/** This process's configuration, parsed once from its environment: the only place that reads process.env. */
export function configOfProcess(): Config {
  processConfig ??= loadConfig(process.env);
  return processConfig;
}

/** What `npm run package` needs, and only that: the bot's app id and its public address. */
export function loadPackageConfig(env: NodeJS.ProcessEnv): { appId?: string; publicUrl?: string } {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = schema.pick({ MicrosoftAppId: true, PUBLIC_URL: true }).safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '')}: ${issue.message} (got "${env[String(issue.path[0])]}")`));
  }
  return { appId: parsed.data.MicrosoftAppId, publicUrl: parsed.data.PUBLIC_URL?.replace(/\/+$/, '') };
}
