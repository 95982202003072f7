import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** The machine's own PostgreSQL cluster (Debian's pg_ctlcluster), which the fault tests stop and stall. */
const version = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined;

/** Whether this machine lets the tests stop its PostgreSQL (Debian's cluster tools, as root). */
export const canControlPostgres = version !== undefined && existsSync('/usr/bin/pg_ctlcluster');

const cluster = (command: 'start' | 'stop'): void => {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version!, 'main', command], {
    stdio: 'inherit',
  });
};

const running = () => {
  try {
    execFileSync('pg_ctlcluster', [version!, 'main', 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export const stopPostgres = () => cluster('stop');
/** Starts the cluster unless it runs already (a test that failed half-way may have started it). */
export const startPostgres = () => running() || cluster('start');

/** Every process of the cluster, frozen (SIGSTOP) or thawed (SIGCONT): a server that hangs, not one that is down. */
export function signalPostgres(signal: 'STOP' | 'CONT'): void {
  execFileSync('pkill', [`-${signal}`, '-u', 'postgres', '-f', `postgres`]);
}
