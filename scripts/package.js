#!/usr/bin/env node
'use strict';
/**
 * `npm run package`: the Teams app package (appPackage/build/provisio-teams.zip)
 * with the bot id and public address of this deployment, read from the same
 * variables as the bot (MicrosoftAppId, PUBLIC_URL), and only those. Upload it in Teams
 * ("Apps" > "Manage your apps" > "Upload an app") or the Teams developer portal.
 */
const fs = require('node:fs');
const path = require('node:path');
const AdmZip = require('adm-zip');

const APP_PACKAGE = path.join(__dirname, '..', 'appPackage');
const FILES = ['color.png', 'outline.png', 'fr.json'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class PackageError extends Error {}

/** The manifest with this deployment's values, and the zip holding it with its icons and translations. */
function buildTeamsPackage({ botId, publicUrl }) {
  if (!botId || !GUID.test(botId)) {
    throw new PackageError(
      `MicrosoftAppId must be the bot's Microsoft App ID (a GUID such as 00000000-0000-0000-0000-000000000000), got ${botId ? `"${botId}"` : 'nothing'}. Register the bot first (README, "Microsoft Teams").`,
    );
  }
  if (!publicUrl) throw new PackageError('PUBLIC_URL must be set: the https address where Teams reaches the bot.');
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') throw new PackageError(`PUBLIC_URL must be the https address where Teams reaches the bot, got "${publicUrl}".`);
  const manifest = fs
    .readFileSync(path.join(APP_PACKAGE, 'manifest.json'), 'utf8')
    .replaceAll('{{BOT_ID}}', botId.toLowerCase())
    .replaceAll('{{PUBLIC_URL}}', url.origin)
    .replaceAll('{{PUBLIC_HOST}}', url.host);
  JSON.parse(manifest);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifest, 'utf8'));
  for (const file of FILES) zip.addFile(file, fs.readFileSync(path.join(APP_PACKAGE, file)));
  return zip.toBuffer();
}

function main() {
  const { loadPackageConfig, ConfigError } = require('../dist/src/config.js');
  let config;
  try {
    config = loadPackageConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new PackageError(error.message);
    throw error;
  }
  const zip = buildTeamsPackage({ botId: config.appId, publicUrl: config.publicUrl });
  const out = path.join(APP_PACKAGE, 'build', 'provisio-teams.zip');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip);
  process.stdout.write(`${out}\n`);
}

module.exports = { buildTeamsPackage, PackageError };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
}
