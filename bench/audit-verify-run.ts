import { spawn } from 'node:child_process';
import { chainHash, GENESIS_HASH, type AuditRecord } from '@lienthong/audit';
import { projectPath } from '@lienthong/config';
import type { Database } from '@lienthong/database';

const BATCH = 10_000;

/** A valid chain of `count` operator actions, made batch by batch so memory stays small. */
function* chainedBatches(key: string, count: number): Generator<AuditRecord[]> {
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let first = 1; first <= count; first += BATCH) {
    const batch: AuditRecord[] = [];
    for (let id = first; id < Math.min(first + BATCH, count + 1); id += 1) {
      const row = {
        id,
        at: new Date(start + id * 1000).toISOString(),
        actor: `operator-${id % 7}`,
        role: 'operator',
        action: 'connector.pause',
        target: 'connector/national-portal',
        parameters: { reason: `maintenance window ${id}` },
        result: 'ok',
        detail: { paused: true },
        prevHash,
      };
      const hash = chainHash(key, row);
      batch.push({ ...row, hash });
      prevHash = hash;
    }
    yield batch;
  }
}

/**
 * Writes `count` chained rows straight into an empty `audit_log` (as the owner: a test or a benchmark
 * of `audit verify`), and answers the head, which the caller anchors.
 */
export async function fillAuditLog(database: Database, key: string, count: number): Promise<AuditRecord> {
  let head: AuditRecord | undefined;
  for (const batch of chainedBatches(key, count)) {
    await database.query(
      `INSERT INTO audit_log (id, at, actor, role, action, target, parameters, result, detail, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::jsonb[], $8::text[], $9::jsonb[], $10::text[], $11::text[])`,
      [
        batch.map((row) => row.id),
        batch.map((row) => row.at),
        batch.map((row) => row.actor),
        batch.map((row) => row.role),
        batch.map((row) => row.action),
        batch.map((row) => row.target),
        batch.map((row) => JSON.stringify(row.parameters)),
        batch.map((row) => row.result),
        batch.map((row) => JSON.stringify(row.detail)),
        batch.map((row) => row.prevHash),
        batch.map((row) => row.hash),
      ],
    );
    head = batch.at(-1);
  }
  if (!head) throw new Error('an audit log of no rows has no head');
  return head;
}

/**
 * `audit verify --local` of the built CLI in a child process: its output, peak RSS (KiB) and time.
 * `heapMb` caps the child's JavaScript heap: a verify that held the log in memory would die of it.
 */
export function verifyInChild(
  env: NodeJS.ProcessEnv,
  heapMb?: number,
): Promise<{ stdout: string; stderr: string; maxRssKiB: number; ms: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      '--require',
      projectPath('test', 'support', 'report-max-rss.js'),
      projectPath('dist', 'apps', 'cli', 'src', 'main.js'),
      '--json',
      'audit',
      'verify',
      '--local',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const peak = /maxRSS=(\d+)/.exec(stderr);
      if (!peak) return reject(new Error(`no maxRSS reported; stderr: ${stderr}`));
      resolve({ stdout, stderr, maxRssKiB: Number(peak[1]), ms: Date.now() - started });
    });
  });
}
