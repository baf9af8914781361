/**
 * A child server that we start, wait for, and always stop: on stop(), on our exit, and on
 * SIGINT/SIGTERM, so no stray processes outlive the command that started them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { waitForPort } from './ports';

const running = new Set<ChildProcess>();
let hooked = false;

function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export interface ManagedProcess {
  readonly name: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  isRunning(): boolean;
}

export function managedProcess(opts: {
  name: string;
  command: string;
  args: string[];
  port: number;
  logFile?: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}): ManagedProcess {
  let child: ChildProcess | undefined;
  hookExit();
  return {
    name: opts.name,
    port: opts.port,
    isRunning: () => child !== undefined && child.exitCode === null,
    async start() {
      if (child && child.exitCode === null) return;
      const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore';
      const proc = spawn(opts.command, opts.args, {
        stdio: ['ignore', out, out],
        env: { ...process.env, ...opts.env },
      });
      child = proc;
      running.add(proc);
      let exitEarly: string | undefined;
      proc.once('exit', (code, signal) => {
        running.delete(proc);
        exitEarly = `${opts.name} exited (${signal ?? code})${opts.logFile ? `; see ${opts.logFile}` : ''}`;
      });
      try {
        await waitForPort(opts.port, opts.readyTimeoutMs ?? 60000);
      } catch (err) {
        proc.kill('SIGKILL');
        throw new Error(exitEarly ?? (err as Error).message, { cause: err });
      }
    },
    async stop() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
