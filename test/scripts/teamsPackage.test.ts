import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdmZip = require('adm-zip');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildTeamsPackage } = require('../../scripts/package.js');

const BOT_ID = '11111111-2222-3333-4444-55555555AAAA';
const SCRIPT = path.join(__dirname, '../../scripts/package.js');

function entries(zip: Buffer): Map<string, Buffer> {
  return new Map(new AdmZip(zip).getEntries().map((e: { entryName: string; getData(): Buffer }) => [e.entryName, e.getData()]));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the Teams app package', () => {
  const files = entries(buildTeamsPackage({ botId: BOT_ID, publicUrl: 'https://bot.example.com:8443/base' }));
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));

  test('holds the manifest, the two icons and the French strings at its root, nothing else', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    expect(pngSize(files.get('color.png')!)).toEqual([192, 192]);
    expect(pngSize(files.get('outline.png')!)).toEqual([32, 32]);
  });

  test('the app and its bot carry the configured bot id; the public host is its valid domain', () => {
    expect(manifest.id).toBe(BOT_ID.toLowerCase());
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: BOT_ID.toLowerCase(), scopes: ['personal', 'team'], supportsFiles: true });
    expect(manifest.validDomains).toEqual(['bot.example.com:8443']);
    expect(manifest.developer.websiteUrl).toBe('https://bot.example.com:8443');
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  test('fits the manifest limits (names, descriptions, commands) in English and in French', () => {
    const fr = JSON.parse(files.get('fr.json')!.toString('utf8'));
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'fr-fr', file: 'fr.json' }] });
    for (const strings of [
      { short: manifest.name.short, full: manifest.name.full, dShort: manifest.description.short, dFull: manifest.description.full },
      { short: fr['name.short'], full: fr['name.full'], dShort: fr['description.short'], dFull: fr['description.full'] },
    ]) {
      expect(strings.short.length).toBeLessThanOrEqual(30);
      expect(strings.full.length).toBeLessThanOrEqual(100);
      expect(strings.dShort.length).toBeLessThanOrEqual(80);
      expect(strings.dFull.length).toBeLessThanOrEqual(4000);
    }
    const commands = manifest.bots[0].commandLists[0].commands as { title: string; description: string }[];
    expect(commands.length).toBeLessThanOrEqual(10);
    commands.forEach((command, i) => {
      const frTitle = fr[`bots[0].commandLists[0].commands[${i}].title`];
      const frDescription = fr[`bots[0].commandLists[0].commands[${i}].description`];
      for (const title of [command.title, frTitle]) expect(title.length).toBeLessThanOrEqual(32);
      for (const description of [command.description, frDescription]) expect(description.length).toBeLessThanOrEqual(128);
    });
  });

  test('every command the package offers is one the bot understands, in both languages', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseCommand } = require('../../dialogs/base/commands');
    const fr = JSON.parse(files.get('fr.json')!.toString('utf8'));
    manifest.bots[0].commandLists[0].commands.forEach((command: { title: string }, i: number) => {
      expect(parseCommand(command.title)).toBeDefined();
      expect(parseCommand(fr[`bots[0].commandLists[0].commands[${i}].title`])).toBeDefined();
    });
  });
});

describe('npm run package', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: process.env.PATH, DATA_DIR: '/tmp/provisio-package-test', ...env } });

  test('writes appPackage/build/provisio-teams.zip with the bot id from the config', () => {
    const result = run({ MicrosoftAppId: BOT_ID, MicrosoftAppPassword: 'secret', ADMINS: 'admin@example.com', PUBLIC_URL: 'https://bot.example.com' });
    expect(result.status).toBe(0);
    const out = result.stdout.trim();
    expect(out.endsWith(path.join('appPackage', 'build', 'provisio-teams.zip'))).toBe(true);
    expect(JSON.parse(entries(fs.readFileSync(out)).get('manifest.json')!.toString('utf8')).bots[0].botId).toBe(BOT_ID.toLowerCase());
  });

  test('without a registered bot id it exits 2 saying what to set', () => {
    const result = run({});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^MicrosoftAppId must be the bot's Microsoft App ID \(a GUID/);
  });

  test('needs only the app id and the public address: the rest of the bot\'s config (ADMINS, secrets) is not asked', () => {
    const result = run({ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'https://bot.example.com' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  test('a plain http address is refused: Teams reaches bots over https only', () => {
    const result = run({ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'http://bot.example.com' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^PUBLIC_URL must be the https address/);
  });

  test('a malformed public address is refused with the config message', () => {
    const result = run({ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'bot.example.com' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PUBLIC_URL: expected an http\(s\) URL/);
  });
});
