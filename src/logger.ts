import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** JSON logs on stdout; anything that may carry a secret is redacted. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    base: { app: 'provisio' },
    redact: {
      paths: ['*.authorization', '*.headers.authorization', 'req.headers.authorization', '*.password', '*.token', '*.appPassword'],
      censor: '[redacted]',
    },
  });
}
