import type { DossierEvent, SchemaValidator } from '@lienthong/schemas';

/**
 * One sector system's format. Adding a source is one schema in `schemas/sources/`, one class
 * implementing this, and one line in `registry.ts`.
 */
export interface SourceMapper<Raw = unknown> {
  /** The system's name: its topic is `src.<system>.dossier-events`. */
  readonly system: string;
  /** The source schema, checked after parsing and before mapping. */
  readonly schema: SchemaValidator<Raw>;
  /** Bytes to a document; throws a RejectionError (UNPARSEABLE) when they are not one. */
  parse(bytes: Buffer): unknown;
  /** A schema-valid source event to the shared dossier event; throws a RejectionError on a rule. */
  toDossier(raw: Raw): DossierEvent;
}
