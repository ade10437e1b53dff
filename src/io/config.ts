// plan-check.yaml: found in the working folder or a parent, read here, checked by the core.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CheckedConfig, type Config, checkConfig } from '../core/config-check.js';

export type { Config };

export interface LoadedConfig extends CheckedConfig {
  file?: string;
  folder?: string;
  /** the file could not be read (not there, a folder, no permission) */
  missing?: boolean;
}

const CONFIG_NAME = 'plan-check.yaml';

export function findConfigFile(cwd: string): string | undefined {
  let folder = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(folder, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export function loadConfig(file: string, display: (absolute: string) => string): LoadedConfig {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { file, config: {}, diagnostics: [], missing: true };
  }
  return { file, folder: path.dirname(file), ...checkConfig(bytes, display(file)) };
}
