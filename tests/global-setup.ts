// Before any test: rebuild dist/ when a source is newer than the bundle, so the tests that spawn
// the built binary never test yesterday's code (a stale dist/ used to pass silently).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestChange(folder: string): number {
  let newest = 0;
  for (const name of readdirSync(path.join(root, folder), { recursive: true })) {
    const stats = statSync(path.join(root, folder, String(name)));
    if (stats.isFile()) newest = Math.max(newest, stats.mtimeMs);
  }
  return newest;
}

/** The bundle's age, or 0 when there is none. */
function builtAt(): number {
  try {
    return Math.min(statSync(path.join(root, 'dist', 'cli.cjs')).mtimeMs, statSync(path.join(root, 'dist', 'start.cjs')).mtimeMs);
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const sources = Math.max(
    newestChange('src'),
    newestChange('schemas'),
    ...['bin/build.mjs', 'bin/patch-cli-table3.mjs', 'package-lock.json'].map((file) => statSync(path.join(root, file)).mtimeMs),
  );
  if (sources <= builtAt()) return;
  console.log('dist/ is older than the sources: npm run build');
  execFileSync(process.execPath, [path.join(root, 'bin', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
