// The entry the bin shim calls: run the bundled CLI (dist/cli.cjs) through the code cache
// (src/io/code-cache.ts), then save V8's code if there was none to use and the run was a real one.
import { readFileSync } from 'node:fs';
import { cacheFolder } from '../io/cache-folder.js';
import { type CodeCacheEntry, bundleId, codeCacheFile, noCacheRequested, optionArguments, readCodeCache, runBundle, writeCodeCache } from '../io/code-cache.js';
import { commandNames } from './command-names.js';

/**
 * Runs that would cache too little of a command's code: help (nothing runs) and usage errors
 * (exit 2, stopped before the work). Their code would serve that command's later runs.
 */
function worthCaching(argv: readonly string[], exitCode: number | string | undefined): boolean {
  const options = optionArguments(argv);
  return !options.includes('--help') && !options.includes('-h') && argv[0] !== 'help' && Number(exitCode ?? 0) !== 2;
}

export async function start(bundlePath: string): Promise<void> {
  const argv = process.argv.slice(2);
  const source = readFileSync(bundlePath, 'utf8');
  const folder = noCacheRequested(argv) ? undefined : cacheFolder(process.env);
  const command = (commandNames as readonly string[]).includes(argv[0] ?? '') ? argv[0]! : 'other';
  const entry: CodeCacheEntry | undefined = folder !== undefined ? { folder, bundle: bundleId(source), command } : undefined;
  const cachedData = entry !== undefined ? readCodeCache(codeCacheFile(entry)) : undefined;
  const bundle = runBundle(bundlePath, source, cachedData);
  await (bundle.exports.main as () => Promise<void>)();
  if (entry !== undefined && !bundle.usedCache && worthCaching(argv, process.exitCode)) writeCodeCache(entry, bundle.cachedData);
}
