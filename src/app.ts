import { ConversationState, UserState, type ConversationReference, type TurnContext } from 'botbuilder';
import { AddUserDialog } from '../dialogs/users/addUserDialog';
import { AssignNumberDialog } from '../dialogs/users/assignNumberDialog';
import { AuditDialog } from '../dialogs/audit/auditDialog';
import { UPLOAD_EVENT } from '../dialogs/base/incomingFile';
import { ContactsDialog } from '../dialogs/contacts/contactsDialog';
import { DeleteUserDialog } from '../dialogs/users/deleteUserDialog';
import { ImportContactsDialog } from '../dialogs/imports/importContactsDialog';
import { ImportUsersDialog } from '../dialogs/imports/importUsersDialog';
import { InvitationsDialog } from '../dialogs/users/invitationsDialog';
import { ListUsersDialog } from '../dialogs/users/listUsersDialog';
import { ListsDialog } from '../dialogs/lists/listsDialog';
import { MainDialog, type DeniedListener } from '../dialogs/mainDialog';
import { createAdapter } from './bot/adapter';
import { WEBEX_CHANNEL_ID, createWebexChannel } from './channels/webex';
import { ProvisioBot } from './bot/bot';
import type { Config } from './config';
import { openDirectory } from './openDirectory';
import type { LinkEntry } from './platform/files/linkStore';
import type { UploadedFile } from './http/fileRoutes';
import type { Logger } from './logger';
import { createServer, type RunningServer } from './http/server';
import { createServices, type Services } from './services';
import { createStateStore } from './platform/state/stateStore';

export interface App {
  config: Config;
  services: Services;
  http: RunningServer;
  /** Listens, and from then on links point to the listening address when PUBLIC_URL is not set. */
  listen(port: number, host: string): Promise<number>;
}

export function createDialogs(services: Services, onDenied?: DeniedListener) {
  return new MainDialog({
    addUser: new AddUserDialog(services),
    assignNumber: new AssignNumberDialog(services),
    deleteUser: new DeleteUserDialog(services),
    listUsers: new ListUsersDialog(services),
    importContacts: new ImportContactsDialog(services),
    importUsers: new ImportUsersDialog(services, services.userFiles),
    sendInvitations: new InvitationsDialog(services),
    contacts: new ContactsDialog(services),
    distributionLists: new ListsDialog(services),
    audit: new AuditDialog(services),
  }, onDenied);
}

export async function createApp(config: Config, logger: Logger): Promise<App> {
  const directory = await openDirectory(config);
  let listeningUrl: string | undefined;
  const baseUrl = () => config.publicUrl ?? listeningUrl ?? `http://localhost:${config.port}`;
  const services = createServices(directory, { ...config, baseUrl });
  const state = createStateStore(config, logger);
  await state.ready();
  logger.info({ stateStore: state.describe }, 'state store ready');
  if (state.describe.kind === 'blob' && directory.backend === 'lowdb') {
    logger.warn('STATE_STORE=blob with the lowdb backend: its directory is local files, so run ONE instance only (the webex backend scales out)');
  }
  const conversationState = new ConversationState(state.storage);
  const userState = new UserState(state.storage);
  const adapter = createAdapter(config, logger, conversationState);
  const webex = createWebexChannel(config, { logger, run: (context) => bot.run(context), onTurnError: adapter.onTurnError });
  // Before the dialogs take the services: an attachment on a Webex file is downloaded with the bot token.
  if (webex) services.fetchAttachment = webex.files.fetcher(services.fetchAttachment);
  const bot = new ProvisioBot({
    conversationState,
    userState,
    dialog: createDialogs(services, (context, action) =>
      logger.warn({ userId: context.activity.from?.id, action }, 'action refused to a help-desk user'),
    ),
    defaultLocale: config.defaultLocale,
    access: config.access,
    logger,
    turns: state.turns,
  });

  /** A file sent through an upload link: kept, then the conversation goes on by itself with its preview. */
  const onUpload = async (entry: LinkEntry, file: UploadedFile) => {
    const reference = entry.data?.reference as ConversationReference;
    const token = await services.files.keep(entry.conversationKey, file.bytes, file.fileName);
    const logic = async (context: TurnContext) => {
      context.activity.name = UPLOAD_EVENT;
      context.activity.value = { token, fileName: file.fileName };
      await bot.run(context);
    };
    // A Webex space goes on through the Webex adapter, any other conversation through the Bot Framework one.
    if (webex && reference.channelId === WEBEX_CHANNEL_ID) await webex.continueConversation(reference, logic);
    else await adapter.continueConversationAsync(config.bot.appId ?? '', reference, logic);
  };
  const http = createServer({
    adapter,
    bot,
    logger,
    backend: directory.backend,
    onClose: () => directory.close(),
    files: {
      links: services.links,
      maxUploadBytes: config.importLimits.maxBytes,
      uploadTimeoutMs: config.attachments.timeoutMs,
      onUpload,
      logger,
    },
    activation: { invitations: services.invitations, defaultLocale: config.defaultLocale, logger },
    webex,
    maxTextChars: config.importLimits.maxBytes,
  });
  return {
    config,
    services,
    http,
    listen: async (port, host) => {
      const actual = await http.listen(port, host);
      listeningUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`;
      return actual;
    },
  };
}
