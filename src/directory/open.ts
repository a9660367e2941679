import type { Config } from '../config';
import type { Directory } from './directory';
import { openLowdbDirectory } from './lowdb/lowdbDirectory';

/** The one place that chooses the backend from config (the bot and the CLI open the same one). */
export async function openDirectory(config: Config): Promise<Directory> {
  if (config.directoryBackend === 'webex') {
    throw new Error('DIRECTORY_BACKEND=webex is not available in this version yet; use DIRECTORY_BACKEND=lowdb (the default).');
  }
  return openLowdbDirectory(config.dataDir);
}
