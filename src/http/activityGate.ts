import type restify from 'restify';
import { z } from 'zod';

/** Deepest nesting of objects and arrays an activity may have (Teams' deepest is under ten). */
export const MAX_ACTIVITY_DEPTH = 32;

const short = z.string().max(256);
const account = z.looseObject({ id: z.string().min(1).max(256), name: short.nullish(), aadObjectId: short.nullish(), role: short.nullish() });

/** The shape of what a channel posts, checked before the Bot Framework reads it: types and sizes of what the bot uses. */
function activitySchema(maxTextChars: number) {
  return z.looseObject({
    type: z.string().min(1).max(64),
    id: short.nullish(),
    name: short.nullish(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).nullish(),
    locale: z.string().max(64).nullish(),
    localTimezone: z.string().max(128).nullish(),
    text: z.string().max(maxTextChars).nullish(),
    from: account,
    recipient: account.nullish(),
    conversation: z.looseObject({ id: z.string().min(1).max(1024), isGroup: z.boolean().nullish(), conversationType: short.nullish() }),
    attachments: z
      .array(z.looseObject({ contentType: short.nullish(), contentUrl: z.string().max(8192).nullish(), name: z.string().max(1024).nullish() }))
      .max(20)
      .nullish(),
    entities: z.array(z.looseObject({ type: short.nullish() })).max(50).nullish(),
  });
}

/** Whether the JSON text nests objects and arrays at most `max` deep (read before parsing: a deep one overflows the stack). */
export function nestsAtMost(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}

export type ActivityCheck = { ok: true; activity: Record<string, unknown> } | { ok: false; issues: string[] };

/** Reads a posted activity: JSON, not too deep, of the expected types and sizes; what is wrong is said without internals. */
export function checkActivity(body: string, maxTextChars: number): ActivityCheck {
  if (!nestsAtMost(body, MAX_ACTIVITY_DEPTH)) return { ok: false, issues: [`nested deeper than ${MAX_ACTIVITY_DEPTH} levels`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, issues: ['not JSON'] };
  }
  const result = activitySchema(maxTextChars).safeParse(parsed);
  if (result.success) return { ok: true, activity: result.data };
  return { ok: false, issues: result.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || 'activity'}: ${issue.message}`) };
}

/** Restify middleware after bodyReader: a well-formed activity goes on as `req.body`, anything else is answered 400. */
export function activityGate(maxTextChars: number): restify.RequestHandler {
  return (req, res, next) => {
    const raw = req.body;
    const check = checkActivity(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? ''), maxTextChars);
    if (!check.ok) {
      res.send(400, { error: 'invalid activity', issues: check.issues });
      return next(false);
    }
    req.body = check.activity;
    return next();
  };
}
