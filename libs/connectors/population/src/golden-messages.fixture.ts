import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';

/** A golden population-database message (test/fixtures/contracts/population), for the specs. */
export const goldenMessage = (path: string): string =>
  readFileSync(projectPath('test', 'fixtures', 'contracts', 'population', path), 'utf8');
