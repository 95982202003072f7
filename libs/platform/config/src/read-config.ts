import { LienthongError } from '@lienthong/errors';
import { cleanEnv, type CleanedEnv, type ValidatorSpec } from 'envalid';

/** A configuration key is missing or invalid; the message names every bad key. */
export class ConfigError extends LienthongError {
  constructor(readonly keys: Record<string, string>) {
    super(
      'CONFIG_INVALID',
      'Invalid configuration: ' +
        Object.entries(keys)
          .map(([key, reason]) => `${key} (${reason})`)
          .join('; '),
    );
  }
}

export type ConfigSpecs = { [key: string]: ValidatorSpec<unknown> };

/**
 * Reads and validates one concern's configuration from the environment, once, at start-up.
 * Each lib declares its own spec (with a description per key) and calls this; a bad key throws.
 */
export function readConfig<S extends ConfigSpecs>(
  specs: S,
  env: NodeJS.ProcessEnv = process.env,
): CleanedEnv<S> {
  return cleanEnv(env, specs, {
    reporter: ({ errors }) => {
      const bad = Object.entries(errors);
      if (bad.length === 0) return;
      throw new ConfigError(Object.fromEntries(bad.map(([key, error]) => [key, String(error?.message)])));
    },
  });
}

/** The typed, validated configuration that a spec describes. */
export type ConfigOf<S extends ConfigSpecs> = CleanedEnv<S>;
