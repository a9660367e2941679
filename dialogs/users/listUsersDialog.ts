import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { userListCard } from '../../cards/userCards';
import type { UserFilter } from '../../src/directory/directory';
import { fold } from '../../src/domain/users';
import type { Services } from '../../src/services';
import { sendCard } from '../base/send';
import { t } from '../base/turn';
import type { FlowOptions } from '../base/flowOptions';

export const LIST_USERS_DIALOG = 'listUsers';
const FLOW = 'listUsers.flow';
const PAGE_SIZE = 10;

const ACTIVE = ['active', 'actif', 'actifs', 'active(s)', 'actives'];
const PENDING = ['pending', 'en attente', 'verifie', 'verifies', 'invite', 'invites', 'non actives', 'non actifs'];

/** "users [active|pending|<location>]": one card, paged with a Next button. */
export class ListUsersDialog extends ComponentDialog {
  constructor(private readonly services: Services) {
    super(LIST_USERS_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.showStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async showStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as FlowOptions;
    const filterText = typeof options.value?.filter === 'string' ? options.value.filter : (options.rest ?? '');
    const page = typeof options.value?.page === 'number' ? options.value.page : 0;
    const filter = await this.filterOf(filterText);
    const users = await this.services.users.listUsers(filter);
    const pages = Math.max(1, Math.ceil(users.length / PAGE_SIZE));
    const index = Math.min(page, pages - 1);
    const shown = await this.services.users.views(users.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE));
    const nextData = index + 1 < pages ? { action: LIST_USERS_DIALOG, filter: filterText, page: index + 1 } : undefined;
    await sendCard(step.context, userListCard(t(step.context), shown, { index, count: pages, total: users.length, filter: filterText, nextData }));
    return step.endDialog();
  }

  private async filterOf(text: string): Promise<UserFilter> {
    const said = fold(text);
    if (!said) return {};
    if (ACTIVE.includes(said)) return { status: 'active' };
    if (PENDING.includes(said)) return { status: 'pending' };
    const location = await this.services.users.findLocation(said, true).catch(() => undefined);
    return { locationId: location?.id ?? 'none' };
  }
}
