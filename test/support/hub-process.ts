import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '@lienthong/config';

/** The built hub app as a real OS process, so it can be killed like a crashing production process. */
export function startHubProcess(env: NodeJS.ProcessEnv): ChildProcess {
  const main = projectPath('dist', 'apps', 'hub', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (npm test does) first`);
  return spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}
