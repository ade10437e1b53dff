// npm run bench: whole-process wall time (median of N runs after a warm-up) and peak memory of
// plan-check scenarios, each reported as a ratio to a baseline measured in the same run.
// `--smoke` runs one tiny scenario with 2 runs, only to prove the harness works (CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeScenario } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin', 'plan-check.js');
const smoke = process.argv.includes('--smoke');
const runs = smoke ? 2 : Number(process.env.BENCH_RUNS ?? 10);
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-bench-'));

// GNU time reports peak memory (Debian package "time"); without it only wall time is measured
const gnuTime = existsSync('/usr/bin/time');

function measure(args, options = {}) {
  const times = [];
  let peakKb = 0;
  for (let i = 0; i <= runs; i += 1) {
    const started = process.hrtime.bigint();
    const [command, commandArgs] = gnuTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
    const result = spawnSync(command, commandArgs, { cwd: options.cwd ?? root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
    if (gnuTime) peakKb = Math.max(peakKb, Number(result.stderr.trim().split('\n').pop()) || 0);
    if (i > 0) times.push(seconds); // the first run is the warm-up
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], peakMb: gnuTime ? Math.round(peakKb / 1024) : null };
}

const scenarios = [];
function add(name, args, baseline, options) {
  const result = measure(args, options);
  scenarios.push({ name, ...result, baseline, ratio: baseline ? result.median / scenarios.find((s) => s.name === baseline).median : 1 });
}

const floor = 'node -e ""';
add(floor, ['-e', '']);
if (smoke) {
  const tiny = writeScenario(path.join(work, 'tiny'), { tasks: 20, rows: 100 });
  add('status, 20 tasks, 100 rows', [cli, 'status', tiny, '--as-of', '2024-06-30', '--no-config'], floor);
} else {
  add('status on the examples', [cli, 'status'], floor);
  add('validate the examples', [cli, 'validate', 'examples'], floor);
  const series = [];
  for (const factor of [1, 2, 4, 8]) {
    const folder = writeScenario(path.join(work, `scale-${factor}`), { tasks: 500 * factor, rows: 5000 * factor });
    const name = `status, ${500 * factor} tasks, ${5000 * factor} CSV rows`;
    add(name, [cli, 'status', folder, '--as-of', '2024-09-30', '--no-config'], floor);
    series.push(name);
  }
  for (const targets of [1000, 5000]) {
    const folder = writeScenario(path.join(work, `gaps-${targets}`), { tasks: Math.round(targets / 1.5) });
    add(`gaps --format csv, ~${targets} targets`, [cli, 'gaps', folder, '--format', 'csv', '--as-of', '2024-06-30', '--no-config'], floor);
    add(`gaps --format table, ~${targets} targets`, [cli, 'gaps', folder, '--as-of', '2024-06-30', '--no-config'], `gaps --format csv, ~${targets} targets`);
  }
  const first = scenarios.find((s) => s.name === series[0]);
  const last = scenarios.find((s) => s.name === series[series.length - 1]);
  scenarios.push({ name: 'scaling: 8× input / 1× input', median: last.median, peakMb: last.peakMb, baseline: series[0], ratio: last.median / first.median });
}

const lines = [`plan-check bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${runs} runs after a warm-up`, '', '| scenario | median s | peak MB | ratio | baseline |', '| --- | ---: | ---: | ---: | --- |'];
for (const s of scenarios) lines.push(`| ${s.name} | ${s.median.toFixed(3)} | ${s.peakMb} | ${s.ratio.toFixed(2)} | ${s.baseline ?? '—'} |`);
console.log(lines.join('\n'));
writeFileSync(path.join(root, 'bench', smoke ? 'results-smoke.json' : 'results.json'), `${JSON.stringify({ node: process.version, cpus: os.cpus().length, runs, scenarios }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
