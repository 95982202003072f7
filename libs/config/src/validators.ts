import { makeValidator } from 'envalid';

/** A TCP port; 0 lets the system choose a free one (tests, benchmarks). */
export const port = makeValidator<number>((input: string) => {
  const value = Number(input);
  if (!/^\d+$/.test(String(input).trim()) || value > 65535) throw new Error(`Invalid port: "${input}"`);
  return value;
});
