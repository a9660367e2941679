export interface RunningAzurite {
  port: number;
  /** The well-known development account on this port. */
  connectionString: string;
  stop(): Promise<void>;
}

export function startAzurite(): Promise<RunningAzurite>;
export function connectionStringFor(port: number): string;
