#!/usr/bin/env node
// A long-running fuzzer for plan-check (not part of `npm test`): it mutates the shipped examples
// (examples/**) with a seeded PRNG — byte flips, truncation, deleted and duplicated lines, swapped
// indentation, Chinese punctuation and invisible characters typed in — runs the built binary on each
// mutant and fails when a run
// (issue 22 shapes too: invisible characters in names and ids, numbers YAML misreads, periods over
// centuries with many recurring duties, thousands separators in CSV, thousands of columns, repeated
// lines and very long lines, and files with hostile or non-UTF-8 names)
//   - exits with a code other than 0, 1 or 2,
//   - prints a raw control or bidi character (standard error, text and Markdown), a SARIF artifact
//     URI that is not percent-encoded, or JUnit XML that is not well-formed,
//   - prints a stack trace ("    at …") or "internal error",
//   - takes more than 10 seconds (--timeout),
//   - or, for `validate --format json` exiting 0 or 1, prints no JSON with 1-based places.
//
//   node tests/fuzz.mjs [--runs 500] [--seed S] [--jobs N] [--timeout 10] [--only I] [--keep DIR]
//
// Every run i is derived from (seed, i) alone, so a failure is reproduced with
// `node tests/fuzz.mjs --seed S --only I`; the seed is printed at the start and with every failure,
// and the failing mutant is kept (in --keep DIR, default a folder under the system's temp dir).
// Run `npm run build` first: the fuzzer runs dist/ through bin/plan-check.js.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binPath = path.join(repoRoot, 'bin', 'plan-check.js');

// ── options ────────────────────────────────────────────────────────────────────────────────────
function parseArgs(argv) {
  const options = {
    runs: 500,
    seed: undefined,
    jobs: Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
    timeout: 10,
    only: undefined,
    keep: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--runs') options.runs = Number(value());
    else if (name === '--seed') options.seed = Number(value());
    else if (name === '--jobs') options.jobs = Number(value());
    else if (name === '--timeout') options.timeout = Number(value());
    else if (name === '--only') options.only = Number(value());
    else if (name === '--keep') options.keep = path.resolve(value());
    else if (name === '--help' || name === '-h') {
      console.log('usage: node tests/fuzz.mjs [--runs 500] [--seed S] [--jobs N] [--timeout SECONDS] [--only RUN] [--keep DIR]');
      process.exit(0);
    } else {
      console.error(`fuzz: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  for (const key of ['runs', 'jobs', 'timeout']) {
    if (!Number.isInteger(options[key]) || options[key] <= 0) {
      console.error(`fuzz: --${key} must be a positive whole number`);
      process.exit(2);
    }
  }
  if (options.seed === undefined) options.seed = Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(options.seed)) {
    console.error('fuzz: --seed must be a whole number');
    process.exit(2);
  }
  return options;
}

// ── seeded PRNG (mulberry32) ───────────────────────────────────────────────────────────────────
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** The seed of run `index`: independent of every other run, so one run can be replayed alone. */
const runSeed = (seed, index) => (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(index + 1, 40503)) >>> 0;

// ── the examples ───────────────────────────────────────────────────────────────────────────────
function exampleFolders() {
  const root = path.join(repoRoot, 'examples');
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name));
  return folders
    .map((folder) => ({
      folder,
      files: readdirSync(folder)
        .filter((name) => /\.(plan|actuals)\.(ya?ml|csv)$/.test(name))
        .sort(),
    }))
    .filter((entry) => entry.files.length > 0);
}

// ── mutations ──────────────────────────────────────────────────────────────────────────────────
const chinesePunctuation = [
  '：',
  '，',
  '。',
  '、',
  '（',
  '）',
  '“',
  '”',
  '‘',
  '’',
  '【',
  '】',
  '；',
  '！',
  '？',
  '　',
  '－',
  '＃',
  '｛',
  '｝',
  '［',
  '］',
  '％',
];
const oddCharacters = [
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u3000',
  '\t',
  '\r',
  '\u001b[31m',
  '\u202e',
  '\u0000',
  '\u2028',
  '~',
  '&a',
  '*a',
  '!!str ',
  '? ',
  '<<: ',
  '%YAML 1.1\n',
  '---\n',
  '"',
  "'",
  '#',
  '{',
  '[',
  '|',
  '>',
];

const mutations = {
  /** flip one bit of one byte */
  flipByte(bytes, rnd) {
    if (bytes.length === 0) return bytes;
    const out = Buffer.from(bytes);
    out[rnd.int(out.length)] ^= 1 << rnd.int(8);
    return out;
  },
  /** replace one byte with a random one */
  randomByte(bytes, rnd) {
    if (bytes.length === 0) return bytes;
    const out = Buffer.from(bytes);
    out[rnd.int(out.length)] = rnd.int(256);
    return out;
  },
  /** cut the file short, possibly inside a multi-byte character */
  truncate(bytes, rnd) {
    return bytes.subarray(0, rnd.int(bytes.length + 1));
  },
  deleteLines(bytes, rnd) {
    const lines = bytes.toString('utf8').split('\n');
    const start = rnd.int(lines.length);
    lines.splice(start, 1 + rnd.int(3));
    return Buffer.from(lines.join('\n'));
  },
  duplicateLine(bytes, rnd) {
    const lines = bytes.toString('utf8').split('\n');
    const at = rnd.int(lines.length);
    lines.splice(at, 0, lines[at]);
    return Buffer.from(lines.join('\n'));
  },
  swapLines(bytes, rnd) {
    const lines = bytes.toString('utf8').split('\n');
    const a = rnd.int(lines.length);
    const b = rnd.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return Buffer.from(lines.join('\n'));
  },
  /** change a line's indentation: more, less, a tab, or full-width spaces */
  swapIndentation(bytes, rnd) {
    const lines = bytes.toString('utf8').split('\n');
    const at = rnd.int(lines.length);
    const body = lines[at].replace(/^[ \t\u3000]*/, '');
    const indent = lines[at].length - body.length;
    const choice = rnd.int(5);
    const next =
      choice === 0
        ? ' '.repeat(indent + 1 + rnd.int(4))
        : choice === 1
          ? ' '.repeat(Math.max(0, indent - 1 - rnd.int(4)))
          : choice === 2
            ? '\t'.repeat(1 + rnd.int(2))
            : choice === 3
              ? '\u3000'.repeat(Math.max(1, Math.floor(indent / 2)))
              : lines[rnd.int(lines.length)].match(/^[ \t]*/)[0];
    lines[at] = next + body;
    return Buffer.from(lines.join('\n'));
  },
  /** what a Chinese input method types: full-width punctuation, often in place of ASCII */
  chinesePunctuation(bytes, rnd) {
    const text = bytes.toString('utf8');
    const ascii = [':', ',', '(', ')', '"', '%', '[', ']', '{', '}', ' ', '-'];
    const fullWidth = ['：', '，', '（', '）', '“', '％', '［', '］', '｛', '｝', '　', '－'];
    if (rnd.chance(0.5)) {
      const which = rnd.int(ascii.length);
      const positions = [];
      for (let i = text.indexOf(ascii[which]); i >= 0 && positions.length < 2000; i = text.indexOf(ascii[which], i + 1)) positions.push(i);
      if (positions.length > 0) {
        const at = rnd.pick(positions);
        return Buffer.from(text.slice(0, at) + fullWidth[which] + text.slice(at + 1));
      }
    }
    const at = rnd.int(text.length + 1);
    return Buffer.from(text.slice(0, at) + rnd.pick(chinesePunctuation) + text.slice(at));
  },
  /** an invisible, control or YAML-significant character somewhere */
  insertOdd(bytes, rnd) {
    const text = bytes.toString('utf8');
    const at = rnd.int(text.length + 1);
    return Buffer.from(text.slice(0, at) + rnd.pick(oddCharacters) + text.slice(at));
  },
  /** a figure or date made absurd */
  bendNumber(bytes, rnd) {
    const text = bytes.toString('utf8');
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0) return bytes;
    const match = rnd.pick(numbers);
    const replacement = rnd.pick([
      '0',
      '-1',
      '99999999999999999999',
      '1e400',
      '.nan',
      '45076',
      '1.2万',
      '１９００',
      '1,900',
      '00',
      String(rnd.int(100000)),
      '9'.repeat(50 + rnd.int(500)),
    ]);
    return Buffer.from(text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length));
  },
  /** an invisible character (Default_Ignorable_Code_Point) inside a unit name or an id: removed with a warning */
  invisibleInName(bytes, rnd) {
    const text = bytes.toString('utf8');
    const places = [...text.matchAll(/(?:lead|owner|support|reported_by|填报单位|id|target|plan): *"?([^",}\]\n]{2,})/g)];
    if (places.length === 0) return bytes;
    const match = rnd.pick(places);
    const at = match.index + match[0].length - 1 - rnd.int(Math.max(1, match[1].length - 1));
    const invisible = rnd.pick([
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\u00ad',
      '\ufeff',
      '\u202e',
      '\u2066',
      '\ufe0f',
      '\u{e0041}',
      '\u034f',
      '\u3164',
    ]);
    return Buffer.from(text.slice(0, at) + invisible + text.slice(at));
  },
  /** a number YAML misreads (0x10, 0o17, 1e-400) or cannot hold (1e400) */
  yamlNumberForm(bytes, rnd) {
    const text = bytes.toString('utf8');
    const numbers = [...text.matchAll(/(?<=: *)\d+(?:\.\d+)?(?=[ ,}\n])/g)];
    if (numbers.length === 0) return bytes;
    const match = rnd.pick(numbers);
    return Buffer.from(
      text.slice(0, match.index) +
        rnd.pick(['0x10', '0o17', '1e-400', '1e400', '-0x1F', '2e-999']) +
        text.slice(match.index + match[0].length),
    );
  },
  /** a period over many years, and duties that recur over it: bounded (period-too-long, too-many-deadlines) */
  longPeriod(bytes, rnd) {
    let text = bytes.toString('utf8');
    if (!/^period:/m.test(text)) return bytes;
    const years = rnd.pick([
      ['0001', '9999'],
      ['2021', '2030'],
      ['2021', '2031'],
      ['2024', '2204'],
    ]);
    text = text.replace(/(start: )\d{4}/, `$1${years[0]}`).replace(/(end: )\d{4}/, `$1${years[1]}`);
    if (rnd.chance(0.7)) {
      const owners = Array.from({ length: 1 + rnd.int(40) }, (_, i) => `单位${i}`).join(', ');
      const duties = Array.from(
        { length: 1 + rnd.int(60) },
        (_, d) =>
          `  - { id: fz${d}, title: 周报${d}, owner: [${owners}], every: week, day: ${1 + (d % 7)}${rnd.chance(0.3) ? ', start: 0001-01-01, until: 9999-12-31' : ''} }`,
      ).join('\n');
      text = /^duties:/m.test(text) ? text.replace(/^duties:\n/m, `duties:\n${duties}\n`) : `${text.trimEnd()}\nduties:\n${duties}\n`;
    }
    return Buffer.from(text);
  },
  /** a CSV value as Excel writes it with thousands separators, or an ambiguous grouping */
  thousandsInCsv(bytes, rnd) {
    const text = bytes.toString('utf8');
    const numbers = [...text.matchAll(/(?<=,)\d+(?=,)/g)];
    if (numbers.length === 0) return bytes;
    const match = rnd.pick(numbers);
    return Buffer.from(
      text.slice(0, match.index) +
        rnd.pick(['"1,900"', '"12,345,678"', '"1,900.5"', '"1,90"', '"1,9000"', '1,900', '"1,000%"']) +
        text.slice(match.index + match[0].length),
    );
  },
  /** many columns, rows or names: shapes that could grow quadratically */
  growShape(bytes, rnd) {
    const text = bytes.toString('utf8');
    const lines = text.split('\n');
    const choice = rnd.int(3);
    if (choice === 0 && lines.length > 0) {
      // thousands of columns (unknown in CSV, flow entries in YAML) on the first line
      lines[0] += Array.from({ length: 2000 + rnd.int(8000) }, (_, i) => `,x${i}`).join('');
      return Buffer.from(lines.join('\n'));
    }
    if (choice === 1) {
      // one line repeated thousands of times (duplicate ids, duplicate rows)
      const at = rnd.int(lines.length);
      lines.splice(at, 0, ...Array(2000 + rnd.int(20000)).fill(lines[at]));
      return Buffer.from(lines.join('\n'));
    }
    // one very long line
    const at = rnd.int(lines.length);
    lines[at] += 'x'.repeat(50_000 + rnd.int(200_000));
    return Buffer.from(lines.join('\n'));
  },
  /** Windows or old-Mac line endings */
  lineEndings(bytes, rnd) {
    const text = bytes.toString('utf8');
    return Buffer.from(text.replace(/\n/g, rnd.chance(0.5) ? '\r\n' : '\r'));
  },
  /** re-encode the file as something that is not UTF-8 */
  reencode(bytes, rnd) {
    const text = bytes.toString('utf8');
    const choice = rnd.int(3);
    if (choice === 0) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    if (choice === 1) return Buffer.from(text, 'latin1');
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  },
};
const mutationNames = Object.keys(mutations);
// byte-level and line-level mutations are the common ones; re-encoding only now and then
const weights = { reencode: 0.3, lineEndings: 0.5, truncate: 0.7, growShape: 0.3, longPeriod: 0.5 };

/** File names a zip or a hostile pull request brings: controls, a line feed, bidi, GBK bytes (not UTF-8). */
const hostileNames = [
  Buffer.from('x\u001b[31m\u001b]0;t\u0007'),
  Buffer.from('a\r\nforged.plan.yaml:1:1  error  '),
  Buffer.from('\u202eevil\u2066'),
  Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
  Buffer.from('@all <b>&"\''),
];

function pickMutation(rnd) {
  for (;;) {
    const name = rnd.pick(mutationNames);
    if (rnd.next() < (weights[name] ?? 1)) return name;
  }
}

/** Build mutant `index`: a copy of one example folder with one to four mutations in one or two files. */
function makeMutant(examples, seed, index, dir) {
  const rnd = prng(runSeed(seed, index));
  const example = rnd.pick(examples);
  cpSync(example.folder, dir, { recursive: true });
  const applied = [];
  const targets = rnd.chance(0.8) ? [rnd.pick(example.files)] : [rnd.pick(example.files), rnd.pick(example.files)];
  for (const file of targets) {
    const full = path.join(dir, file);
    let bytes = readFileSync(full);
    const count = 1 + rnd.int(4);
    for (let i = 0; i < count; i += 1) {
      const name = pickMutation(rnd);
      bytes = mutations[name](bytes, rnd);
      applied.push(`${file}:${name}`);
    }
    writeFileSync(full, bytes);
  }
  // now and then a file gets a hostile name (kept as bytes: a GBK name is not valid UTF-8)
  if (rnd.chance(0.15)) {
    const file = rnd.pick(example.files);
    const name = rnd.pick(hostileNames);
    const renamed = Buffer.concat([Buffer.from(`${dir}/`), name, Buffer.from(file)]);
    renameSync(path.join(dir, file), renamed);
    applied.push(`${file}:hostileName`);
  }
  const command = rnd.pick([
    'validate-json',
    'validate-json',
    'validate-text',
    'validate-sarif',
    'validate-junit',
    'gaps-csv',
    'status',
    'status-md',
  ]);
  return { example: path.relative(repoRoot, example.folder), applied, command };
}

// ── running the binary ─────────────────────────────────────────────────────────────────────────
function runBinary(args, cwd, seconds) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, seconds * 1000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        status,
        signal,
        timedOut,
        seconds: (Date.now() - started) / 1000,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function argsFor(command, dir) {
  const common = ['--no-config', '--as-of', '2024-06-30'];
  if (command === 'validate-json') return ['validate', dir, '--format', 'json', '--no-config'];
  if (command === 'validate-text') return ['validate', dir, '--no-config'];
  if (command === 'validate-sarif') return ['validate', dir, '--format', 'sarif', '--no-config'];
  if (command === 'validate-junit') return ['validate', dir, '--format', 'junit', '--no-config'];
  if (command === 'status-md') return ['status', dir, '--all', '--format', 'md', ...common];
  if (command === 'gaps-csv') return ['gaps', dir, '--format', 'csv', '-o', path.join(path.dirname(dir), 'out.csv'), ...common];
  return ['status', dir, '--all', ...common];
}

/** What no human format may print raw: C0/C1 controls (but tab and LF), bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What is wrong with one run, or undefined. */
function problemWith(result, command, timeout) {
  if (result.timedOut) return `took more than ${timeout} s`;
  if (![0, 1, 2].includes(result.status)) return `exit code ${result.status ?? `signal ${result.signal}`}`;
  const stack = /^\s+at .+[:(].*\d+:\d+\)?$/m;
  if (stack.test(result.stderr) || stack.test(result.stdout)) return 'stack trace printed';
  if (/internal error/i.test(result.stderr + result.stdout)) return '"internal error" printed';
  if (RAW_CONTROL.test(result.stderr)) return 'a raw control or bidi character on standard error';
  if (['validate-text', 'status', 'status-md'].includes(command) && RAW_CONTROL.test(result.stdout))
    return `a raw control or bidi character in ${command}`;
  if (command === 'validate-sarif' && result.status !== 2) {
    try {
      const log = JSON.parse(result.stdout);
      const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
      if (uris.some((uri) => !/^[\x21-\x7e]+$/.test(uri))) return 'a SARIF artifact URI that is not percent-encoded';
      if (log.runs[0].results.some((r) => RAW_CONTROL.test(r.message.text))) return 'a raw control character in a SARIF message';
    } catch {
      return 'validate --format sarif printed no SARIF';
    }
  }
  if (command === 'validate-junit' && result.status !== 2 && XMLValidator.validate(result.stdout) !== true)
    return 'validate --format junit printed XML that is not well-formed';
  if (command === 'validate-json' && result.status !== 2) {
    let output;
    try {
      output = JSON.parse(result.stdout);
    } catch {
      return 'validate --format json printed no JSON';
    }
    const bad = (output.diagnostics ?? []).find(
      (d) => !(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1 && typeof d.code === 'string'),
    );
    if (bad) return `a diagnostic without a 1-based place: ${JSON.stringify(bad)}`;
    if ((output.valid === true) !== (result.status === 0)) return `"valid": ${output.valid} but exit code ${result.status}`;
  }
  return undefined;
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────
async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(repoRoot, 'dist', 'cli.cjs'))) {
    console.error('fuzz: dist/cli.cjs is missing: run `npm run build` first');
    process.exit(2);
  }
  const examples = exampleFolders();
  const work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-fuzz-'));
  const keep = options.keep ?? path.join(os.tmpdir(), `plan-check-fuzz-failures-${options.seed}`);
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.runs }, (_, i) => i);
  console.log(`plan-check fuzz: seed ${options.seed}, ${indexes.length} runs, ${options.jobs} at a time, ${options.timeout} s each`);

  const failures = [];
  let done = 0;
  let slowest = 0;
  const exitCodes = { 0: 0, 1: 0, 2: 0 };
  let nextIndex = 0;
  const startedAt = Date.now();

  async function worker() {
    while (nextIndex < indexes.length) {
      const index = indexes[nextIndex];
      nextIndex += 1;
      const runDir = path.join(work, `run-${index}`);
      const dir = path.join(runDir, 'case');
      mkdirSync(runDir, { recursive: true });
      const mutant = makeMutant(examples, options.seed, index, dir);
      const args = argsFor(mutant.command, dir);
      const result = await runBinary(args, runDir, options.timeout);
      slowest = Math.max(slowest, result.seconds);
      if (result.status in exitCodes) exitCodes[result.status] += 1;
      const problem = problemWith(result, mutant.command, options.timeout);
      if (problem) {
        const kept = path.join(keep, `run-${index}`);
        mkdirSync(kept, { recursive: true });
        cpSync(dir, kept, { recursive: true });
        failures.push({ index, problem, mutant, kept });
        console.log(`\nFAIL run ${index} (seed ${options.seed}): ${problem}`);
        console.log(`  example ${mutant.example}; mutations ${mutant.applied.join(', ')}`);
        console.log(`  plan-check ${args.map((a) => (a === dir ? kept : a)).join(' ')}`);
        console.log(`  mutant kept in ${kept}`);
        console.log(`  reproduce: node tests/fuzz.mjs --seed ${options.seed} --only ${index}`);
        const stderr = result.stderr.trim().split('\n').slice(0, 12).join('\n    ');
        if (stderr) console.log(`  stderr:\n    ${stderr}`);
      }
      rmSync(runDir, { recursive: true, force: true });
      done += 1;
      if (process.stdout.isTTY) process.stdout.write(`\r${done}/${indexes.length} runs, ${failures.length} failed`);
      else if (done % 50 === 0 || done === indexes.length) console.log(`${done}/${indexes.length} runs, ${failures.length} failed`);
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(options.jobs, indexes.length) }, worker));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const minutes = ((Date.now() - startedAt) / 60000).toFixed(1);
  console.log(
    `done in ${minutes} min: exit 0 ×${exitCodes[0]}, exit 1 ×${exitCodes[1]}, exit 2 ×${exitCodes[2]}; slowest run ${slowest.toFixed(1)} s`,
  );
  if (failures.length > 0) {
    console.log(
      `${failures.length} failing run(s), seed ${options.seed}: ${failures
        .map((f) => f.index)
        .sort((a, b) => a - b)
        .join(', ')}`,
    );
    console.log(`mutants kept in ${keep}`);
    process.exit(1);
  }
  console.log(`no failures (seed ${options.seed})`);
}

main().catch((error) => {
  console.error(`fuzz: ${error?.stack ?? error}`);
  process.exit(2);
});
