export { SchemaValidator } from './schema-validator';
export type { DossierEvent } from './generated/dossier.v1';
export type { MotcuaEvent } from './generated/motcua.v1';
export type { HotichEvent } from './generated/hotich.v1';
export type { GtvtEvent } from './generated/gtvt.v1';
export type { PortalDossier } from './generated/portal-dossier';
export type { RoutingRules } from './generated/routing.v1';
export type { PortalProgress } from './generated/portal-progress';
export type { IdentityVerifiedEvent } from './generated/identity.verified.v1';
