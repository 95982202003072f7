/** Console access: bearer tokens (stored hashed) and the roles they carry. */
export { ROLES, isRole, roleAllows, type Role } from './roles';
export { SCOPES, SCOPE_ROLE, isScope, scopeAllows, type Scope } from './scopes';
export { TokenStore, hashToken, type TokenHolder, type TokenInfo } from './token-store';
