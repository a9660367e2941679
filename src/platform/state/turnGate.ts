/** Runs the turns of one conversation one at a time; different conversations run in parallel. */
export interface TurnGate {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once every turn under way has finished (graceful shutdown). */
  idle(): Promise<void>;
}

/** Another instance kept the conversation's turn for longer than the wait allows: the turn did not run. */
export class TurnBusyError extends Error {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super(`Another instance is still handling a turn of conversation "${key}" (waited ${waitedMs} ms).`);
    this.name = 'TurnBusyError';
  }
}
