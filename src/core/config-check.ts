// plan-check.yaml checked: decoded, parsed and validated with the same parser and schema checks as
// every other file, so its errors carry line:col too. Pure: the caller reads the bytes.
import type { Diagnostic } from './diagnostics.js';
import { decodeText } from './decode-text.js';
import { makeDiagnostic } from './diagnostics.js';
import { checkAgainstSchema } from './schema-check.js';
import { getValidator } from './schema-validators.js';
import { parseYaml } from './yaml-source.js';
import { readDate } from './dates.js';
import { type LightBands, defaultLightBands } from './lights.js';

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
  /** ended plans shown in full for this many days after their end */
  recent_days?: number;
}

export interface CheckedConfig {
  /** the settings; none when the file has an error */
  config: Config;
  diagnostics: Diagnostic[];
  /** the decoded text, for code frames */
  text?: string;
}

export function checkConfig(bytes: Uint8Array, shown: string): CheckedConfig {
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { config: {}, diagnostics: [makeDiagnostic(decoded.code, shown, { line: 1, column: 1 }, { looksLike: decoded.looksLike })] };
  const parsed = parseYaml(decoded.text, shown);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.data === undefined) {
    // an empty config file is a config with no settings
    return { config: {}, diagnostics: diagnostics.filter((d) => d.code !== 'file-empty'), text: decoded.text };
  }
  diagnostics.push(...checkAgainstSchema(getValidator('config'), parsed.data, shown, parsed.locator));
  const config = parsed.data as Config;
  if (readDate(config.as_of) === 'not-a-day') {
    diagnostics.push(
      makeDiagnostic('invalid-date', shown, parsed.locator.locate(['as_of']), { field: 'as_of', value: config.as_of }, ['as_of']),
    );
  }
  // a band left out takes its default, so { yellow: 40 } alone is below the default red of 30
  const lights = config.lights && typeof config.lights === 'object' ? { ...defaultLightBands, ...config.lights } : undefined;
  if (lights && typeof lights.yellow === 'number' && typeof lights.red === 'number' && lights.yellow > lights.red) {
    const key = config.lights && 'red' in config.lights ? 'red' : 'yellow';
    diagnostics.push(
      makeDiagnostic(
        'invalid-value',
        shown,
        parsed.locator.locate(['lights', key]),
        {
          field: `lights.${key}`,
          value: String(lights[key]),
          reason: 'red-below-yellow',
          red: String(lights.red),
          yellow: String(lights.yellow),
        },
        ['lights', key],
      ),
    );
  }
  return { config: diagnostics.some((d) => d.severity === 'error') ? {} : config, diagnostics, text: decoded.text };
}
