// plan-check.yaml: found in the working folder or a parent; read with the same parser and schema
// checks as every other file, so its errors carry line:col too.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { decodeText } from '../core/decode-text.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { checkAgainstSchema } from '../core/schema-check.js';
import { getValidator } from '../core/schema-validators.js';
import { parseYaml } from '../core/yaml-source.js';
import { parseIsoDate } from '../core/dates.js';
import { type LightBands, defaultLightBands } from '../core/lights.js';

export interface Config {
  plans?: string[];
  actuals?: string[];
  timezone?: string;
  locale?: 'zh-CN' | 'en';
  warn_days?: number;
  as_of?: string;
  /** traffic-light bands, points behind the pace */
  lights?: Partial<LightBands>;
  stale_days?: number;
}

export interface LoadedConfig {
  file?: string;
  folder?: string;
  config: Config;
  diagnostics: Diagnostic[];
  /** the decoded text, for code frames */
  text?: string;
}

export const CONFIG_NAME = 'plan-check.yaml';

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

export function loadConfig(file: string | undefined, display: (absolute: string) => string): LoadedConfig {
  if (!file) return { config: {}, diagnostics: [] };
  const shown = display(file);
  const decoded = decodeText(readFileSync(file));
  if (!decoded.ok) {
    return { file, folder: path.dirname(file), config: {}, diagnostics: [makeDiagnostic(decoded.code, shown, { line: 1, column: 1 }, { looksLike: decoded.looksLike })] };
  }
  const parsed = parseYaml(decoded.text, shown);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) {
    // an empty config file is a config with no settings
    return { file, folder: path.dirname(file), config: {}, diagnostics: diagnostics.filter((d) => d.code !== 'file-empty'), text: decoded.text };
  }
  diagnostics.push(...checkAgainstSchema(getValidator('config'), parsed.data, shown, parsed.locator));
  const config = parsed.data as Config;
  if (typeof config.as_of === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(config.as_of) && parseIsoDate(config.as_of) === undefined) {
    diagnostics.push(makeDiagnostic('invalid-date', shown, parsed.locator.locate(['as_of']), { field: 'as_of', value: config.as_of }, ['as_of']));
  }
  // a band left out takes its default, so { yellow: 40 } alone is below the default red of 30
  const lights = config.lights && typeof config.lights === 'object' ? { ...defaultLightBands, ...config.lights } : undefined;
  if (lights && typeof lights.yellow === 'number' && typeof lights.red === 'number' && lights.yellow > lights.red) {
    const key = config.lights && 'red' in config.lights ? 'red' : 'yellow';
    diagnostics.push(makeDiagnostic('invalid-value', shown, parsed.locator.locate(['lights', key]), { field: `lights.${key}`, value: String(lights[key]), reason: 'red-below-yellow', red: String(lights.red), yellow: String(lights.yellow) }, ['lights', key]));
  }
  return { file, folder: path.dirname(file), config: diagnostics.some((d) => d.severity === 'error') ? {} : config, diagnostics, text: decoded.text };
}
