// The three validators, compiled once from the JSON Schemas in schemas/ (the single source of the formats).
import Ajv2020Module from 'ajv/dist/2020.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import actualsSchema from '../../schemas/actuals.schema.json' with { type: 'json' };
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import type { SchemaValidator } from './schema-check.js';

type SchemaName = 'plan' | 'actuals' | 'config';
export const schemas = { plan: planSchema, actuals: actualsSchema, config: configSchema } as const;

type AjvClass = typeof Ajv2020Module.default;
const Ajv2020: AjvClass = (Ajv2020Module as unknown as { default?: AjvClass }).default ?? (Ajv2020Module as unknown as AjvClass);

const compiled = new Map<SchemaName, SchemaValidator>();

export function getValidator(name: SchemaName): SchemaValidator {
  let validate = compiled.get(name);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    validate = ajv.compile(schemas[name]) as SchemaValidator;
    compiled.set(name, validate);
  }
  return validate;
}
