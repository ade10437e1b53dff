// -o writes only a regular file or a new path, keeps the mode and owner of the report it replaces,
// and leaves no temporary file behind: not on an error, not on SIGINT/SIGTERM/SIGHUP (issue 22).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';
import { temporaryNameFor, writeFileAtomic } from '../src/io/write-output.js';

let work: string;
const demoFiles = ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv'];
const temporaries = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-outputs-'));
  for (const name of demoFiles) cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(work, name));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const gaps = (args: string[]) =>
  runCli(['gaps', '.', '--format', 'csv', '--as-of', '2024-06-30', '--no-config', '--no-cache', ...args], { cwd: work });

describe('-o: only a regular file or a new path', () => {
  it('refuses a character device, and /dev/null stays a device', async () => {
    const result = await gaps(['-o', '/dev/null']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Refusing to write \/dev\/null: it is a device, not a regular file/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const zh = await gaps(['-o', '/dev/null', '--lang', 'zh-CN']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/拒绝写入 \/dev\/null：它是设备文件，不是普通文件/);
  });

  it('refuses a FIFO, a socket, a folder and a link to a device, leaving each as it was', async () => {
    const fifo = path.join(work, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(work, 'folder.csv');
    mkdirSync(folder);
    const socketPath = path.join(work, 'sock.csv');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    symlinkSync('/dev/null', path.join(work, 'null-link.csv'));
    try {
      for (const [name, kind] of [
        ['pipe.csv', 'named pipe'],
        ['sock.csv', 'socket'],
        ['folder.csv', 'folder'],
        ['null-link.csv', 'device'],
      ] as const) {
        const result = await gaps(['-o', name]);
        expect(result.status, name).toBe(2);
        expect(result.stderr, name).toContain(`it is a ${kind}`);
      }
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(lstatSync(socketPath).isSocket()).toBe(true);
      expect(readdirSync(folder)).toEqual([]);
      expect(lstatSync(path.join(work, 'null-link.csv')).isSymbolicLink()).toBe(true);
      expect(temporaries(work)).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('"-o -" writes to standard output and no file', async () => {
    const result = await gaps(['-o', '-']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('ref,plan,')).toBe(true);
    expect(existsSync(path.join(work, '-'))).toBe(false);
  });

  it('shows a path with control characters escaped: a line feed cannot forge a line', async () => {
    const result = await gaps(['-o', 'x\n\u001b[31mdemo.plan.yaml:1:1 error\u202e/y.csv']);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('x\\u000a\\u001b[31mdemo.plan.yaml:1:1 error\\u202e/y.csv');
  });
});

describe('-o over an older report', () => {
  it('keeps its mode (0600) and its owner', async () => {
    const report = path.join(work, 'private.csv');
    writeFileSync(report, 'older');
    chmodSync(report, 0o600);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) chownSync(report, 4321, 4322);
    const result = await gaps(['-o', 'private.csv']);
    expect(result.status).toBe(0);
    const after = statSync(report);
    expect(after.mode & 0o777).toBe(0o600);
    expect(readFileSync(report, 'utf8').startsWith('\ufeffref,plan,')).toBe(true);
    // as root the owner is kept; as another user the report stays the writer's (chown is not permitted)
    expect([after.uid, after.gid]).toEqual(isRoot ? [4321, 4322] : [process.getuid?.(), process.getgid?.()]);
  });

  it('a new report gets 0644 less the umask', async () => {
    const result = await gaps(['-o', 'new.csv']);
    expect(result.status).toBe(0);
    expect(statSync(path.join(work, 'new.csv')).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});

describe('temporary files', () => {
  it('have a short name of their own beside the target, so a 255-byte name is still writable', async () => {
    const long = `${'长'.repeat(83)}.csv`; // 83 × 3 bytes + 4 = 253 bytes, below NAME_MAX (255)
    expect(Buffer.byteLength(long)).toBe(253);
    const temporary = temporaryNameFor(path.join(work, long));
    expect(path.dirname(temporary)).toBe(work);
    expect(path.basename(temporary).length).toBeLessThanOrEqual(20);
    const result = await gaps(['-o', long]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(work, long))).toBe(true);
    expect(temporaries(work)).toEqual([]);
  });

  it('are removed when making the content throws', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-throw-'));
    const written = writeFileAtomic(path.join(folder, 'out.csv'), function* () {
      yield 'half';
      throw Object.assign(new Error('boom'), { code: 'EBOOM' });
    });
    expect(written).toEqual({ failed: 'EBOOM' });
    expect(readdirSync(folder)).toEqual([]);
    rmSync(folder, { recursive: true });
  });

  describe('are removed when a signal ends the run mid-write, which then ends by that signal', () => {
    let script: string;
    beforeAll(async () => {
      const bundle = path.join(work, 'write-output.mjs');
      await build({
        entryPoints: [path.join(repoRoot, 'src/io/write-output.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: bundle,
        logLevel: 'silent',
      });
      // the content generator sends the signal half-way through the write
      script = `import { writeFileAtomic } from ${JSON.stringify(bundle)};
        const [target, signal] = process.argv.slice(1);
        writeFileAtomic(target, function* () { yield 'first half,'; process.kill(process.pid, signal); yield 'second half'; });
        setTimeout(() => console.log('survived'), 2000);`;
    });

    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      it(signal, () => {
        const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-signal-'));
        const target = path.join(folder, 'out.csv');
        const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, target, signal], {
          encoding: 'utf8',
          timeout: 20_000,
        });
        expect(result.signal).toBe(signal);
        expect(result.stdout).not.toContain('survived');
        expect(temporaries(folder)).toEqual([]);
        // the write in progress finished before the signal was handled: the whole file or none
        expect(readdirSync(folder)).toEqual(['out.csv']);
        expect(readFileSync(target, 'utf8')).toBe('first half,second half');
        rmSync(folder, { recursive: true });
      });
    }

    it('and the handlers are gone once the event loop turns: a later signal ends the process at once', () => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-signal-'));
      const bundle = path.join(work, 'write-output.mjs');
      const later = `import { writeFileAtomic } from ${JSON.stringify(bundle)};
        writeFileAtomic(process.argv[1], () => ['x']);
        setTimeout(() => { console.log(process.listenerCount('SIGINT')); process.kill(process.pid, 'SIGTERM'); const end = Date.now() + 3000; while (Date.now() < end); console.log('survived'); }, 50);`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', later, path.join(folder, 'x.csv')], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.stdout.trim()).toBe('0');
      expect(result.signal).toBe('SIGTERM');
      rmSync(folder, { recursive: true });
    });
  });
});
