import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** Writes a temp file beside `file`, then renames it over: a crash never leaves half a file. */
export async function writeFileAtomic(file: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temp, content, mode === undefined ? undefined : { mode });
  await fs.rename(temp, file);
}
