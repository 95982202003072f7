import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';

/** The golden files of the scoring contract (test/fixtures/contracts/national-score), for the specs. */
export const goldenPath = (...path: string[]) =>
  projectPath('test', 'fixtures', 'contracts', 'national-score', ...path);

export const goldenAnswer = (file: string) =>
  JSON.parse(readFileSync(goldenPath('answers', file), 'utf8')) as {
    status: number;
    body: Record<string, unknown>;
  };

export const goldenRequest = (file: string) =>
  JSON.parse(readFileSync(goldenPath('requests', file), 'utf8')) as {
    path: string;
    body: Record<string, unknown>;
  };

export const ROOT_DEPARTMENT_ID = '6f2a9c1e-26a0-4b1d-9c26-000000000026';
export const DEPARTMENT_ID = '0b5f1c2a-15a0-4d26-8a15-000000000015';
export const WARD_ID = '0c6e2d3b-0212-4d26-8b12-000000000212';
