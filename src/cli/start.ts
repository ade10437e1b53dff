// The entry the bin shim calls: run the bundled CLI (dist/cli.cjs) through the code cache
// (src/io/code-cache.ts), then save V8's code if there was none to use.
import { cacheFolder } from '../io/cache-folder.js';
import { type CodeCacheEntry, codeCacheFile, noCacheRequested, readCodeCache, runBundle, writeCodeCache } from '../io/code-cache.js';
import { commandNames } from './command-names.js';

declare const __PLAN_CHECK_BUILD__: string | undefined;

export async function start(bundlePath: string): Promise<void> {
  const build = typeof __PLAN_CHECK_BUILD__ === 'string' ? __PLAN_CHECK_BUILD__ : undefined;
  const argv = process.argv.slice(2);
  const folder = noCacheRequested(argv) ? undefined : cacheFolder(process.env);
  const command = (commandNames as readonly string[]).includes(argv[0] ?? '') ? argv[0]! : 'other';
  const entry: CodeCacheEntry | undefined = folder !== undefined && build !== undefined ? { folder, build, command } : undefined;
  const cachedData = entry !== undefined ? readCodeCache(codeCacheFile(entry)) : undefined;
  const bundle = runBundle(bundlePath, cachedData);
  await (bundle.exports.main as () => Promise<void>)();
  if (entry !== undefined && !bundle.usedCache) writeCodeCache(entry, bundle.cachedData());
}
