'use strict';
const fs = require('node:fs');

module.exports = async function teardown() {
  const root = process.env.PROVISIO_JEST_TMP;
  if (root) fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
};
