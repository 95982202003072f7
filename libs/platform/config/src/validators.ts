import { makeValidator } from 'envalid';

/** A TCP port; 0 lets the system choose a free one (tests, benchmarks). */
export const port = makeValidator<number>((input: string) => {
  const value = Number(input);
  if (!/^\d+$/.test(String(input).trim()) || value > 65535) throw new Error(`Invalid port: "${input}"`);
  return value;
});

const inProduction = (): boolean => process.env.NODE_ENV === 'production';

/**
 * Values anyone can read in this repository or guess: every secret's development default and
 * documented example join the placeholders below when their spec is declared, so a production value
 * copied from another key's default (the portal password into the population secret) is refused too.
 */
const knownValues = new Set(['changeme', 'change-me', 'password', 'secret', 'admin', 'postgres', 'test']);

function refuseKnown(input: string): string {
  if (knownValues.has(input.trim().toLowerCase())) {
    throw new Error('a development default or documented value is not accepted with NODE_ENV=production');
  }
  return input;
}

function remember(...values: (string | undefined)[]): void {
  for (const value of values) if (value) knownValues.add(value.trim().toLowerCase());
}

/**
 * A secret with a development default. With NODE_ENV=production the key must be set, not empty, and
 * to none of the known values (any secret's default or example), or start-up stops naming it.
 * `optional`: an empty value turns off what the secret is for (no first admin token, no SASL), so
 * production accepts it empty, but never a known value.
 */
const secretSpecs = new WeakSet<object>();

/** Whether a key's spec was made by `secret()` (the generated configuration reference marks it). */
export function isSecretSpec(spec: unknown): boolean {
  return typeof spec === 'object' && spec !== null && secretSpecs.has(spec);
}

export function secret(spec: {
  default: string;
  desc: string;
  example?: string;
  optional?: boolean;
  /** What a usable value looks like (a key of a given length): throws saying what is wrong, in any mode. */
  format?: (input: string) => void;
}) {
  remember(spec.default, spec.example);
  const validator = makeValidator<string>((input: string) => {
    if (inProduction()) {
      if (input.trim() === '') {
        if (spec.optional) return '';
        throw new Error('an empty secret is not accepted with NODE_ENV=production');
      }
      refuseKnown(input);
    }
    spec.format?.(input);
    return input;
  });
  const { optional } = spec;
  const documented = { default: spec.default, desc: spec.desc, example: spec.example };
  const built = !inProduction()
    ? validator(documented)
    : optional
      ? validator({ ...documented, default: '' })
      : validator({ desc: spec.desc, example: spec.example });
  secretSpecs.add(built);
  return built;
}

/**
 * A PostgreSQL connection URL with a development default (a local superuser, no password). With
 * NODE_ENV=production the URL must name a user with a password that is not a known value: whoever
 * reaches the database port would otherwise log in as the apps.
 */
export function databaseUrl(spec: { default: string; desc: string; example?: string }) {
  const validator = makeValidator<string>((input: string) => {
    if (!inProduction()) return input;
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new Error('not a URL (postgres://user:password@host:5432/database)');
    }
    const user = decodeURIComponent(url.username);
    if (user === '') throw new Error('names no user; with NODE_ENV=production give user:password');
    if (url.password === '') {
      throw new Error(
        user === 'postgres'
          ? 'the postgres superuser with no password is not accepted with NODE_ENV=production'
          : `the user ${user} has no password; with NODE_ENV=production give user:password`,
      );
    }
    refuseKnown(decodeURIComponent(url.password));
    return input;
  });
  return inProduction() ? validator({ desc: spec.desc, example: spec.example }) : validator(spec);
}

/** A share of something, from 0 (none) to 1 (all), e.g. `0.3`. */
export const share = makeValidator<number>((input: string) => {
  const value = Number(input);
  if (String(input).trim() === '' || !(value >= 0 && value <= 1)) throw new Error('a share from 0 to 1');
  return value;
});
