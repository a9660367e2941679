import type { Config } from './config';
import type { Directory } from './directory/directory';

/**
 * The one place that chooses the backend from config (the bot and the CLI open the same one).
 * With STATE_STORE=blob the Webex backend keeps its own data (jobs, import lock, audit, invitation
 * dates) in the shared container; the lowdb backend's directory is local files: one instance only.
 * Each backend is loaded only when chosen (the CLI starts faster without Webex's and Azure's modules).
 */
export async function openDirectory(config: Config): Promise<Directory> {
  if (config.directoryBackend === 'webex') {
    const { accessToken, orgId, apiUrl, concurrency, timeoutMs, contactsChunkSize } = config.webex;
    // loadConfig refuses webex without them; checked again for configs built by hand.
    if (!accessToken || !orgId) throw new Error('DIRECTORY_BACKEND=webex needs WEBEX_ACCESS_TOKEN and WEBEX_ORG_ID.');
    const { openWebexDirectory } = require('./directory/webex/webexDirectory') as typeof import('./directory/webex/webexDirectory');
    const { blobContainer } = require('./platform/store/container') as typeof import('./platform/store/container');
    const blob = config.stateStore?.kind === 'blob' ? blobContainer(config.stateStore) : undefined;
    return openWebexDirectory({
      apiUrl,
      token: accessToken,
      orgId,
      dataDir: config.dataDir,
      concurrency,
      timeoutMs,
      contactsChunkSize,
      blob,
      importLockTtlMs: config.importLockTtlMs,
    });
  }
  const { openLowdbDirectory } = require('./directory/lowdb/lowdbDirectory') as typeof import('./directory/lowdb/lowdbDirectory');
  return openLowdbDirectory(config.dataDir);
}
