/** Console access: bearer tokens (stored hashed) and the roles they carry. */
export { ROLES, isRole, roleAllows, type Role } from './roles';
export { TokenStore, hashToken, type TokenHolder, type TokenInfo } from './token-store';
