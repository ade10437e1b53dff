// Editors and the CLI agree: an editor (yaml-language-server) reads a file's schema from its
// modeline or from `yaml.schemas`, parses the YAML and validates it with a JSON Schema validator.
// Done here the same way — the schema file from disk, a fresh lenient Ajv, the `yaml` package —
// every shipped example is valid, and on every plan or actuals YAML file of the test fixtures the
// editor finds a schema problem exactly when the CLI's schema check does.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from '../src/core/schema-check.js';
import { getValidator } from '../src/core/schema-validators.js';
import { parseYaml } from '../src/core/yaml-source.js';
import { repoRoot } from './helpers.js';

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020: AjvClass = (Ajv2020Module as unknown as { default?: AjvClass }).default ?? (Ajv2020Module as unknown as AjvClass);

function yamlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.(plan|actuals)\.ya?ml$/.test(name) ? [full] : [];
  });
}

const editorValidators = new Map<string, ReturnType<InstanceType<AjvClass>['compile']>>();
function editorValidate(schemaFile: string, data: unknown): boolean {
  let validate = editorValidators.get(schemaFile);
  if (!validate) {
    validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    editorValidators.set(schemaFile, validate);
  }
  return validate(data) as boolean;
}

/** `.nan` and `.inf` are numbers to YAML and to JSON Schema; the CLI also asks for a finite one. */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasNonFinite);
}

const kindOf = (file: string): 'plan' | 'actuals' => (/\.plan\.ya?ml$/.test(file) ? 'plan' : 'actuals');

describe('editor and CLI agree on the schemas', () => {
  it('every example is valid for an editor, through the schema its modeline names', () => {
    const files = yamlFiles(path.join(repoRoot, 'examples'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(text);
      expect(modeline, file).not.toBeNull();
      const schemaFile = path.resolve(path.dirname(file), modeline![1]!);
      expect(editorValidate(schemaFile, parse(text)), file).toBe(true);
    }
  });

  it('finds a schema problem in a fixture exactly when the CLI does', () => {
    const files = [...yamlFiles(path.join(repoRoot, 'tests', 'fixtures')), ...yamlFiles(path.join(repoRoot, 'tests', 'bad-inputs'))];
    let compared = 0;
    let invalid = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const parsed = parseYaml(text, file);
      if (parsed.data === undefined) continue; // a YAML error: both report it before any schema
      // a `%YAML 1.1` directive: an editor may read `no` as false; plan-check reads YAML 1.2 and warns
      if (/^%YAML/m.test(text)) continue;
      const kind = kindOf(file);
      const cliValid = checkAgainstSchema(getValidator(kind), parsed.data, file, parsed.locator).length === 0;
      if (hasNonFinite(parsed.data)) {
        // the one known difference: an editor accepts `value: .nan`, the CLI says it is not a number
        expect(cliValid, file).toBe(false);
        continue;
      }
      const editorValid = editorValidate(path.join(repoRoot, 'schemas', `${kind}.schema.json`), parse(text));
      expect(editorValid, file).toBe(cliValid);
      compared += 1;
      if (!cliValid) invalid += 1;
    }
    expect(compared).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(10);
  });
});
