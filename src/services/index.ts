import path from 'node:path';
import { DEFAULT_IMPORT_LIMITS, DEFAULT_USERS_IMPORT_MAX_ROWS, type Config } from '../config';
import type { Directory } from '../directory/directory';
import { fetchAttachment } from '../platform/files/fetchAttachment';
import { FileLinkStore, type LinkStore } from '../platform/files/linkStore';
import { createMailer } from '../platform/mail/invitationMail';
import { ActivationLinks } from './activationLinks';
import { ContactEditing } from './contactEditing';
import { ContactService } from './contactService';
import { ListService } from './listService';
import { FileLinks } from './fileLinks';
import { InvitationService } from './invitationService';
import { UserFileService } from './userFiles';
import { UserService } from './userService';
import { guardWrites } from '../directory/writeGuard';

export interface Services {
  directory: Directory;
  users: UserService;
  contacts: ContactService;
  files: FileLinks;
  /** Invitation e-mails and the activation links in them. */
  invitations: InvitationService;
  /** The store behind the links, served over HTTP by the server. */
  links: LinkStore;
  /** Downloads a chat attachment under the configured host list, size cap and deadline. */
  fetchAttachment(url: string): Promise<Buffer>;
  importLimits: Config['importLimits'];
  /** The users CSV: import, export, template (seed 003). */
  userFiles: UserFileService;
  /** One contact at a time: add, change, delete, search (seed 000). */
  contactEditing: ContactEditing;
  /** Distribution lists and their members (seed 000). */
  lists: ListService;
}

export type ServicesConfig = Pick<Config, 'defaultRegion' | 'dataDir'> &
  Partial<Pick<Config, 'importLimits' | 'usersImportLimits' | 'attachments' | 'fileLinkTtlMs' | 'localMode' | 'mail' | 'activationLinkTtlMs' | 'stateStore'>> & {
    /** The bot's public address, as links start with it. */
    baseUrl: () => string;
  };

/** Used when services are built without a mail config (tests): invitations go to DATA_DIR/outbox. */
const DEFAULT_MAIL_FROM = 'Provisio <no-reply@provisio.invalid>';
const DEFAULT_ACTIVATION_TTL_MS = 10 * 24 * 60 * 60_000;

export function createServices(unguarded: Directory, config: ServicesConfig): Services {
  const directory = guardWrites(unguarded);
  const limits = config.importLimits ?? DEFAULT_IMPORT_LIMITS;
  const ttlMs = config.fileLinkTtlMs ?? 60 * 60_000;
  const attachments = config.attachments ?? { allowedHosts: [], timeoutMs: 20_000 };
  const policy = { allowedHosts: attachments.allowedHosts, allowLoopback: config.localMode ?? true };
  // STATE_STORE=blob: every instance serves every link (a load balancer may send the click anywhere).
  const links: LinkStore =
    config.stateStore?.kind === 'blob' ? blobLinkStore(config.stateStore, ttlMs) : new FileLinkStore(path.join(config.dataDir, 'files'), { ttlMs });
  const invitations = new InvitationService(directory, {
    links: new ActivationLinks(path.join(config.dataDir, 'activation'), { ttlMs: config.activationLinkTtlMs ?? DEFAULT_ACTIVATION_TTL_MS }),
    mailer: createMailer({ smtpUrl: config.mail?.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') }),
    from: config.mail?.from ?? DEFAULT_MAIL_FROM,
    baseUrl: config.baseUrl,
  });
  return {
    directory,
    links,
    users: new UserService(directory, config.defaultRegion),
    contacts: new ContactService(directory, { region: config.defaultRegion, limits }),
    files: new FileLinks(links, config.baseUrl, ttlMs),
    invitations,
    fetchAttachment: (url) => fetchAttachment(url, policy, { maxBytes: limits.maxBytes, timeoutMs: attachments.timeoutMs }),
    importLimits: limits,
    contactEditing: new ContactEditing(directory, config.defaultRegion),
    lists: new ListService(directory),
    userFiles: new UserFileService(directory, {
      region: config.defaultRegion,
      limits: config.usersImportLimits ?? { maxRows: DEFAULT_USERS_IMPORT_MAX_ROWS, maxBytes: limits.maxBytes },
    }),
  };
}

/** Azure's modules are loaded only when the links live on Blob Storage (the CLI on files starts without them). */
function blobLinkStore(store: Parameters<typeof import('../platform/store/container').blobContainer>[0], ttlMs: number): LinkStore {
  const { BlobLinkStore } = require('../platform/files/blobLinkStore') as typeof import('../platform/files/blobLinkStore');
  const { blobContainer } = require('../platform/store/container') as typeof import('../platform/store/container');
  return new BlobLinkStore(blobContainer(store), { ttlMs });
}
