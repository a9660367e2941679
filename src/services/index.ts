import path from 'node:path';
import { DEFAULT_IMPORT_LIMITS, type Config } from '../config';
import type { Directory } from '../directory/directory';
import { fetchAttachment } from '../files/fetchAttachment';
import { LinkStore } from '../files/linkStore';
import { ContactService } from './contactService';
import { FileLinks } from './fileLinks';
import { UserService } from './userService';

export interface Services {
  directory: Directory;
  users: UserService;
  contacts: ContactService;
  files: FileLinks;
  /** The store behind the links, served over HTTP by the server. */
  links: LinkStore;
  /** Downloads a chat attachment under the configured host list, size cap and deadline. */
  fetchAttachment(url: string): Promise<Buffer>;
  importLimits: Config['importLimits'];
}

export type ServicesConfig = Pick<Config, 'defaultRegion' | 'dataDir'> &
  Partial<Pick<Config, 'importLimits' | 'attachments' | 'fileLinkTtlMs' | 'localMode'>> & {
    /** The bot's public address, as links start with it. */
    baseUrl: () => string;
  };

export function createServices(directory: Directory, config: ServicesConfig): Services {
  const limits = config.importLimits ?? DEFAULT_IMPORT_LIMITS;
  const ttlMs = config.fileLinkTtlMs ?? 60 * 60_000;
  const attachments = config.attachments ?? { allowedHosts: [], timeoutMs: 20_000 };
  const policy = { allowedHosts: attachments.allowedHosts, allowLoopback: config.localMode ?? true };
  const links = new LinkStore(path.join(config.dataDir, 'files'), { ttlMs });
  return {
    directory,
    links,
    users: new UserService(directory, config.defaultRegion),
    contacts: new ContactService(directory, { region: config.defaultRegion, limits }),
    files: new FileLinks(links, config.baseUrl, ttlMs),
    fetchAttachment: (url) => fetchAttachment(url, policy, { maxBytes: limits.maxBytes, timeoutMs: attachments.timeoutMs }),
    importLimits: limits,
  };
}
