import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicWrite';

/** What an update makes of the document, and what it hands back to its caller. */
export interface DocumentChange<T, R> {
  /** Absent: nothing to write (the document stays as read). */
  value?: T;
  result: R;
}

/**
 * A small JSON document that every instance reads and writes (import jobs,
 * the Webex backend's audit and invitation dates). `update` is one atomic
 * read-change-write: when someone else wrote in between, it starts again from
 * a fresh read, so no write is ever lost. `change` may throw to refuse; it
 * gets its own copy of the value and the time on the store's clock.
 */
export interface SharedDocument<T> {
  read(): Promise<{ value: T | undefined; now: Date }>;
  update<R>(change: (value: T | undefined, now: Date) => DocumentChange<T, R>): Promise<R>;
}

/** Raised when an update kept meeting other writers (a retry budget, never an endless loop). */
export class DocumentBusyError extends Error {
  constructor(name: string, attempts: number) {
    super(`Shared document "${name}" was changed by others ${attempts} times in a row while being updated; nothing was written.`);
    this.name = 'DocumentBusyError';
  }
}

/**
 * A document in one JSON file, for one instance: the process owns the file,
 * keeps it in memory, runs updates one at a time and writes each through a
 * temp file and a rename (a crash never leaves half a file).
 */
export class FileDocument<T> implements SharedDocument<T> {
  private text?: string | null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<{ value: T | undefined; now: Date }> {
    const text = await this.load();
    return { value: text === null ? undefined : JSON.parse(text), now: this.now() };
  }

  update<R>(change: (value: T | undefined, now: Date) => DocumentChange<T, R>): Promise<R> {
    const run = this.queue.then(async () => {
      const { value, now } = await this.read();
      const next = change(value, now);
      if (next.value === undefined) return next.result;
      const text = JSON.stringify(next.value);
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, text);
      this.text = text;
      return next.result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<string | null> {
    if (this.text === undefined) {
      let text: string | null;
      try {
        text = await fs.readFile(this.file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        text = null;
      }
      if (text !== null) {
        try {
          JSON.parse(text);
        } catch (error) {
          throw new Error(`Data file ${this.file} is not valid JSON (${(error as Error).message}); fix it or move it away.`);
        }
      }
      if (this.text === undefined) this.text = text;
    }
    return this.text;
  }
}
