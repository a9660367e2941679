import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const MAIN = path.join(__dirname, '../../../dist/tools/webex-emulator/main.js');

test('`npm run webex-emulator -- --port 0` prints one JSON line when ready, and serves the seeded org with its token', async () => {
  const child = spawn(process.execPath, [MAIN, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const ready = JSON.parse(line) as { url: string; token: string; orgId: string };
    expect(Object.keys(ready)).toEqual(['url', 'token', 'orgId']);
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const licenses = await fetch(`${ready.url}/licenses`, { headers: { authorization: `Bearer ${ready.token}` } });
    expect(licenses.status).toBe(200);
    expect(((await licenses.json()) as { items: unknown[] }).items).toHaveLength(3);
    expect((await fetch(`${ready.url}/licenses`)).status).toBe(401);
    const me = await fetch(`${ready.url}/locations`, { headers: { authorization: `Bearer ${ready.token}` } });
    expect(((await me.json()) as { items: Array<{ orgId: string }> }).items[0].orgId).toBe(ready.orgId);
  } finally {
    child.kill('SIGTERM');
  }
});
