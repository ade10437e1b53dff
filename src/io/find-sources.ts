// Find the files to read: path arguments (files or folders, searched recursively), else the globs
// of plan-check.yaml, else the current folder.
import { isUtf8 } from 'node:buffer';
import fs, { type Stats, closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { type SourceKind, sourceKindOf } from '../core/source-kinds.js';

export interface FoundFile {
  absolute: string;
  /** as shown to the user: relative to the working folder when inside it */
  display: string;
  kind: SourceKind;
  /** set when the file must not be read: a link found in a folder that leads outside it */
  refused?: 'outside';
  /**
   * the path as the file system has it, when its name is not valid UTF-8 (a GBK name from a zip
   * made on Chinese Windows); `absolute` and `display` then show each invalid byte as \xNN
   */
  raw?: Buffer;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.cache']);

/** A path as shown: relative with forward slashes inside the working folder, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/** A path as the file system has it (bytes), and as plan-check shows and compares it. */
interface OnDisk {
  absolute: string;
  raw?: Buffer;
}

/** Valid UTF-8 as it is, each byte of anything else as \xNN (a name is shown, never guessed at). */
export function showBytes(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const sequence = length > 0 ? bytes.subarray(i, i + length) : undefined;
    if (sequence !== undefined && sequence.length === length && isUtf8(sequence)) {
      out += sequence.toString('utf8');
      i += length;
    } else {
      out += `\\x${lead.toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

function onDisk(bytes: Buffer): OnDisk {
  return isUtf8(bytes) ? { absolute: bytes.toString('utf8') } : { absolute: showBytes(bytes), raw: bytes };
}

const SEPARATOR = Buffer.from(path.sep);

/** Walk with paths as bytes, so that a folder or file whose name is not UTF-8 can still be opened. */
function walk(folder: Buffer, out: Buffer[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })) {
    const nameBytes = entry.name as unknown as Buffer;
    const name = nameBytes.toString('utf8');
    const full = Buffer.concat([folder, SEPARATOR, nameBytes]);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.')) walk(full, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && sourceKindOf(name)) {
      out.push(full);
    }
  }
}

/**
 * The bytes of a path that a glob gave back with U+FFFD for bytes that are not UTF-8: each such
 * component is matched against its folder's entries read as bytes (undefined when none or several
 * match).
 */
function rawPathOf(shown: string): Buffer | undefined {
  const parts = shown.split(path.sep);
  let current = Buffer.from(parts[0]!);
  for (const part of parts.slice(1)) {
    let bytes: Buffer | undefined = Buffer.from(part);
    if (part.includes('\ufffd')) {
      try {
        const candidates = readdirSync(current, { encoding: 'buffer' }).filter((name) => name.toString('utf8') === part);
        bytes = candidates.length === 1 ? candidates[0] : undefined;
      } catch {
        bytes = undefined;
      }
    }
    if (bytes === undefined) return undefined;
    current = Buffer.concat([current, SEPARATOR, bytes]);
  }
  return current;
}

/**
 * Files found by searching a folder must really lie inside it: a link planted in a pull request
 * (x.plan.yaml → ~/.git-credentials) would otherwise be read and quoted in CI logs. A file named
 * on the command line is read wherever it is: the user chose it. Returns the files of `files`
 * whose real path lies outside `folder`.
 */
function outsideOf(files: readonly OnDisk[], folder: string): OnDisk[] {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    return [];
  }
  return files.filter((file) => {
    try {
      const relative = path.relative(root, realpathSync(file.raw ?? file.absolute));
      return relative.startsWith('..') || path.isAbsolute(relative);
    } catch {
      return false; // a dangling link: reading it reports the problem
    }
  });
}

/** A path argument that names nothing to read: not there, or not a plan-check file. */
interface PathProblem {
  given: string;
  problem: 'missing' | 'not-a-source';
}

export function findFromPaths(paths: readonly string[], cwd: string): { files: FoundFile[]; problems: PathProblem[] } {
  const found: OnDisk[] = [];
  const outside = new Set<string>();
  const problems: PathProblem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      problems.push({ given, problem: 'missing' });
      continue;
    }
    if (stats.isDirectory()) {
      const inFolder: Buffer[] = [];
      walk(Buffer.from(absolute), inFolder);
      const files = inFolder.map(onDisk);
      for (const file of outsideOf(files, absolute)) outside.add(file.absolute);
      found.push(...files);
    } else if (sourceKindOf(absolute)) found.push({ absolute });
    else problems.push({ given, problem: 'not-a-source' });
  }
  return { files: toFound(found, cwd, outside), problems };
}

/**
 * The file system as the glob walker sees it: a link to a folder looks like a file, so `**` never
 * walks through it (a link to `/` in a project would list the whole machine; a link back up would
 * loop). Links to files are still listed, so that one leading outside the folder is reported
 * (outsideOf), not silently skipped. The walker (fdir, under tinyglobby) asks stat only about
 * the targets of links.
 */
function statAsNonFolder(stats: Stats): Stats {
  return stats.isDirectory()
    ? (Object.create(stats, { isDirectory: { value: () => false }, isFile: { value: () => true } }) as Stats)
    : stats;
}
type StatCallback = (error: NodeJS.ErrnoException | null, stats: Stats) => void;
/** A folder whose name is not UTF-8 reaches the walker with U+FFFD in its path: read it by its bytes. */
function readdirByBytes(folder: string, options: { withFileTypes: true }): fs.Dirent[] {
  try {
    return fs.readdirSync(folder, options);
  } catch (error) {
    const raw = folder.includes('\ufffd') ? rawPathOf(path.resolve(folder)) : undefined;
    if (raw === undefined) throw error;
    return fs.readdirSync(raw, options);
  }
}
const folderLinksAsFiles = {
  ...fs,
  readdirSync: readdirByBytes as unknown as typeof fs.readdirSync,
  statSync: ((file: string) => statAsNonFolder(fs.statSync(file))) as typeof fs.statSync,
  stat: ((file: string, ...rest: unknown[]) => {
    const callback = rest[rest.length - 1] as StatCallback;
    fs.stat(file, (error, stats) => callback(error, error ? stats : statAsNonFolder(stats)));
  }) as typeof fs.stat,
};

/** A pattern that would look outside its base folder: absolute (`/**`, `C:/…`) or with a `..` segment. */
export function globLeavesBase(pattern: string): boolean {
  return path.isAbsolute(pattern) || path.win32.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..');
}

export function findFromGlobs(globs: readonly string[], base: string, cwd: string): FoundFile[] {
  const matches = globSync([...globs], { cwd: base, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], fs: folderLinksAsFiles })
    .filter((file) => sourceKindOf(file))
    .map((file): OnDisk => {
      // a name that is not UTF-8 comes back with U+FFFD: find its bytes, to open it and show it
      const raw = file.includes('\ufffd') ? rawPathOf(path.resolve(file)) : undefined;
      return raw ? onDisk(raw) : { absolute: file };
    });
  const outside = new Set(outsideOf(matches, base).map((file) => path.resolve(file.absolute)));
  return toFound(matches, cwd, outside);
}

function toFound(files: readonly OnDisk[], cwd: string, outside: ReadonlySet<string> = new Set()): FoundFile[] {
  const unique = new Map<string, OnDisk>();
  for (const file of files) unique.set(path.resolve(file.absolute), file);
  return [...unique.keys()].sort().map((absolute) => ({
    absolute,
    display: displayPath(absolute, cwd),
    kind: sourceKindOf(absolute)!,
    ...(outside.has(absolute) ? { refused: 'outside' as const } : {}),
    ...(unique.get(absolute)!.raw ? { raw: unique.get(absolute)!.raw } : {}),
  }));
}

/** What is at a path: a folder, nothing, or something else (a file, a device). */
export function pathKind(target: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(target).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * The first bytes of a few input files, as text (plans first): what the language of a message
 * written before anything is loaded may be judged from (a usage error in a Chinese project with
 * LANG=C). Only regular files found inside their folder are opened, with O_NONBLOCK; nothing
 * here fails.
 */
export function sampleInputText(files: readonly FoundFile[], maxFiles = 8, maxBytes = 4096): string {
  const chosen = [...files.filter((file) => file.kind === 'plan'), ...files.filter((file) => file.kind !== 'plan')]
    .filter((file) => file.refused === undefined && !file.absolute.endsWith('.xlsx'))
    .slice(0, maxFiles);
  const texts: string[] = [];
  for (const file of chosen) {
    let fd: number | undefined;
    try {
      fd = openSync(file.raw ?? file.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      if (!fstatSync(fd).isFile()) continue;
      const buffer = Buffer.alloc(maxBytes);
      const read = readSync(fd, buffer, 0, maxBytes, 0);
      texts.push(buffer.subarray(0, read).toString('utf8'));
    } catch {
      // unreadable: the command says so when it reads it
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return texts.join('\n');
}
