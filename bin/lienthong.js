#!/usr/bin/env node
'use strict';
// `npx lienthong <command>`: runs the CLI built in dist/ (npm run build; scripts/install.sh and npm test
// build it), so a command starts in well under a second instead of compiling the project first.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(cli)) {
  console.error(`lienthong: the CLI is not built (${cli} is missing): run npm run build`);
  process.exit(1);
}
require(cli);
