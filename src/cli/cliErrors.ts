/** A refusal already put in words (in DEFAULT_LOCALE): exit 1, with `json` on stdout under --json. */
export class RefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RefusedError';
  }
}
