/**
 * CPU time used by a process and its descendants, from Linux's /proc (undefined elsewhere): what
 * a write costs the exchange and the database, beside how fast it is answered.
 */
import fs from 'node:fs';

/** Linux counts process times in USER_HZ ticks: 100 a second on x86 and ARM. */
const TICKS_PER_SECOND = 100;

function ownCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name: state is the 3rd field, utime the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const listed = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (listed) children.push(...listed.split(' ').map(Number));
  }
  return children;
}

/** CPU seconds of `pid` and every process under it; undefined where /proc cannot tell. */
export function treeCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let total = 0;
    const pending = [pid];
    while (pending.length > 0) {
      const next = pending.pop()!;
      total += ownCpuSeconds(next);
      pending.push(...childrenOf(next));
    }
    return total;
  } catch {
    return undefined;
  }
}

/** CPU seconds of each named process tree, read at once. */
export type CpuMeter = () => Record<string, number | undefined>;

export function cpuMeter(pids: Record<string, number | undefined>): CpuMeter {
  return () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuSeconds(pid)]));
}

/**
 * The meter and this process's own CPU as `bench`: the load generator, which shares the machine
 * with the servers it measures.
 */
export function withOwnCpu(meter: CpuMeter): CpuMeter {
  return () => {
    const own = process.cpuUsage();
    return { ...meter(), bench: (own.user + own.system) / 1e6 };
  };
}
