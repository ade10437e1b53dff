// The entry the bin shim calls: run the bundled CLI (dist/cli.cjs) through the code cache
// (src/io/code-cache.ts), then save V8's code if there was none to use and the run was a real one.
import { readFileSync } from 'node:fs';
import { cacheLocation, trustedCache } from '../io/cache-folder.js';
import {
  type CodeCacheEntry,
  bundleId,
  noCacheRequested,
  optionArguments,
  readCodeCache,
  runBundle,
  writeCodeCache,
} from '../io/code-cache.js';
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
  // the inputs are not known yet: a folder found (not named by PLAN_CHECK_CACHE_DIR) inside the
  // working folder, where a project keeps its files, is not trusted with code
  const cache = noCacheRequested(argv) ? undefined : trustedCache(cacheLocation(process.env), [process.cwd()]);
  const command = (commandNames as readonly string[]).includes(argv[0] ?? '') ? argv[0]! : 'other';
  const entry: CodeCacheEntry | undefined = cache !== undefined ? { folder: cache.folder, bundle: bundleId(source), command } : undefined;
  const cachedData = cache !== undefined && entry !== undefined ? readCodeCache(cache, entry) : undefined;
  const bundle = runBundle(bundlePath, source, cachedData);
  await (bundle.exports.main as () => Promise<void>)();
  if (cache !== undefined && entry !== undefined && !bundle.usedCache && worthCaching(argv, process.exitCode))
    writeCodeCache(cache, entry, bundle.cachedData);
}
