import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export interface SchemaViolation {
  /** JSON Pointer of the offending value inside the document (empty for the root). */
  path: string;
  message: string;
}

const strict = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true });
/** Drops properties the schema does not know (after checking the rest), instead of refusing them. */
const tolerant = new Ajv2020({
  allErrors: false,
  strict: true,
  allowUnionTypes: true,
  removeAdditional: 'all',
});
addFormats(strict);
addFormats(tolerant);

/** A compiled JSON Schema from `schemas/`, the single source of truth for every message shape. */
export class SchemaValidator<T> {
  private readonly validateFn: ValidateFunction<T>;

  /**
   * @param file path under `schemas/`, e.g. `dossier.v1.json` or `sources/motcua.v1.json`
   * @param options `tolerant`: a reader of a versioned stream (a connector reading dossier.v1) takes a
   *   message carrying optional fields newer than its schema, dropping them, so a newer writer never
   *   makes an older reader dead-letter; such a reader's values are changed in place.
   */
  constructor(
    readonly file: string,
    options: { tolerant?: boolean } = {},
  ) {
    const ajv = options.tolerant ? tolerant : strict;
    const schema = JSON.parse(readFileSync(projectPath('schemas', file), 'utf8')) as { $id?: string };
    this.validateFn = (schema.$id && ajv.getSchema<T>(schema.$id)) || ajv.compile<T>(schema);
  }

  /** The first violation, or undefined when the value conforms. */
  violation(value: unknown): SchemaViolation | undefined {
    if (this.validateFn(value)) return undefined;
    const [error] = this.validateFn.errors ?? [];
    if (!error) return { path: '', message: 'does not match the schema' };
    const missing =
      error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
    return { path: error.instancePath + missing, message: error.message ?? error.keyword };
  }

  is(value: unknown): value is T {
    return this.validateFn(value);
  }
}
