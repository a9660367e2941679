import { WebexEmulator } from './server';

/**
 * `npm run webex-emulator -- --port 0 [--rate-limit N] [--token T] [--bot-token B]`: a seeded
 * org like the sandbox; prints one JSON line when ready:
 * {"url":"http://127.0.0.1:PORT/v1","token":"...","orgId":"..."}.
 * `--bot-token` sets the token of the emulated Webex bot (messages, webhooks, file contents).
 */
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port expects a whole number from 0 to 65535');
  const emulator = new WebexEmulator({ token: arg('token'), botToken: arg('bot-token') });
  const rate = arg('rate-limit');
  if (rate) emulator.faults.rateLimit = { perSecond: Number(rate) };
  const url = await emulator.listen(port, arg('host') ?? '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url, token: emulator.token, orgId: emulator.orgId })}\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`webex-emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
