// plan-check.yaml as a run reads it: once, though both the interface language (before commander
// parses) and the command need it; file names shown relative to the working folder.
import path from 'node:path';
import { type LoadedConfig, loadConfig } from '../io/config.js';
import type { CliIo } from './io.js';

export function displayFor(cwd: string) {
  return (absolute: string): string => {
    const relative = path.relative(cwd, absolute);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
  };
}

/** per run (the run's io object), per absolute file */
const configsByRun = new WeakMap<object, Map<string, LoadedConfig>>();

/** Load a config file once per run; a file that cannot be read throws every time, as loadConfig does. */
export function loadConfigOnce(io: Pick<CliIo, 'cwd'>, file: string): LoadedConfig {
  let configs = configsByRun.get(io);
  if (configs === undefined) {
    configs = new Map();
    configsByRun.set(io, configs);
  }
  let loaded = configs.get(file);
  if (loaded === undefined) {
    loaded = loadConfig(file, displayFor(io.cwd));
    configs.set(file, loaded);
  }
  return loaded;
}
