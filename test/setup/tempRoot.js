'use strict';
// One temporary folder per jest run: every temporary file or folder the tests
// and the processes they start make (os.tmpdir() reads TMPDIR) goes inside it,
// and globalTeardown removes it, so test runs leave nothing behind in /tmp.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-jest-'));
  // Set before jest starts its workers, which inherit it.
  process.env.PROVISIO_JEST_TMP = root;
  process.env.TMPDIR = root;
};
