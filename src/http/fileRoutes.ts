import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type restify from 'restify';
import { isValidToken, type LinkEntry, type LinkStore } from '../platform/files/linkStore';
import { LINK_HEADERS, sendPage } from './htmlPage';
import { LINK_NOT_FOUND_TEXT, messagePage, uploadFormPage, type PageLocale, type PageMessage } from './uploadPage';

export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
}

export interface FileRoutesDeps {
  links: LinkStore;
  maxUploadBytes: number;
  uploadTimeoutMs: number;
  /** Called once per accepted upload (the upload token is consumed first). Errors are logged and turned into a 500 page. */
  onUpload(entry: LinkEntry, file: UploadedFile): Promise<void>;
  logger: { info: Function; warn: Function; error: Function };
}

/** Multipart boundaries and part headers around the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export function registerFileRoutes(server: restify.Server, deps: FileRoutesDeps): void {
  server.get('/files/:token', async (req: restify.Request, res: restify.Response) => {
    const found = await deps.links.read(req.params.token, 'download');
    if (!found) {
      const text = `${LINK_NOT_FOUND_TEXT.fr}\n${LINK_NOT_FOUND_TEXT.en}\n`;
      res.writeHead(404, { ...LINK_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(text);
      return;
    }
    res.writeHead(200, {
      ...LINK_HEADERS,
      'Content-Type': found.entry.contentType ?? 'text/csv; charset=utf-8',
      'Content-Length': found.bytes.length,
      'Content-Disposition': contentDisposition(found.entry.fileName),
    });
    res.end(found.bytes);
  });

  server.get('/upload/:token', async (req: restify.Request, res: restify.Response) => {
    const entry = await deps.links.get(req.params.token, 'upload');
    if (!entry) {
      const [status, kind] = missing(req.params.token);
      return sendPage(res, status, messagePage(kind, 'both'));
    }
    sendPage(res, 200, uploadFormPage(localeOf(entry)));
  });

  server.post('/upload/:token', async (req: restify.Request, res: restify.Response) => {
    const token: string = req.params.token;
    const entry = await deps.links.get(token, 'upload');
    const locale = entry ? localeOf(entry) : 'both';
    // One deadline for the whole body, whatever happens to it (slowloris, draining after an early answer).
    const deadline = setTimeout(() => {
      sendPage(res, 408, messagePage('timeout', locale), true);
      req.destroy();
    }, deps.uploadTimeoutMs);
    const bodyDone = () => clearTimeout(deadline);
    req.once('end', bodyDone).once('close', bodyDone);
    const reply = (status: number, kind: PageMessage, fileName?: string) => {
      if (!req.complete) {
        req.unpipe();
        req.resume(); // drain the rest so that the client gets to read the answer
      }
      sendPage(res, status, messagePage(kind, locale, { fileName, maxBytes: deps.maxUploadBytes }));
    };

    if (!entry) return reply(...missing(token));
    if (Number(req.headers['content-length']) > deps.maxUploadBytes + FORM_OVERHEAD_BYTES) return reply(413, 'tooLarge');
    const received = await receiveFile(req, deps.maxUploadBytes);
    if (received === 'aborted') return; // too slow (already answered) or the client left
    if (received === 'tooLarge') return reply(413, 'tooLarge');
    if (received === 'noFile') return reply(400, 'noFile');

    const taken = await deps.links.take(token, 'upload');
    if (!taken) return reply(410, 'gone');
    try {
      await deps.onUpload(taken.entry, received);
    } catch (error) {
      deps.logger.error({ err: error, conversationKey: taken.entry.conversationKey }, 'upload: handing the file to the bot failed');
      return reply(500, 'error');
    }
    deps.logger.info({ conversationKey: taken.entry.conversationKey, size: received.bytes.length }, 'upload: file received');
    reply(200, 'received', received.fileName);
  });
}

/**
 * Reads the one file field "file" of a multipart body, with a size cap. Stops
 * parsing as soon as the file goes over the cap (the caller drains the rest).
 */
function receiveFile(req: IncomingMessage, maxBytes: number): Promise<UploadedFile | 'tooLarge' | 'noFile' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let fileName: string | undefined;
    let extraFiles = false;
    let done = false;
    const finish = (result: UploadedFile | 'tooLarge' | 'noFile' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(result);
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8', // browsers send UTF-8 file names
        // busboy also says "limit" for a file of exactly fileSize bytes: one more byte tells "over" apart.
        limits: { files: 1, fileSize: maxBytes + 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 50 },
      });
    } catch {
      return finish('noFile'); // not a multipart body
    }
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') return stream.resume();
      fileName = info.filename ?? '';
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        req.unpipe(parser);
        finish('tooLarge');
      });
    });
    parser.on('filesLimit', () => (extraFiles = true));
    parser.on('close', () => {
      const bytes = Buffer.concat(chunks);
      finish(fileName === undefined || bytes.length === 0 || extraFiles ? 'noFile' : { bytes, fileName });
    });
    parser.on('error', () => finish('noFile')); // malformed multipart
    req.on('close', () => {
      if (!req.complete) finish('aborted');
    });
    req.pipe(parser);
  });
}

function localeOf(entry: LinkEntry): PageLocale {
  return entry.data?.locale === 'en' ? 'en' : 'fr';
}

/** A malformed token never existed (404); a well-formed one expired or was used (410). */
function missing(token: string): [number, PageMessage] {
  return isValidToken(token) ? [410, 'gone'] : [404, 'notFound'];
}

/** attachment; filename="ascii" plus the exact UTF-8 name (RFC 6266); never a quote, slash or line break. */
function contentDisposition(fileName: string | undefined): string {
  const clean = (fileName ?? '').replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim() || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
