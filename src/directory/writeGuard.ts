import type { Directory } from './directory';
import { ACTIVATE_USER, mayWrite } from '../domain/access';
import { RuleError } from '../domain/ruleError';
import type { WriteContext } from '../domain/types';

/** The Directory methods that write (those that take a WriteContext). */
type WriteMethod = {
  [K in keyof Directory]-?: Directory[K] extends ((...args: infer A) => unknown) | undefined ? (WriteContext extends A[number] ? K : never) : never;
}[keyof Directory];

type Args<K extends WriteMethod> = Parameters<NonNullable<Directory[K]>>;

/** For each write, the task whose role it needs and the context that asks for it (a missing method fails to compile). */
const WRITE_TASKS: { [K in WriteMethod]: (args: Args<K>) => [task: string, ctx: WriteContext] } = {
  createUser: ([, ctx]) => ['addUser', ctx],
  assignCalling: ([, , ctx]) => ['assignNumber', ctx],
  deleteUser: ([, ctx]) => ['deleteUser', ctx],
  applyUserChanges: ([, ctx]) => ['importUsers', ctx],
  markInvited: ([, , ctx]) => ['sendInvitations', ctx],
  sendActivationEmails: ([ctx]) => ['sendInvitations', ctx],
  activateUser: ([, ctx]) => [ACTIVATE_USER, ctx],
  applyContactChanges: ([changes, ctx, ending]) => [ending ? 'importContacts' : changes.delete.length ? 'deleteContacts' : 'contacts', ctx],
  createDistributionList: ([, , ctx]) => ['distributionLists', ctx],
  updateDistributionList: ([, , ctx]) => ['distributionLists', ctx],
  changeListMembers: ([, , ctx]) => ['distributionLists', ctx],
  deleteDistributionList: ([, ctx]) => ['distributionLists', ctx],
};

/** Refuses (RuleError not_allowed) a write the asking person's role does not allow. */
export function authorize(ctx: WriteContext | undefined, task: string): void {
  if (!mayWrite(ctx?.actor?.role, task)) throw new RuleError('not_allowed', { task });
}

/**
 * The directory every service and dialog uses: each write checks the role of
 * the person asking for it at that moment, whatever flow or channel it came
 * through (a conversation is shared; a role checked when a flow started proves
 * nothing about who confirms it).
 */
export function guardWrites(directory: Directory): Directory {
  return new Proxy(directory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !Object.hasOwn(WRITE_TASKS, property)) return value;
      const taskOf = WRITE_TASKS[property as WriteMethod] as (args: unknown[]) => [string, WriteContext];
      return async (...args: unknown[]) => {
        const [task, ctx] = taskOf(args);
        authorize(ctx, task);
        return value.apply(target, args);
      };
    },
  });
}
