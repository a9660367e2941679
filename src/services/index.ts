import type { Config } from '../config';
import type { Directory } from '../directory/directory';
import { UserService } from './userService';

export interface Services {
  directory: Directory;
  users: UserService;
}

export function createServices(directory: Directory, config: Pick<Config, 'defaultRegion'>): Services {
  return { directory, users: new UserService(directory, config.defaultRegion) };
}
