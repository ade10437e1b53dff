// Writing the fill-in forms: one file, or one per unit into a folder.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-output.js';

/** A unit's name as a file name: characters no file system takes become _. */
export const formFileName = (unit: string, extension: string): string =>
  `${[...unit].map((char) => (/[\\/:*?"<>|]/.test(char) || char.charCodeAt(0) < 0x20 ? '_' : char)).join('')}.actuals.${extension}`;

export function writeForm(file: string, content: string | Uint8Array, inputs: readonly string[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, content, inputs);
}
