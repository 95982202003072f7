import { scopeAllows } from './scopes';

describe(scopeAllows.name, () => {
  it.each([
    ['viewer', ['pii:read'], false],
    ['operator', [], false],
    ['operator', ['pii:read'], true],
    ['admin', [], false],
    ['admin', ['pii:read'], true],
  ] as const)('a %s token with scopes %j may read personal data: %s', (role, scopes, allowed) => {
    expect(scopeAllows({ role, scopes }, 'pii:read')).toBe(allowed);
  });
});
