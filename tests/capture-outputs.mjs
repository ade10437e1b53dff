// Capture what the CLI prints (stdout, stderr, exit code, files written with -o) over the examples
// and the bad-input corpus, one file per run, so that two builds can be compared byte for byte:
//
//   node tests/capture-outputs.mjs BIN OUT_DIR        BIN: a bin/plan-check.js next to its dist/
//   diff -r OUT_A OUT_B                               no output: the same outputs
//
// Runs from the repository root with NO_COLOR=1 (and one set with FORCE_COLOR=3), a fixed --as-of,
// TZ=UTC, a fresh cache folder, and both languages. Not a test: a tool for refactors that promise
// "no output changes".
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [bin, outDir] = process.argv.slice(2);
if (!bin || !outDir) {
  console.error('usage: node tests/capture-outputs.mjs BIN OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const cache = mkdtempSync(path.join(os.tmpdir(), 'plan-check-capture-cache-'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'plan-check-capture-out-'));
let runs = 0;

function capture(name, args, { cwd = root, env = {} } = {}) {
  const written = path.join(scratch, 'out.file');
  rmSync(written, { force: true });
  const full = args.map((arg) => (arg === '@OUT' ? written : arg));
  const result = spawnSync(process.execPath, [path.resolve(bin), ...full], {
    cwd,
    encoding: 'buffer',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', NO_COLOR: '1', PLAN_CHECK_CACHE_DIR: cache, ...env },
  });
  const file = existsSync(written) ? readFileSync(written) : undefined;
  const parts = [
    Buffer.from(`$ plan-check ${args.join(' ')}\nexit ${result.status}\n--- stdout\n`),
    result.stdout,
    Buffer.from('\n--- stderr\n'),
    Buffer.from(result.stderr.toString('utf8').replaceAll(scratch, '<scratch>')),
    ...(file ? [Buffer.from('\n--- file\n'), file] : []),
  ];
  writeFileSync(path.join(outDir, `${name.replace(/[^\w.@:-]+/g, '_')}.txt`), Buffer.concat(parts));
  runs += 1;
  return result;
}

const formats = {
  status: ['table', 'json', 'md'],
  gaps: ['table', 'csv', 'json', 'md'],
  deadlines: ['table', 'csv', 'json', 'md'],
  validate: ['text', 'json', 'github', 'sarif', 'junit'],
};

// the examples: each folder alone with --no-config, and the repository's own plan-check.yaml
const exampleSets = [
  ...readdirSync(path.join(root, 'examples'))
    .sort()
    .map((folder) => [folder, ['examples/' + folder, '--no-config']]),
  ['config', []],
];
for (const [set, where] of exampleSets) {
  for (const lang of ['en', 'zh-CN', undefined]) {
    const langArgs = lang ? ['--lang', lang] : [];
    for (const fmt of formats.validate) capture(`ex.${set}.validate.${fmt}.${lang}`, ['validate', ...where, '--format', fmt, ...langArgs]);
    for (const asOf of ['2024-06-30', '2024-09-30', '2022-12-31', '2025-03-01']) {
      for (const command of ['status', 'gaps', 'deadlines']) {
        for (const fmt of formats[command])
          capture(`ex.${set}.${command}.${fmt}.${asOf}.${lang}`, [command, ...where, '--format', fmt, '--as-of', asOf, ...langArgs]);
      }
      capture(`ex.${set}.status.all.${asOf}.${lang}`, ['status', ...where, '--all', '--as-of', asOf, ...langArgs]);
      capture(`ex.${set}.deadlines.within.${asOf}.${lang}`, ['deadlines', ...where, '--within', '30', '--as-of', asOf, ...langArgs]);
      capture(`ex.${set}.gaps.behind.${asOf}.${lang}`, [
        'gaps',
        ...where,
        '--status',
        'behind,missed,overdue',
        '--fail-on',
        'missed',
        '--as-of',
        asOf,
        ...langArgs,
      ]);
      capture(`ex.${set}.deadlines.status-none.${asOf}.${lang}`, ['deadlines', ...where, '--status', 'met', '--as-of', asOf, ...langArgs]);
      capture(`ex.${set}.status.status-only-deadlines.${asOf}.${lang}`, [
        'status',
        ...where,
        '--status',
        'overdue',
        '--as-of',
        asOf,
        ...langArgs,
      ]);
    }
    // explain: every target and deadline ref is too many; the first few of each
    const gaps = JSON.parse(
      capture(`ex.${set}.gaps.refs.${lang}`, [
        'gaps',
        ...where,
        '--format',
        'json',
        '--as-of',
        '2024-06-30',
        ...langArgs,
      ]).stdout.toString() || '{"targets":[]}',
    );
    const deadlines = JSON.parse(
      capture(`ex.${set}.deadlines.refs.${lang}`, [
        'deadlines',
        ...where,
        '--all',
        '--format',
        'json',
        '--as-of',
        '2024-06-30',
        ...langArgs,
      ]).stdout.toString() || '{"deadlines":[]}',
    );
    const refs = [...gaps.targets.slice(0, 4).map((t) => t.ref), ...deadlines.deadlines.slice(0, 3).map((d) => d.ref), 'no/such-ref'];
    for (const ref of refs) capture(`ex.${set}.explain.${ref}.${lang}`, ['explain', ref, ...where, '--as-of', '2024-06-30', ...langArgs]);
  }
  capture(`ex.${set}.gaps.csv-file`, ['gaps', ...where, '--format', 'csv', '-o', '@OUT', '--as-of', '2024-06-30']);
  capture(`ex.${set}.gaps.csv-file-nobom`, ['gaps', ...where, '--format', 'csv', '-o', '@OUT', '--no-bom', '--as-of', '2024-06-30']);
  capture(`ex.${set}.deadlines.csv-file`, ['deadlines', ...where, '--format', 'csv', '-o', '@OUT', '--as-of', '2024-06-30']);
  capture(`ex.${set}.status.colour`, ['status', ...where, '--as-of', '2024-06-30'], { env: { NO_COLOR: '', FORCE_COLOR: '3' } });
  capture(`ex.${set}.validate.colour`, ['validate', ...where], { env: { NO_COLOR: '', FORCE_COLOR: '3' } });
}

// the bad-input corpus (the committed cases; the generated ones need generate.mjs) and the invalid fixtures
const corpora = [
  ['bad', path.join(root, 'tests', 'bad-inputs')],
  ['invalid', path.join(root, 'tests', 'fixtures', 'invalid')],
];
for (const [label, base] of corpora) {
  for (const name of readdirSync(base).sort()) {
    const folder = path.join(base, name);
    if (
      !existsSync(folder) ||
      !statSync(folder).isDirectory() ||
      !readdirSync(folder).some((file) => /\.(plan|actuals)\.|\.ya?ml$|\.csv$/.test(file))
    )
      continue;
    for (const fmt of formats.validate)
      capture(`${label}.${name}.validate.${fmt}`, ['validate', name, '--no-config', '--format', fmt], { cwd: base });
    for (const command of ['status', 'gaps', 'deadlines'])
      capture(`${label}.${name}.${command}`, [command, name, '--no-config', '--as-of', '2024-06-30', '--format', 'json'], { cwd: base });
    capture(`${label}.${name}.status.zh`, ['status', name, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN'], { cwd: base });
  }
}

// settings and usage errors (intended changes are listed by the diff)
const usage = [
  ['status', 'examples/district-2024', '--no-config', '--as-of', '2024-13-01'],
  ['status', 'tests/fixtures/cli-invalid', '--no-config', '--as-of', '2024-13-01'],
  ['validate', 'examples', '--no-config', '--as-of', '2024-13-01', '--warn-days', 'x', '--timezone', 'Mars/Base'],
  ['gaps', 'examples', '--format', 'xml'],
  ['gaps', 'examples', '--fail-on', 'late'],
  ['gaps', 'examples', '--status', 'late'],
  ['gaps', 'examples', '--plan', 'nope'],
  ['gaps', 'examples', '--owner', 'nobody', '--lang', 'zh-CN'],
  ['deadlines', 'examples', '--within', '-3'],
  ['status', 'examples', '--warn-days', '1.5'],
  ['status', 'examples', '--timezone', 'Mars/Base', '--lang', 'zh-CN'],
  ['status', 'examples', '--lang', 'fr'],
  ['status', 'examples', '--encoding', 'klingon'],
  ['status', 'examples', '--max-file-size', '0'],
  ['status', 'no-such-folder'],
  ['status', 'README.md'],
  ['status', '--config', 'no-such.yaml'],
  ['status', '--config', 'tests/fixtures/cli/broken-config.yaml'],
  ['gaps', 'examples', '-o', 'examples/district-2024/district-2024-food-drug.plan.yaml'],
  ['explain', 'nothing', 'examples'],
  ['schema', 'nope'],
  ['schema', 'plan'],
  ['validate', 'tests/fixtures/cli-invalid', '--no-config', '--format', 'junit'],
  ['status', 'tests/fixtures/cli', '--no-config', '--as-of', '2024-06-30', '--timezone', 'Asia/Shanghai', '--warn-days', '30'],
  ['status', 'tests/fixtures/cli', '--no-config', '--timezone', 'Asia/Shanghai'],
  ['status', '--help'],
  ['gaps', '--help', '--lang', 'zh-CN'],
  ['--version'],
];
usage.forEach((args, i) => capture(`usage.${String(i).padStart(2, '0')}`, args));

rmSync(cache, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });
console.log(`${runs} runs captured in ${outDir}`);
