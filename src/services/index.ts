import { DEFAULT_IMPORT_LIMITS, type Config } from '../config';
import type { Directory } from '../directory/directory';
import { ContactService } from './contactService';
import { UserService } from './userService';

export interface Services {
  directory: Directory;
  users: UserService;
  contacts: ContactService;
}

export function createServices(directory: Directory, config: Pick<Config, 'defaultRegion'> & Partial<Pick<Config, 'importLimits'>>): Services {
  return {
    directory,
    users: new UserService(directory, config.defaultRegion),
    contacts: new ContactService(directory, { region: config.defaultRegion, limits: config.importLimits ?? DEFAULT_IMPORT_LIMITS }),
  };
}
