import { roleAllows, type Role } from './roles';

/**
 * Permissions a token carries beside its role. `pii:read` lets an operator or admin reveal one
 * dossier's personal data in clear, with a stated reason, each read audited. Only an admin grants one.
 */
export const SCOPES = ['pii:read'] as const;

export type Scope = (typeof SCOPES)[number];

/** The least role a scope is granted to: a viewer never reads personal data in clear. */
export const SCOPE_ROLE: Record<Scope, Role> = { 'pii:read': 'operator' };

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** The first of these scopes a token of this role may not be given, if any. */
export function scopeAboveRole(role: Role, scopes: readonly Scope[]): Scope | undefined {
  return scopes.find((scope) => !roleAllows(role, SCOPE_ROLE[scope]));
}

/** Whether a token of this role with these scopes may use `scope`. */
export function scopeAllows(held: { role: Role; scopes: readonly Scope[] }, scope: Scope): boolean {
  return held.scopes.includes(scope) && roleAllows(held.role, SCOPE_ROLE[scope]);
}
