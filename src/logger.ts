import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { RuleError } from './domain/ruleError';

export type { Logger };

/** Longest error message logged: a message may quote what it failed on. */
const MAX_MESSAGE = 300;

/**
 * What the log keeps of an error: its kind, message, code and status, where it
 * was thrown, and the ids of the dialogs it went through. Never the error's
 * other fields: botbuilder attaches the whole dialog state (a pasted CSV, a
 * pending import's token), HTTP errors their request and response.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { dialogContext } = error as { dialogContext?: { stack?: Array<{ id?: unknown }> } };
  const inner = (error as { error?: unknown }).error;
  const cause = inner instanceof Error ? inner : error;
  const fields = cause as unknown as Record<string, unknown>;
  const pick = (key: string) => (typeof fields[key] === 'string' || typeof fields[key] === 'number' ? fields[key] : undefined);
  // A rule's message holds its details (an e-mail, a name): its code says enough.
  const message = cause instanceof RuleError ? cause.code : cause.message.slice(0, MAX_MESSAGE);
  return {
    type: cause.name,
    message,
    code: pick('code'),
    status: pick('status'),
    kind: pick('kind'),
    trackingId: pick('trackingId'),
    dialogs: dialogContext?.stack?.map((entry) => String(entry.id)),
    stack: cause.stack?.split('\n').slice(1, 11).join('\n'),
  };
}

/** JSON logs on stdout; anything that may carry a secret is redacted, errors are logged by loggableError. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    base: { app: 'provisio' },
    serializers: { err: loggableError },
    redact: {
      paths: ['*.authorization', '*.headers.authorization', 'req.headers.authorization', '*.password', '*.token', '*.appPassword'],
      censor: '[redacted]',
    },
  });
}
