import type { EmuOrg } from './state';

/** An error answer: `{ message, errors: [{ description }], trackingId }`. */
export class EmuHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface EmuAnswer {
  status: number;
  body?: unknown;
  /** Bytes sent as they are (file contents), instead of a JSON body. */
  raw?: Buffer;
  headers?: Record<string, string>;
}

export interface EmuRequest {
  method: string;
  /** Path below /v1, e.g. /people/abc. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  params: Record<string, string>;
  org: EmuOrg;
  now: () => Date;
  /** A page of `items` and the Link header to the next one (the query travels inside the cursor). */
  page: <T>(items: T[], defaultMax: number, maxCap: number) => { slice: T[]; headers: Record<string, string> };
}

export type EmuHandler = (request: EmuRequest) => EmuAnswer;

export interface EmuRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: EmuHandler;
}

/** "/people/:id" → a route matching that path. */
export function route(method: string, template: string, handler: EmuHandler): EmuRoute {
  const names: string[] = [];
  const source = template.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

export function bad(message: string): never {
  throw new EmuHttpError(400, message);
}

export function notFound(message = 'The requested resource could not be found.'): never {
  throw new EmuHttpError(404, message);
}

export function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) bad('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
