export { SchemaValidator, type SchemaViolation } from './schema-validator';
export type { DossierEvent } from './generated/dossier.v1';
export type { MotcuaEvent } from './generated/motcua.v1';
