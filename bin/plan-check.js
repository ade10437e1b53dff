#!/usr/bin/env node
// Tiny shim: turn on Node's compile cache where it exists (Node >= 22.8), then run the bundled CLI.
import module from 'node:module';

if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache();
  } catch {
    // a read-only cache folder is not a reason to fail
  }
}
const { main } = await import('../dist/cli.js');
await main();
