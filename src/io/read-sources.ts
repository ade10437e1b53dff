// Read the input files: whole for YAML, a chunk at a time for CSV actuals, looking before reading.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { type Diagnostic, makeDiagnostic } from '../core/diagnostics.js';
import type { InputFile } from '../core/project.js';
import type { FoundFile } from './find-sources.js';
import { unpackSheets } from './xlsx-read.js';

const start = { line: 1, column: 1 };

/** CSV actuals are read in pieces of this size, never whole (a 300,000-row file is 15 MB). */
const CSV_CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes a chunk at a time, from the descriptor that was checked (not the path again:
 * the file may have been replaced by a link or a device since), from the start each time they
 * are asked for, up to the size that was checked.
 */
function descriptorChunks(fd: number, size: number): () => Iterable<Uint8Array> {
  return function* chunks() {
    for (let position = 0; position < size;) {
      const chunk = Buffer.allocUnsafe(Math.min(CSV_CHUNK_BYTES, size - position));
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return; // the file shrank
      position += read;
      yield chunk.subarray(0, read);
    }
  };
}

type ReadResult = { source: InputFile; openFd?: number } | { problem: Diagnostic };

/**
 * Read one file, looking before reading: a link out of the searched folder, a device or FIFO
 * (a link to /dev/zero would be read for ever) and a file over the size limit are reported,
 * not read. A CSV actuals file is handed on as chunks of its open descriptor, to be read as they
 * arrive; the caller closes it.
 */
export function readSource(file: FoundFile, maxBytes: number): ReadResult {
  const unreadable = (reason: string) => ({ problem: makeDiagnostic('file-unreadable', file.display, start, { reason }) });
  if (file.refused === 'outside') return unreadable('a link to a file outside the folder searched (not read)');
  let fd: number | undefined;
  try {
    fd = openSync(file.raw ?? file.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return unreadable('not a regular file (a device, pipe or socket)');
    if (stats.size > maxBytes)
      return { problem: makeDiagnostic('file-too-large', file.display, start, { size: stats.size, limit: maxBytes }) };
    if (file.kind === 'actuals-csv') {
      const openFd = fd;
      fd = undefined; // kept open for the chunks
      return { source: { path: file.display, kind: file.kind, size: stats.size, chunks: descriptorChunks(openFd, stats.size) }, openFd };
    }
    return { source: { path: file.display, kind: file.kind, bytes: readFileSync(fd) } };
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface ReadSources {
  /** the files that could be read, CSV actuals as chunks of an open descriptor */
  sources: InputFile[];
  /** the files that could not (unreadable, too large, a link out of the folder) */
  problems: Diagnostic[];
}

/**
 * Read every file and hand them to `use`, spreadsheets unpacked (exceljs is loaded only when there
 * is one); the descriptors of streamed files are closed afterwards.
 */
export async function withSources<T>(files: readonly FoundFile[], maxBytes: number, use: (read: ReadSources) => T): Promise<T> {
  const openFds: number[] = [];
  const read: ReadSources = { sources: [], problems: [] };
  try {
    for (const file of files) {
      const result = readSource(file, maxBytes);
      if ('problem' in result) {
        read.problems.push(result.problem);
        continue;
      }
      read.sources.push(result.source);
      if (result.openFd !== undefined) openFds.push(result.openFd);
    }
    await unpackSheets(read.sources);
    return use(read);
  } finally {
    for (const fd of openFds) closeSync(fd);
  }
}
