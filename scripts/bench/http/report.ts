/** The bench's printed tables (Markdown, so that they paste into the README). */
import os from 'node:os';
import type { SizeResult } from './run';
import { describeTargets } from './targets';

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : '–');
const rps = (n: number) =>
  Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')) : '–';
const ratio = (n: number) =>
  !Number.isFinite(n) ? '–' : n < 0.01 ? n.toFixed(4) : n < 0.1 ? n.toFixed(3) : n.toFixed(2);

export function sizeTable(
  size: SizeResult,
  connections: number,
  writers: number,
  seconds: number,
  warmupSeconds = 0,
): string {
  const lines = [
    `### ${size.label}: ${size.listings.toLocaleString('en')} listings`,
    '',
    `Seeded in ${size.seedSeconds.toFixed(1)} s (${Object.entries(size.counts)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}); exchange started in ${size.exchangeStartSeconds.toFixed(1)} s, ` +
      `search index caught up ${size.indexSeconds.toFixed(1)} s later. Reads: ${connections} connections; writes: ${writers} writers on distinct records${warmupSeconds > 0 ? `, timed after ${warmupSeconds} s untimed` : ''}; ` +
      `locks in ${process.env.REDIS_URL ? 'Redis' : (process.env.LOCK_BACKEND ?? 'memory')}. ` +
      `Load average ${size.loadAverage.map((l) => l.toFixed(1)).join(' → ')} on ${os.cpus().length} CPUs.`,
    '',
    '| route | exchange req/s | p50 ms | p95 ms | p99 ms | bare req/s | ratio | failed | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
  ];
  for (const r of size.rows) {
    const e = r.exchange;
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    lines.push(
      `| \`${r.route}\` | ${rps(e.rps)}${e.onePerConnection ? ' †' : e.tooSlow ? ' ‡' : ''} | ${ms(e.p50)} | ${ms(e.p95)} | ${ms(e.p99)} | ${rps(r.bare.rps)} | ` +
        `${ratio(r.ratio)} | ${e.failed} | ${describeTargets(r.targets)} | ${met} |`,
    );
  }
  if (size.rows.some((r) => r.exchange.onePerConnection)) {
    lines.push('', `† answered too slowly for a ${seconds} s run: measured over one request per connection.`);
  }
  if (size.rows.some((r) => r.exchange.tooSlow)) {
    lines.push('', '‡ did not answer: a single request took more than 30 s behind those of the run.');
  }
  const metered = size.rows.filter((r) => r.exchange.cpuMsPerOk);
  if (metered.length > 0) {
    const perWrite = metered.map((r) => {
      const cpu = r.exchange.cpuMsPerOk!;
      const bare = r.bare.cpuMsPerOk?.bare;
      const beside = [
        ...(bare === undefined ? [] : [`bare ${bare.toFixed(2)}`]),
        ...(cpu.bench === undefined ? [] : [`writers ${cpu.bench.toFixed(2)}`]),
      ];
      return (
        `\`${r.route}\` ${ms(cpu.exchange ?? NaN)} + ${ms(cpu.database ?? NaN)}` +
        (beside.length > 0 ? ` (${beside.join('; ')})` : '')
      );
    });
    lines.push(
      '',
      `CPU per write, ms (the exchange + the database; the bare server's, a yardstick of the machine's speed; the bench's own writers, which share the machine): ${perWrite.join('; ')}.`,
    );
  }
  if (size.skipped.length > 0)
    lines.push('', `Left out (the exchange did not answer them): ${size.skipped.join(', ')}.`);
  return lines.join('\n');
}
