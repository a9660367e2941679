import type { Config } from './config';
import { blobContainer } from './platform/store/container';
import type { Directory } from './directory/directory';
import { openLowdbDirectory } from './directory/lowdb/lowdbDirectory';
import { openWebexDirectory } from './directory/webex/webexDirectory';

/**
 * The one place that chooses the backend from config (the bot and the CLI open the same one).
 * With STATE_STORE=blob the Webex backend keeps its own data (jobs, import lock, audit, invitation
 * dates) in the shared container; the lowdb backend's directory is local files: one instance only.
 */
export async function openDirectory(config: Config): Promise<Directory> {
  if (config.directoryBackend === 'webex') {
    const { accessToken, orgId, apiUrl, concurrency, timeoutMs, contactsChunkSize } = config.webex;
    // loadConfig refuses webex without them; checked again for configs built by hand.
    if (!accessToken || !orgId) throw new Error('DIRECTORY_BACKEND=webex needs WEBEX_ACCESS_TOKEN and WEBEX_ORG_ID.');
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
  return openLowdbDirectory(config.dataDir);
}
