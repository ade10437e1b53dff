// plan-check.yaml as a run reads it: once, though both the interface language (before commander
// parses) and the command need it; file names shown relative to the working folder.
import { type LoadedConfig, loadConfig } from '../io/config.js';
import { displayPath } from '../io/find-sources.js';
import type { CliIo } from './io.js';

/** per run (the run's io object), per absolute file */
const configsByRun = new WeakMap<object, Map<string, LoadedConfig>>();

/** Load a config file once per run. */
export function loadConfigOnce(io: Pick<CliIo, 'cwd'>, file: string): LoadedConfig {
  let configs = configsByRun.get(io);
  if (configs === undefined) {
    configs = new Map();
    configsByRun.set(io, configs);
  }
  let loaded = configs.get(file);
  if (loaded === undefined) {
    loaded = loadConfig(file, (absolute) => displayPath(absolute, io.cwd));
    configs.set(file, loaded);
  }
  return loaded;
}
