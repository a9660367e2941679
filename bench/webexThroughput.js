'use strict';
/**
 * The webex backend against the emulator set to a fixed request rate limit:
 * a 10,000-row contacts import (the real import flow, bulk requests) and 200
 * users created one by one. Reports the accepted requests per second as a
 * fraction of the limit (goal >= 0.9) and checks that no record was lost or
 * created twice. Writes bench/results/webex-throughput-<time>.json and prints it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { WebexEmulator } = require('../dist/tools/webex-emulator/server.js');
const { openWebexDirectory } = require('../dist/src/directory/webex/webexDirectory.js');
const { ContactService } = require('../dist/src/services/contactService.js');
const { importFile } = require('./data.js');

const RATE_LIMIT = Number(process.env.BENCH_WEBEX_RATE ?? 40);
const CONTACTS = 10_000;
const USERS = 200;
const CHUNK = 25;
const GOAL = 0.9;
const ctx = { actor: { id: 'bench', name: 'Bench', role: 'admin' }, flow: 'bench' };

/** Runs `work` and measures the requests Webex accepted meanwhile, per second, against the limit. */
async function phase(emulator, work) {
  const accepted = emulator.stats.accepted;
  const throttled = emulator.stats.throttled;
  const started = process.hrtime.bigint();
  const detail = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const requests = emulator.stats.accepted - accepted;
  return {
    seconds: Number(seconds.toFixed(2)),
    acceptedRequests: requests,
    throttledRequests: emulator.stats.throttled - throttled,
    requestsPerSecond: Number((requests / seconds).toFixed(1)),
    fractionOfLimit: Number((requests / seconds / RATE_LIMIT).toFixed(3)),
    ...detail,
  };
}

async function measureWebexThroughput() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-webex-'));
  const emulator = new WebexEmulator({ seed: { licenseUnits: 1000, noUsers: true } });
  const url = await emulator.listen(0);
  const directory = await openWebexDirectory({ apiUrl: url, token: emulator.token, orgId: emulator.orgId, dataDir, concurrency: 4, contactsChunkSize: CHUNK });
  try {
    const meetings = (await directory.listLicenses()).find((l) => l.name === 'Webex Meetings').id;
    // Warm-up done; from here the limit applies.
    emulator.faults.rateLimit = { perSecond: RATE_LIMIT };
    await new Promise((r) => setTimeout(r, 1100));
    const service = new ContactService(directory, { region: 'FR', limits: { maxRows: CONTACTS, maxBytes: 20 * 1024 * 1024 } });
    const contacts = await phase(emulator, async () => {
      const outcome = await service.importFile({ bytes: importFile(CONTACTS, CONTACTS), fileName: 'bench.csv', dryRun: false }, ctx);
      if (!outcome.ok) throw new Error(`import refused: ${outcome.fileError.code}`);
      const { created, updated, unchanged, failed } = outcome.report;
      return { report: { created, updated, unchanged, failed } };
    });
    const users = await phase(emulator, async () => {
      const create = Array.from({ length: USERS }, (_, i) => ({ email: `bench${i}@example.com`, firstName: 'Bench', lastName: `${i}`, licenseIds: [meetings] }));
      const result = await directory.applyUserChanges({ create, update: [] }, ctx);
      return { created: result.created.length };
    });
    const names = [...emulator.org.contacts.values()].map((c) => c.displayName);
    const emails = [...emulator.org.people.values()].map((p) => p.email);
    const check = (held, expected) => ({ expected, held: held.length, lost: expected - new Set(held).size, duplicated: held.length - new Set(held).size });
    const total = { seconds: contacts.seconds + users.seconds, acceptedRequests: contacts.acceptedRequests + users.acceptedRequests };
    const fraction = Number((total.acceptedRequests / total.seconds / RATE_LIMIT).toFixed(3));
    const records = { contacts: check(names, CONTACTS), users: check(emails, USERS) };
    return {
      rateLimitPerSecond: RATE_LIMIT,
      concurrency: 4,
      contactsChunkSize: CHUNK,
      phases: { contacts, users },
      overall: { ...total, fractionOfLimit: fraction },
      records,
      goal: { minFractionOfLimit: GOAL },
      goalsMet: {
        throughput: fraction >= GOAL,
        nothingLostOrDuplicated: Object.values(records).every((r) => r.lost === 0 && r.duplicated === 0),
      },
    };
  } finally {
    await directory.close();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the scenario, writes its JSON beside the other results, and prints it. */
async function main(dir = path.join(__dirname, 'results')) {
  const date = new Date().toISOString();
  const summary = { date, node: process.version, ...(await measureWebexThroughput()) };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `webex-throughput-${date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
  return summary;
}

module.exports = { measureWebexThroughput, main };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
}
