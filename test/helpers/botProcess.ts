import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ENTRY = path.join(__dirname, '..', '..', 'dist', 'src', 'index.js');

export interface BotProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  /** SIGTERM and wait for the exit code (graceful shutdown). */
  stop(): Promise<number | null>;
}

/** Starts the built bot (`node dist/src/index.js`) on a free port with the given environment. */
export function startBot(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  readline.createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${logs.join('\n')}`)), 15000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}:\n${logs.join('\n')}`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve({
            url: `http://127.0.0.1:${entry.port}`,
            child,
            logs,
            stop: async () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      } catch {
        // not a JSON log line
      }
    });
  });
}

let activityCounter = 0;

/** POSTs one activity with deliveryMode expectReplies and returns the bot's replies. */
export async function send(
  url: string,
  activity: Record<string, unknown>,
  conversation = 'conv-1',
  headers: Record<string, string> = {},
): Promise<{ status: number; activities: any[] }> {
  const body = {
    type: 'message',
    id: `act-${++activityCounter}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: 'user-1', name: 'Julien Rouchon' },
    recipient: { id: 'bot', name: 'Provisio' },
    locale: 'fr-FR',
    ...activity,
  };
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : {};
  return { status: response.status, activities: parsed.activities ?? [] };
}
