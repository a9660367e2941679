import type { Command } from 'commander';
import { print, withServices } from './common';

export function registerLocationsCommands(program: Command): void {
  const locations = program.command('locations').description('list locations and their free numbers');

  locations
    .command('list')
    .description('list locations with their free numbers')
    .action((_opts: unknown, command: Command) =>
      withServices(async ({ users }) => {
        const list = await Promise.all(
          (await users.listLocations()).map(async ({ id, name }) => ({ id, name, freeNumbers: await users.listFreeNumbers(id) })),
        );
        print(command, list, (items) =>
          items.map((l) => `${l.name} | ${l.freeNumbers.length} free number(s)${l.freeNumbers.length ? `: ${l.freeNumbers.join(' ')}` : ''}`),
        );
      }),
    );
}
