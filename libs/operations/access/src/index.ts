/** Console access: bearer tokens (stored hashed) and the roles they carry. */
export { ROLES, isRole, roleAllows, type Role } from './roles';
export { bearerToken } from './bearer-token';
export { SCOPES, SCOPE_ROLE, isScope, scopeAboveRole, scopeAllows, type Scope } from './scopes';
export { TokenStore, hashToken, type TokenHolder, type TokenInfo } from './token-store';
export { DEFAULT_TOKEN_TTL_MS, MAX_TOKEN_TTL_MS, TOKEN_TTL_PATTERN, parseTokenTtl } from './token-ttl';
