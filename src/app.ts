import path from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import { AddUserDialog } from '../dialogs/addUserDialog';
import { AssignNumberDialog } from '../dialogs/assignNumberDialog';
import { DeleteUserDialog } from '../dialogs/deleteUserDialog';
import { ListUsersDialog } from '../dialogs/listUsersDialog';
import { MainDialog, type DeniedListener } from '../dialogs/mainDialog';
import { createAdapter } from './adapter';
import { ProvisioBot } from './bot';
import type { Config } from './config';
import type { Directory } from './directory/directory';
import { openLowdbDirectory } from './directory/lowdb/lowdbDirectory';
import type { Logger } from './logger';
import { createServer, type RunningServer } from './server';
import { createServices, type Services } from './services';
import { FileStorage } from './state/fileStorage';

export interface App {
  config: Config;
  services: Services;
  http: RunningServer;
}

/** The one place that chooses the backend from config. */
export async function openDirectory(config: Config): Promise<Directory> {
  if (config.directoryBackend === 'webex') {
    throw new Error('DIRECTORY_BACKEND=webex is not available in this version yet; use DIRECTORY_BACKEND=lowdb (the default).');
  }
  return openLowdbDirectory(config.dataDir);
}

export function createDialogs(services: Services, onDenied?: DeniedListener) {
  return new MainDialog({
    addUser: new AddUserDialog(services),
    assignNumber: new AssignNumberDialog(services),
    deleteUser: new DeleteUserDialog(services),
    listUsers: new ListUsersDialog(services),
  }, onDenied);
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const directory = await openDirectory(config);
  const services = createServices(directory, config);
  const storage = new FileStorage(path.join(config.dataDir, 'state'));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const bot = new ProvisioBot({
    conversationState,
    userState,
    dialog: createDialogs(services, (context, action) =>
      logger.warn({ userId: context.activity.from?.id, action }, 'action refused to a help-desk user'),
    ),
    defaultLocale: config.defaultLocale,
    access: config.access,
    logger,
  });
  const adapter = createAdapter(config, logger, conversationState);
  const http = createServer({ adapter, bot, logger, backend: directory.backend, onClose: () => directory.close() });
  return { config, services, http };
}
