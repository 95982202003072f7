import { makeValidator } from 'envalid';

/** A TCP port; 0 lets the system choose a free one (tests, benchmarks). */
export const port = makeValidator<number>((input: string) => {
  const value = Number(input);
  if (!/^\d+$/.test(String(input).trim()) || value > 65535) throw new Error(`Invalid port: "${input}"`);
  return value;
});

/**
 * A secret with a development default. With NODE_ENV=production the default is never accepted: the
 * key must be set, and to something else, or start-up stops naming it.
 */
export function secret(spec: { default: string; desc: string; example?: string }) {
  const production = process.env.NODE_ENV === 'production';
  const validator = makeValidator<string>((input: string) => {
    if (process.env.NODE_ENV === 'production' && input === spec.default) {
      throw new Error('the development default is not accepted with NODE_ENV=production');
    }
    return input;
  });
  return production ? validator({ desc: spec.desc, example: spec.example }) : validator(spec);
}
