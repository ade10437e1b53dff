#!/usr/bin/env node
// Tiny shim (CommonJS, see bin/package.json): run the bundled CLI (dist/cli.cjs) through plan-check's code cache (dist/start.cjs).
'use strict';
const path = require('node:path');

require('../dist/start.cjs').start(path.join(__dirname, '..', 'dist', 'cli.cjs'));
