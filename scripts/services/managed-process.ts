/**
 * A child server that we start, wait for, and always stop: on stop(), on our exit, and even
 * when we are killed outright. Each server runs under a tiny shell watchdog whose stdin is a
 * pipe from us: when we die for any reason the pipe closes and the watchdog stops the server,
 * so no stray processes outlive the command that started them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { waitForPort } from './ports';

// $1… are the server's command and arguments. Exits when the server exits, or stops the server
// when our end of stdin closes (the parent died) or when it is sent SIGTERM (stop()).
// (A background job's stdin is /dev/null unless redirected, hence the copy on fd 3.)
const WATCHDOG = `
exec 3<&0
"$@" <&- 3<&- &
server=$!
cat <&3 >/dev/null &
watcher=$!
trap 'kill -TERM $server 2>/dev/null; wait $server; kill $watcher 2>/dev/null; exit 0' TERM INT
while kill -0 $server 2>/dev/null && kill -0 $watcher 2>/dev/null; do sleep 0.5; done
kill -TERM $server $watcher 2>/dev/null
wait $server
`;

const running = new Set<ChildProcess>();
let hooked = false;

function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

export interface ManagedProcess {
  readonly name: string;
  readonly port: number;
  /** The running process (its watchdog shell, whose child the service is); undefined when stopped. */
  readonly pid: number | undefined;
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
    get pid() {
      return child && child.exitCode === null ? child.pid : undefined;
    },
    isRunning: () => child !== undefined && child.exitCode === null,
    async start() {
      if (child && child.exitCode === null) return;
      const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'ignore';
      const proc = spawn('/bin/sh', ['-c', WATCHDOG, 'watchdog', opts.command, ...opts.args], {
        stdio: ['pipe', out, out],
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
        proc.kill('SIGTERM');
        throw new Error(exitEarly ?? (err as Error).message, { cause: err });
      }
    },
    async stop() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => proc.kill('SIGKILL'), 8000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.kill('SIGTERM');
      });
    },
  };
}
