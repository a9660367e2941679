import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebexClient, type WebexClientOptions } from '../../src/webexApi/client';
import { WebexEmulator, type EmulatorOptions } from '../../tools/webex-emulator/server';

export interface Started {
  emulator: WebexEmulator;
  url: string;
}

const running: WebexEmulator[] = [];
const dirs: string[] = [];

export async function startEmulator(options: EmulatorOptions = {}): Promise<Started> {
  const emulator = new WebexEmulator(options);
  const url = await emulator.listen(0);
  running.push(emulator);
  return { emulator, url };
}

export function clientFor({ emulator, url }: Started, options: Partial<WebexClientOptions> = {}): WebexClient {
  return new WebexClient({ baseUrl: url, token: emulator.token, backoffMs: 5, maxBackoffMs: 20, ...options });
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-webex-'));
  dirs.push(dir);
  return dir;
}

export async function stopAll(): Promise<void> {
  for (const emulator of running.splice(0)) await emulator.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
