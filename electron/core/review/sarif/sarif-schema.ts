import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { AppError } from '../../../../shared/errors.js';
import { resourcesDir } from '../../app-paths.js';

/**
 * The official OASIS schema, vendored unchanged: SARIF 2.1.0 Errata 01 (oasis-tcs/sarif-spec,
 * sarif-2.1/schema/sarif-schema-2.1.0.json).
 */
export const SARIF_SCHEMA_PATH = path.join('schemas', 'sarif-schema-2.1.0.json');
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** How many schema violations an error names: the first few say what is wrong; hundreds say nothing more. */
const PROBLEMS_SHOWN = 5;

// ajv-formats is CommonJS: Node hands its module.exports to a default import, TypeScript its `default`.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as FormatsPlugin;

/**
 * `strict` checks everything the schema says, URI formats included: what we write must pass it. `import`
 * does not assert the `uri`/`uri-reference` formats: scanners (Semgrep among them) write raw paths with
 * spaces or non-ASCII letters where SARIF wants percent-encoded URIs, and refusing a whole log for that
 * would help nobody; the importer checks every path itself.
 */
export type SarifValidation = 'strict' | 'import';

const validators = new Map<SarifValidation, ValidateFunction>();

/** Throws INVALID_INPUT `error.sarif.invalid` naming the first violations (instance path and what is wrong). */
export function validateSarif(log: unknown, validation: SarifValidation = 'strict'): void {
  let validator = validators.get(validation);
  if (!validator) {
    validator = compileSchema(validation);
    validators.set(validation, validator);
  }
  if (validator(log)) return;
  throw new AppError('INVALID_INPUT', 'error.sarif.invalid', { problems: describeProblems(validator.errors ?? []) });
}

/**
 * Compiled on first use (about a third of a second), then kept. The errata schema declares JSON Schema
 * draft-04, which Ajv 8 does not ship; it uses no keyword whose meaning differs in draft-07 except the root
 * `id` (draft-07 spells it `$id`), so it is compiled as draft-07 with that one rename. A test walks the
 * schema to keep this true should the file ever be replaced.
 */
function compileSchema(validation: SarifValidation): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(resourcesDir(), SARIF_SCHEMA_PATH), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv({ allErrors: false, allowUnionTypes: true, strictTypes: true, strictTuples: true, logger: false });
  if (validation === 'strict') {
    addFormats(ajv, ['uri', 'uri-reference', 'date-time']);
  } else {
    addFormats(ajv, ['date-time']);
    ajv.addFormat('uri', true).addFormat('uri-reference', true);
  }
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: typeof id === 'string' ? id : SARIF_SCHEMA_URI });
}

function describeProblems(errors: readonly ErrorObject[]): string {
  const lines = [...new Set(errors.map(describe))];
  const shown = lines.slice(0, PROBLEMS_SHOWN).join('; ');
  return lines.length > PROBLEMS_SHOWN ? `${shown}; …` : shown;
}

function describe(error: ErrorObject): string {
  const where = printable(error.instancePath === '' ? '(the whole log)' : error.instancePath);
  const params = error.params as Record<string, unknown>;
  let what = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') what += ` ("${printable(String(params['additionalProperty']))}")`;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) what += ` (${params['allowedValues'].map(String).join(', ')})`;
  return `${where} ${what}`;
}

/** Instance paths and property names come from the file: keep them on one line and short. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
