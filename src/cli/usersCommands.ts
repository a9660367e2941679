import { Option, type Command } from 'commander';
import type { License, Location, User, UserStatus } from '../domain/types';
import type { UserService } from '../services/userService';
import { collect, print, UsageError, withServices, writeErr } from './common';
import { inviteCreatedUser } from './invitationsCommands';

interface UserJson {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  status: UserStatus;
  location: string | null;
  phoneNumber: string | null;
  extension: string | null;
  licenses: string[];
}

function userJson(user: User, licenses: readonly License[], locations: readonly Location[]): UserJson {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    status: user.status,
    location: locations.find((l) => l.id === user.locationId)?.name ?? null,
    phoneNumber: user.phoneNumber ?? null,
    extension: user.extension ?? null,
    licenses: licenses.filter((l) => user.licenseIds.includes(l.id)).map((l) => l.name),
  };
}

function userLine(u: UserJson): string {
  const calling = [u.location, u.phoneNumber, u.extension && `ext. ${u.extension}`].filter(Boolean).join(', ');
  return [u.email, `${u.firstName} ${u.lastName}`, u.status, u.licenses.join(' + '), calling].filter(Boolean).join(' | ');
}

async function jsonOf(users: UserService): Promise<(user: User) => UserJson> {
  const [licenses, locations] = await Promise.all([users.listLicenses(), users.listLocations()]);
  return (user) => userJson(user, licenses, locations);
}

interface AddOptions {
  first: string;
  last: string;
  email: string;
  license: string[];
  location?: string;
  number?: string;
  extension?: string;
}

export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('add, list and delete users');

  users
    .command('add')
    .description('create a user and send their invitation (pending until they follow its activation link)')
    .requiredOption('--first <name>', 'first name')
    .requiredOption('--last <name>', 'last name')
    .requiredOption('--email <address>', 'e-mail address')
    .requiredOption('--license <name>', 'licence name, case-insensitive (repeat for several)', collect)
    .option('--location <name>', 'location name (needed with a calling licence)')
    .option('--number <phone>', 'a free number of the location, as typed: "+33 6 34 33 32 12" or "06 34 33 32 12"')
    .option('--extension <digits>', 'extension, 2 to 10 digits')
    .action((opts: AddOptions, command: Command) =>
      withServices(async ({ users, invitations }, ctx, m) => {
        const licenses = await Promise.all(opts.license.map((name) => users.findLicense(name)));
        const location = opts.location === undefined ? undefined : await users.findLocation(opts.location);
        const user = await users.createUser(
          {
            firstName: opts.first,
            lastName: opts.last,
            email: opts.email,
            licenseIds: licenses.map((l) => l.id),
            locationId: location?.id,
            phoneNumber: opts.number,
            extension: opts.extension,
          },
          ctx,
        );
        // The invitation goes right away (as in the chat); if it cannot, the user stays created: a warning, exit 0.
        const invitation = await inviteCreatedUser(m, invitations, user.id, ctx);
        print(command, { ...(await jsonOf(users))(user), invitation }, (u) => [
          `Created: ${userLine(u)}`,
          ...(invitation.status === 'sent' ? [m.invitations.createdSent(u.email)] : []),
        ]);
        if (invitation.status === 'failed') writeErr(`${m.invitations.cliCreatedFailed(invitation.message)}\n`);
      }),
    );

  users
    .command('list')
    .description('list users, sorted by last name')
    .addOption(new Option('--status <status>', 'only users with this status').choices(['active', 'pending']))
    .action((opts: { status?: UserStatus }, command: Command) =>
      withServices(async ({ users }) => {
        const list = (await users.listUsers({ status: opts.status })).map(await jsonOf(users));
        print(command, list, (items) => (items.length ? items.map(userLine) : ['No user.']));
      }),
    );

  users
    .command('delete')
    .description('delete a user and free their number and extension (irreversible)')
    .requiredOption('--email <address>', 'e-mail address of the user')
    .option('--yes', 'confirm the deletion')
    .action((opts: { email: string; yes?: boolean }, command: Command) => {
      if (!opts.yes) {
        throw new UsageError(`Deleting ${opts.email} is irreversible: add --yes to confirm.`);
      }
      return withServices(async ({ users }, ctx) => {
        const deleted = await users.deleteUser((await users.findByEmail(opts.email)).id, ctx);
        print(command, { deleted: (await jsonOf(users))(deleted) }, (d) => [`Deleted: ${userLine(d.deleted)}`]);
      });
    });
}
