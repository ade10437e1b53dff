// npm run bench: whole-process wall time (median of N runs after a warm-up) and peak memory of
// plan-check scenarios, each reported as a ratio to a baseline measured in the same run: the floor
// `node -e ""`, the peers (ajv-cli and Stoplight Spectral applying the same JSON Schema to the same
// files), or plan-check itself on the same input in another format.
// BENCH_RUNS (default 10) sets the runs of light scenarios; heavy ones (marked) use at most 3.
// `--smoke` runs one tiny scenario with 2 runs, only to prove the harness works (CI).
// `--only xlsx` runs only the XLSX scenario: status on 30,000 rows in .xlsx against the same rows in CSV.
// `--only papers` runs only the XLSX papers: gaps --format xlsx against gaps --format csv on the same input.
// `--only hostile` runs only the hostile rows (also part of the full run): the bad-input corpus's
// inputs at scale (tests/bad-inputs/generate.mjs), each asserted to finish within 20 s and 1 GB of
// peak memory; the bench exits 1 when one does not.
// Peers are installed on first use into bench/.peers (npm registry); without them their rows say so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeScenario } from './generate.mjs';
import { generate } from '../tests/bad-inputs/generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin', 'plan-check.js');
const smoke = process.argv.includes('--smoke');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const onlyXlsx = only === 'xlsx';
const onlyPapers = only === 'papers';
const onlyHostile = only === 'hostile';
const runs = smoke ? 2 : Number(process.env.BENCH_RUNS ?? 10);
const heavyRuns = Math.min(runs, 3);
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-bench-'));
const cacheDir = path.join(work, 'cache');

// GNU time reports peak memory (Debian package "time"); without it only wall time is measured
const gnuTime = existsSync('/usr/bin/time');

function measure(command, args, { cwd = root, runCount = runs, env = {} } = {}) {
  const times = [];
  let peakKb = 0;
  for (let i = 0; i <= runCount; i += 1) {
    const started = process.hrtime.bigint();
    const [program, programArgs] = gnuTime ? ['/usr/bin/time', ['-f', '%M', command, ...args]] : [command, args];
    const result = spawnSync(program, programArgs, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PLAN_CHECK_CACHE_DIR: cacheDir, ...env },
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
    if (gnuTime) peakKb = Math.max(peakKb, Number(result.stderr.trim().split('\n').pop()) || 0);
    if (i > 0) times.push(seconds); // the first run is the warm-up (and fills the cache)
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], peakMb: gnuTime ? Math.round(peakKb / 1024) : null, runs: runCount };
}

const scenarios = [];
const find = (name) => scenarios.find((s) => s.name === name);
function add(name, args, baseline, options = {}) {
  const result = measure(options.command ?? process.execPath, options.command ? args : [cli, ...args], options);
  const base = baseline ? find(baseline) : undefined;
  scenarios.push({ name, ...result, baseline, ratio: base ? result.median / base.median : 1 });
  process.stderr.write(`  ${name}: ${result.median.toFixed(3)} s\n`);
}
function skip(name, why) {
  scenarios.push({ name, median: null, peakMb: null, baseline: null, ratio: null, note: why });
}

/** ajv-cli and Spectral in bench/.peers, installed once; undefined when the registry is out of reach. */
function peers() {
  const folder = path.join(root, 'bench', '.peers');
  const bin = (name) => path.join(folder, 'node_modules', '.bin', name);
  if (!existsSync(bin('ajv')) || !existsSync(bin('spectral'))) {
    mkdirSync(folder, { recursive: true });
    const install = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        folder,
        'ajv-cli@5',
        '@stoplight/spectral-cli@6',
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (install.status !== 0) return undefined;
  }
  // Spectral applies the plan schema through its `schema` function (inlined: it does not follow $id)
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'plan.schema.json'), 'utf8'));
  delete schema.$schema;
  delete schema.$id;
  const ruleset = path.join(work, 'spectral-ruleset.json');
  writeFileSync(
    ruleset,
    JSON.stringify({
      rules: {
        'plan-schema': {
          severity: 'error',
          given: '$',
          then: { function: 'schema', functionOptions: { dialect: 'draft2020-12', schema } },
        },
      },
    }),
  );
  return { ajv: bin('ajv'), spectral: bin('spectral'), ruleset };
}

/** The CSV actuals as a workbook, as a department's Excel would hold them. */
async function writeWorkbook(csvFile, xlsxFile) {
  const { createRequire } = await import('node:module');
  const ExcelJS = createRequire(import.meta.url)('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报送');
  const [header, ...lines] = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
  sheet.addRow(header.split(','));
  for (const line of lines) {
    const [plan, ref, date, value, unit, note] = line.split(',');
    const [year, month, day] = date.split('-').map(Number);
    sheet.addRow([plan, ref, new Date(Date.UTC(year, month - 1, day)), /^\d+$/.test(value) ? Number(value) : value, unit, note || null]);
  }
  await book.xlsx.writeFile(xlsxFile);
}

/**
 * The meeting papers against CSV of the same rows: gaps --format xlsx (exceljs loaded, styled
 * cells, zipped), report (the HTML page) and report --format xlsx (the four-sheet workbook), each
 * as a ratio to gaps --format csv, on the shipped examples and on 5,000 targets.
 */
function paperRows(heavy) {
  const inputs = [
    ['the examples', 'examples', {}],
    ['5,000 targets', writeScenario(path.join(work, 'papers-5000'), { tasks: Math.round(5000 / 1.5) }), heavy],
  ];
  for (const [label, folder, options] of inputs) {
    const common = [folder, '--as-of', '2024-06-30', '--no-config', '--no-cache'];
    const csvName = `gaps --format csv -o, ${label}, no cache`;
    add(csvName, ['gaps', ...common, '--format', 'csv', '-o', path.join(work, 'paper.csv')], floor, options);
    add(
      `gaps --format xlsx -o, ${label}, no cache`,
      ['gaps', ...common, '--format', 'xlsx', '-o', path.join(work, 'paper.xlsx')],
      csvName,
      options,
    );
    add(`report (HTML) -o, ${label}, no cache`, ['report', ...common, '-o', path.join(work, 'report.html')], csvName, options);
    add(
      `report --format xlsx -o, ${label}, no cache`,
      ['report', ...common, '--format', 'xlsx', '-o', path.join(work, 'report.xlsx')],
      csvName,
      options,
    );
  }
}

/** What every hostile input must stay within (issue 22: within 20 s and 1 GB). */
const HOSTILE_SECONDS = 20;
const HOSTILE_MB = 1024;
const overLimits = [];

/**
 * The bad-input corpus's large shapes, each through the command that would suffer: every row
 * asserted within HOSTILE_SECONDS and HOSTILE_MB (the process's peak resident memory).
 */
function hostileRows() {
  const folder = path.join(work, 'hostile');
  mkdirSync(folder, { recursive: true });
  const cases = [
    ['csv-10k-unknown-columns', 'validate, 10,000 unknown CSV columns (text)', ['validate']],
    ['yaml-one-long-line', 'validate, a 110 KB one-line plan (text)', ['validate']],
    ['duplicate-ids-20k', 'validate, 20,000 duplicate task ids (text)', ['validate']],
    ['aliases-50k', 'validate, 5,000 unregistered units against 50,000 registry names (text)', ['validate']],
    ['csv-50k-misspelt-rows', 'validate, 50,000 rows with a misspelt plan id (text)', ['validate']],
    ['duties-weekly-many', 'status, 300 weekly duties × 20 owners over 10 years', ['status', '--as-of', '2024-06-30']],
    ['keys-200k-unknown', 'validate, 200,000 unknown keys (text)', ['validate']],
    ['deep-twenty-files', 'validate, twenty files nested 3,000 deep (text)', ['validate']],
    ['alias-billion-laughs', 'validate, billion laughs (text)', ['validate']],
  ];
  for (const [name, label, [command, ...rest]] of cases) {
    generate(name, folder);
    add(`hostile: ${label}`, [command, path.join(folder, name), ...rest, '--no-config', '--no-cache'], floor, { runCount: heavyRuns });
  }
  // the most deadlines a plan may hold: 9 weekly duties × 20 owners × 522 weeks ≈ 94,000, all in JSON
  const nearCap = path.join(folder, 'deadlines-near-cap');
  mkdirSync(nearCap, { recursive: true });
  const owners = Array.from({ length: 20 }, (_, i) => `单位${i}`).join(', ');
  const duties = Array.from(
    { length: 9 },
    (_, d) => `  - { id: d${d}, title: 周报${d}, owner: [${owners}], every: week, day: ${1 + (d % 5)} }`,
  ).join('\n');
  writeFileSync(
    path.join(nearCap, 'x.plan.yaml'),
    `format: plan/1\nid: weekly\ntitle: 周报\nperiod: { start: 2021-01-01, end: 2030-12-31 }\nduties:\n${duties}\n`,
  );
  add(
    'hostile: status --format json, ~94,000 duty deadlines (just under the cap)',
    ['status', nearCap, '--format', 'json', '--as-of', '2024-06-30', '--no-config', '--no-cache'],
    floor,
    { runCount: heavyRuns },
  );
  // plan-check draft on texts shaped to hurt a reader of documents: one number repeated 20,000 times
  // (task ids), the same with no line breaks (the heading look-behind), a plan of 2,000 numbered tasks
  const drafts = path.join(folder, 'draft');
  mkdirSync(drafts, { recursive: true });
  const repeated = `${'一、'}${'食'.repeat(15)}`;
  writeFileSync(path.join(drafts, 'repeated-lines.txt'), Array.from({ length: 20000 }, () => repeated).join('\n'));
  writeFileSync(path.join(drafts, 'repeated-one-line.txt'), repeated.repeat(20000));
  const task = (n) =>
    `${n}.加强抽检。全年抽检不少于${n}00批次，合格率达到98%以上，每月10日前报送进展。（牵头单位：区市场监管局；责任单位：区卫健局、各街道）`;
  writeFileSync(
    path.join(drafts, 'tasks-2000.txt'),
    `2024年全区食品安全工作要点\n\n${Array.from({ length: 20 }, (_, s) => `${'一二三四五六七八九十'[s % 10]}、重点工作${s}\n${Array.from({ length: 100 }, (_, t) => task(s * 100 + t + 1)).join('\n')}`).join('\n')}\n`,
  );
  for (const [name, label] of [
    ['repeated-lines.txt', '20,000 items numbered 一、 (1 MB)'],
    ['repeated-one-line.txt', 'the same on one line, no breaks'],
    ['tasks-2000.txt', '2,000 numbered tasks with targets, duties and units'],
  ])
    add(`hostile: draft, ${label}`, ['draft', path.join(drafts, name)], floor, { runCount: heavyRuns });
  for (const row of scenarios.filter((s) => s.name.startsWith('hostile: '))) {
    if (row.median > HOSTILE_SECONDS || (row.peakMb !== null && row.peakMb > HOSTILE_MB))
      overLimits.push(`${row.name}: ${row.median.toFixed(1)} s, ${row.peakMb} MB`);
  }
}

const floor = 'node -e ""';
add(floor, ['-e', ''], undefined, { command: process.execPath });
if (onlyHostile) {
  hostileRows();
} else if (onlyXlsx) {
  // the same 30,000 rows as CSV and as a workbook: dates as date cells, counts as numbers, fractions as text
  const csvFolder = writeScenario(path.join(work, 'rows-csv-30000'), { tasks: 2000, rows: 30000 });
  const xlsxFolder = path.join(work, 'rows-xlsx-30000');
  mkdirSync(xlsxFolder, { recursive: true });
  writeFileSync(path.join(xlsxFolder, 'bench-1.plan.yaml'), readFileSync(path.join(csvFolder, 'bench-1.plan.yaml')));
  await writeWorkbook(path.join(csvFolder, 'bench-1.actuals.csv'), path.join(xlsxFolder, 'bench-1.actuals.xlsx'));
  const heavy = { runCount: heavyRuns };
  const csvName = 'status, 30,000 CSV rows, no cache';
  add(csvName, ['status', csvFolder, '--as-of', '2024-09-30', '--no-config', '--no-cache'], floor, heavy);
  add(
    'status, 30,000 XLSX rows (same rows), no cache',
    ['status', xlsxFolder, '--as-of', '2024-09-30', '--no-config', '--no-cache'],
    csvName,
    heavy,
  );
} else if (onlyPapers) {
  paperRows({ runCount: heavyRuns });
} else if (smoke) {
  const tiny = writeScenario(path.join(work, 'tiny'), { tasks: 20, rows: 100 });
  add('status, 20 tasks, 100 rows', ['status', tiny, '--as-of', '2024-06-30', '--no-config'], floor);
} else {
  // start-up: the shipped examples, without and with the parse cache
  add('status on the examples, no cache', ['status', '--no-cache'], floor);
  add('status on the examples, warm cache', ['status'], floor);
  add('validate the examples, no cache', ['validate', 'examples', '--no-cache'], floor);

  // validation at scale, against the peers on the same files
  const tenPlans = writeScenario(path.join(work, 'ten-plans'), { plans: 10, tasks: 2500 });
  const onePlan = writeScenario(path.join(work, 'one-plan'), { plans: 1, tasks: 25000 });
  const peer = peers();
  const heavy = { runCount: heavyRuns };
  if (peer) {
    add(
      'ajv-cli validate, 10 plans × 2,500 tasks',
      [
        'validate',
        '--spec=draft2020',
        '--strict=false',
        '--all-errors',
        '-s',
        path.join(root, 'schemas', 'plan.schema.json'),
        '-d',
        path.join(tenPlans, '*.plan.yaml'),
      ],
      floor,
      { command: peer.ajv, ...heavy },
    );
    add('spectral lint, 10 plans × 2,500 tasks', ['lint', '-q', '-r', peer.ruleset, path.join(tenPlans, '*.plan.yaml')], floor, {
      command: peer.spectral,
      ...heavy,
    });
  } else {
    skip('ajv-cli / spectral', 'peers could not be installed (no registry?)');
  }
  const peerBase = peer ? 'ajv-cli validate, 10 plans × 2,500 tasks' : floor;
  add('validate 10 plans × 2,500 tasks, no cache', ['validate', tenPlans, '--no-config', '--no-cache'], peerBase, heavy);
  add('validate 10 plans × 2,500 tasks, warm cache', ['validate', tenPlans, '--no-config'], peerBase, heavy);
  add('validate 1 plan × 25,000 tasks, no cache', ['validate', onePlan, '--no-config', '--no-cache'], floor, heavy);

  // scaling series: 1×, 2×, 4×, 8× the input
  const series = [];
  for (const factor of [1, 2, 4, 8]) {
    const folder = writeScenario(path.join(work, `scale-${factor}`), { tasks: 500 * factor, rows: 5000 * factor });
    const name = `status, ${500 * factor} tasks, ${5000 * factor} CSV rows, no cache`;
    add(name, ['status', folder, '--as-of', '2024-09-30', '--no-config', '--no-cache'], floor);
    series.push(name);
  }
  const first = find(series[0]);
  const last = find(series[series.length - 1]);
  scenarios.push({
    name: 'scaling: 8× input / 1× input',
    median: last.median,
    peakMb: last.peakMb,
    baseline: series[0],
    ratio: last.median / first.median,
  });

  // many reported rows, CSV and YAML
  for (const [rows, format] of [
    [30000, 'csv'],
    [300000, 'csv'],
    [30000, 'yaml'],
    [300000, 'yaml'],
  ]) {
    const folder = writeScenario(path.join(work, `rows-${format}-${rows}`), { tasks: 2000, rows, actuals: format });
    // 300,000 YAML rows are 27 MB, above the default 20 MiB limit
    const big = ['--max-file-size', String(100 * 2 ** 20)];
    add(
      `status, ${rows.toLocaleString('en-US')} ${format.toUpperCase()} rows, no cache`,
      ['status', folder, '--as-of', '2024-09-30', '--no-config', '--no-cache', ...big],
      floor,
      heavy,
    );
    add(
      `gaps --format csv, ${rows.toLocaleString('en-US')} ${format.toUpperCase()} rows, no cache`,
      ['gaps', folder, '--format', 'csv', '--as-of', '2024-09-30', '--no-config', '--no-cache', ...big],
      floor,
      heavy,
    );
  }

  // terminal tables against CSV on the same targets (issue: 25k rows in about a second)
  for (const targets of [1000, 5000, 25000]) {
    const folder = writeScenario(path.join(work, `gaps-${targets}`), { tasks: Math.round(targets / 1.5) });
    const options = targets > 5000 ? heavy : {};
    add(
      `gaps --format csv, ${targets.toLocaleString('en-US')} targets, no cache`,
      ['gaps', folder, '--format', 'csv', '--as-of', '2024-06-30', '--no-config', '--no-cache'],
      floor,
      options,
    );
    add(
      `gaps --format table, ${targets.toLocaleString('en-US')} targets, no cache`,
      ['gaps', folder, '--as-of', '2024-06-30', '--no-config', '--no-cache'],
      `gaps --format csv, ${targets.toLocaleString('en-US')} targets, no cache`,
      options,
    );
    add(
      `gaps --format table, ${targets.toLocaleString('en-US')} targets, warm cache`,
      ['gaps', folder, '--as-of', '2024-06-30', '--no-config'],
      `gaps --format csv, ${targets.toLocaleString('en-US')} targets, no cache`,
      options,
    );
  }
  const table1k = find('gaps --format table, 1,000 targets, no cache');
  const table5k = find('gaps --format table, 5,000 targets, no cache');
  const table25k = find('gaps --format table, 25,000 targets, no cache');
  scenarios.push({
    name: 'table scaling: 5× rows (5k / 1k)',
    median: table5k.median,
    peakMb: table5k.peakMb,
    baseline: table1k.name,
    ratio: table5k.median / table1k.median,
  });
  scenarios.push({
    name: 'table scaling: 5× rows (25k / 5k)',
    median: table25k.median,
    peakMb: table25k.peakMb,
    baseline: table5k.name,
    ratio: table25k.median / table5k.median,
  });

  paperRows(heavy);
  hostileRows();
}

const cpu = os.cpus();
const lines = [
  `plan-check bench — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${runs} runs after a warm-up (heavy: ${heavyRuns})`,
  '',
  '| scenario | median s | peak MB | ratio | baseline |',
  '| --- | ---: | ---: | ---: | --- |',
];
for (const s of scenarios) {
  lines.push(
    s.median === null
      ? `| ${s.name} | — | — | — | ${s.note} |`
      : `| ${s.name} | ${s.median.toFixed(3)} | ${s.peakMb ?? '—'} | ${s.ratio.toFixed(2)} | ${s.baseline ?? '—'} |`,
  );
}
console.log(lines.join('\n'));
writeFileSync(
  path.join(
    root,
    'bench',
    smoke
      ? 'results-smoke.json'
      : onlyXlsx
        ? 'results-xlsx.json'
        : onlyPapers
          ? 'results-papers.json'
          : onlyHostile
            ? 'results-hostile.json'
            : 'results.json',
  ),
  `${JSON.stringify({ node: process.version, cpus: cpu.length, runs, heavyRuns, scenarios }, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
if (overLimits.length > 0) {
  console.error(`hostile inputs over ${HOSTILE_SECONDS} s or ${HOSTILE_MB} MB:\n  ${overLimits.join('\n  ')}`);
  process.exitCode = 1;
}
