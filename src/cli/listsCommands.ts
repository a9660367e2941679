import type { Command } from 'commander';
import type { ListDetails } from '../services/listService';
import { contactJson, contactLine } from './contactEditCommands';
import { collect, print, UsageError, withServices } from './common';

function detailsJson({ list, members }: ListDetails) {
  return { ...list, members: members.map((c) => contactJson(c, [list])) };
}

function detailsLines(d: ReturnType<typeof detailsJson>): string[] {
  const head = `${d.name}${d.description ? ` — ${d.description}` : ''} | ${d.members.length} member(s) | ${d.id}`;
  return [head, ...d.members.map((c) => `  ${contactLine({ ...c, lists: [] })}`)];
}

/** Distribution lists (seed 000): NAME is a list's name (any case) or its id. */
export function registerListsCommands(program: Command): void {
  const lists = program.command('lists').description('distribution lists: create, show, add and remove contacts, rename, delete');

  lists
    .command('all')
    .description('every list with its number of members')
    .action((_opts: unknown, command: Command) =>
      withServices(async (services) => {
        const all = await services.lists.all();
        print(command, all, (items) => (items.length ? items.map((l) => `${l.name} | ${l.members} member(s) | ${l.id}`) : ['No distribution list.']));
      }),
    );

  lists
    .command('create')
    .description('create a list (its name must be unique, in any case)')
    .argument('<name>', 'the name of the list')
    .option('--description <text>', 'what the list is for')
    .action((name: string, opts: { description?: string }, command: Command) =>
      withServices(async (services, ctx) => {
        const list = await services.lists.create(name, opts.description, ctx);
        print(command, { ...list, members: [] }, (l) => [`Created: ${l.name} | ${l.id}`]);
      }),
    );

  lists
    .command('show')
    .description('a list with its members')
    .argument('<name>', 'name or id of the list')
    .action((name: string, _opts: unknown, command: Command) =>
      withServices(async (services) => print(command, detailsJson(await services.lists.show(name)), detailsLines)),
    );

  for (const [verb, description] of [
    ['add', 'put contacts in a list (a contact belongs to at most 5 lists)'],
    ['remove', 'take contacts out of a list (they stay contacts)'],
  ] as const) {
    lists
      .command(verb)
      .description(description)
      .argument('<name>', 'name or id of the list')
      .requiredOption('--contact <id>', 'a contact id, as given by contacts search (repeat for several)', collect)
      .action((name: string, opts: { contact: string[] }, command: Command) =>
        withServices(async (services, ctx) => {
          const change = verb === 'add' ? services.lists.addMembers(name, opts.contact, ctx) : services.lists.removeMembers(name, opts.contact, ctx);
          const result = { ...(await change), list: detailsJson(await services.lists.show(name)) };
          print(command, result, (r) => [`Added: ${r.added.length}, removed: ${r.removed.length}.`, ...detailsLines(r.list)]);
        }),
      );
  }

  lists
    .command('rename')
    .description('give a list another name')
    .argument('<name>', 'name or id of the list')
    .argument('<new name>', 'its new name')
    .action((name: string, newName: string, _opts: unknown, command: Command) =>
      withServices(async (services, ctx) => {
        const list = await services.lists.rename(name, newName, ctx);
        print(command, list, (l) => [`Renamed: ${l.name} | ${l.id}`]);
      }),
    );

  lists
    .command('delete')
    .description('delete a list; its members stay contacts')
    .argument('<name>', 'name or id of the list')
    .option('--yes', 'confirm the deletion')
    .action((name: string, opts: { yes?: boolean }, command: Command) => {
      if (!opts.yes) throw new UsageError(`Deleting the list ${name} is irreversible (its members stay contacts): add --yes to confirm.`);
      return withServices(async (services, ctx) => {
        const { list, members } = await services.lists.delete(name, ctx);
        print(command, { deleted: list, members: members.length }, (d) => [`Deleted: ${d.deleted.name} (${d.members} member(s) kept as contacts)`]);
      });
    });
}
