import { randomBytes } from 'node:crypto';
import { startAzurite, type RunningAzurite } from '../../tools/azurite';
import { BlobContainer } from '../../src/platform/store/container';

export type { RunningAzurite };
export { startAzurite };

/** A fresh container name per test (3-63 lower-case letters and digits). */
export function containerName(prefix = 't'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

/** A new BlobContainer client object on Azurite: each one stands for another instance of the bot. */
export function containerOn(azurite: RunningAzurite, name: string): BlobContainer {
  return new BlobContainer({ connectionString: azurite.connectionString, container: name });
}
