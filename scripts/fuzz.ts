/**
 * `npm run fuzz` (run by .ci/run): schemathesis against the OpenAPI document of a real exchange
 * (FerretDB, stripe-mock, demo data), signed out, as a demo member and as the operator, the three
 * runs side by side. Fails on any 5xx, on any 4xx whose body is not the contract's error body
 * (scripts/fuzz/contract_checks.py), and on fewer than 5,000 requests in all.
 * FUZZ_EXAMPLES sets the fuzzing phase's examples per operation and run (default 5);
 * FUZZ_RUNS picks runs by last word (`out,member,operator`); FUZZ_ARGS adds
 * schemathesis options (e.g. `--include-path-regex /notifications`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { startFerretDb, startStripeMock, type RunningService } from './services/services';
import { toolsDir } from './services/tools';
import { loadConfig } from '../server/config';
import { startExchange } from '../server/exchange';
import { disconnectDatabase } from '../server/common/db';

const root = path.resolve(__dirname, '..');
const DEMO_MEMBER = { email: 'hung@vcnmt.example.vn', password: 'demo-Password-2026' };
const DEMO_OPERATOR = { email: 'admin@techexchange.local', password: 'demo-Admin-2026' };
const MIN_REQUESTS = 5000;

/** The schemathesis release the contract checks are written for (its hook API is 4.x). */
const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * schemathesis from PyPI in a virtualenv kept with the other tools (or SCHEMATHESIS when set),
 * installed once per machine. The venv counts only once its `installed` mark is written (a run
 * cut short mid-install starts over), and one install runs at a time (a lock folder).
 */
async function ensureSchemathesis(): Promise<string> {
  if (process.env.SCHEMATHESIS) return process.env.SCHEMATHESIS;
  const venv = path.join(toolsDir(), `schemathesis-${SCHEMATHESIS_VERSION}-venv`);
  const bin = path.join(venv, 'bin', 'schemathesis');
  const mark = path.join(venv, 'installed');
  if (fs.existsSync(mark)) return bin;
  const lock = `${venv}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another install is under way; a lock older than 15 minutes belonged to a run that died.
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    if (fs.existsSync(mark)) return bin;
    process.stderr.write(`[fuzz] installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${venv}\n`);
    fs.rmSync(venv, { recursive: true, force: true });
    const steps: [string, string[]][] = [
      ['python3', ['-m', 'venv', venv]],
      [path.join(venv, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`]],
      [bin, ['--version']],
    ];
    for (const [cmd, args] of steps) {
      const r = spawnSync(cmd, args, { stdio: 'inherit' });
      if (r.status !== 0)
        throw new Error(
          `${cmd} ${args.join(' ')} failed` +
            (r.error
              ? ` (${r.error.message}): npm run fuzz needs Python 3.9+ with venv (apt-get install python3-venv)`
              : ''),
        );
    }
    fs.writeFileSync(mark, `${new Date().toISOString()}\n`);
    return bin;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function signIn(url: string, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`demo sign-in answered ${res.status}`);
  const cookie = /tx\.sid=[^;]+/.exec(res.headers.get('set-cookie') ?? '');
  if (!cookie) throw new Error('demo sign-in set no session cookie');
  return cookie[0];
}

interface RunResult {
  requests: number;
  ok: boolean;
}

async function runSchemathesis(
  bin: string,
  url: string,
  name: string,
  reportDir: string,
  extra: string[],
): Promise<RunResult> {
  const ndjson = path.join(reportDir, `${name}.ndjson`);
  const args = [
    'run',
    `${url}/api/openapi.json`,
    '--url',
    url,
    '--checks',
    'not_a_server_error,error_body_in_contract',
    '--max-examples',
    process.env.FUZZ_EXAMPLES ?? '5',
    '--phases',
    'examples,coverage,fuzzing',
    '--workers',
    '1',
    '--seed',
    process.env.FUZZ_SEED ?? '20261202',
    '--suppress-health-check',
    'all',
    '--request-timeout',
    '20',
    '--continue-on-failure',
    '--report',
    'ndjson',
    '--report-ndjson-path',
    ndjson,
    ...extra,
    ...(process.env.FUZZ_ARGS ? process.env.FUZZ_ARGS.split(' ') : []),
  ];
  const log = path.join(reportDir, `${name}.log`);
  const output = fs.openSync(log, 'w');
  // Not spawnSync: the exchange under test runs in this process and must keep answering.
  const child = spawn(bin, args, {
    stdio: ['ignore', output, output],
    cwd: reportDir, // schemathesis keeps a cache folder where it runs
    env: {
      ...process.env,
      SCHEMATHESIS_HOOKS: 'contract_checks',
      PYTHONPATH: path.join(root, 'scripts/fuzz'),
      PYTHONDONTWRITEBYTECODE: '1',
    },
  });
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  fs.closeSync(output);
  // The runs' outputs would interleave: each is printed whole once it ends.
  process.stdout.write(`\n== schemathesis, ${name}\n${fs.readFileSync(log, 'utf8')}`);
  return { requests: countRequests(ndjson), ok: status === 0 };
}

/** Requests actually sent, from schemathesis's event log. */
function countRequests(ndjson: string): number {
  if (!fs.existsSync(ndjson)) return 0;
  let n = 0;
  for (const line of fs.readFileSync(ndjson, 'utf8').split('\n')) {
    if (!line) continue;
    const event = JSON.parse(line) as Record<string, { recorder?: { interactions?: object } }>;
    const interactions = event.ScenarioFinished?.recorder?.interactions;
    if (interactions) n += Object.keys(interactions).length;
  }
  return n;
}

async function main(): Promise<number> {
  const bin = await ensureSchemathesis();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-fuzz-'));
  const services: RunningService[] = [];
  let exchange: Awaited<ReturnType<typeof startExchange>> | undefined;
  try {
    const db = await startFerretDb({ dataDir: path.join(tmp, 'db') });
    services.push(db);
    const stripe = await startStripeMock({ logFile: path.join(tmp, 'stripe-mock.log') });
    services.push(stripe);
    exchange = await startExchange(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
        DATA_DIR: path.join(tmp, 'data'),
        MONGODB_URI: `${db.url}techexchange_fuzz`,
        SEARCH_INDEX_PATH: ':memory:',
        SESSION_SECRET: 'fuzz-session-secret-0123456789',
        STRIPE_SECRET_KEY: 'sk_test_123',
        STRIPE_WEBHOOK_SECRET: 'whsec_fuzz_secret',
        STRIPE_API_BASE: stripe.url,
        SEED_DEMO: 'true',
        ADMIN_EMAIL: 'admin@techexchange.local',
        ADMIN_PASSWORD: 'demo-Admin-2026',
        // The fuzzer signs in and registers thousands of times from one address.
        LOGIN_RATE_LIMIT: '1000000',
        LOGIN_IP_RATE_LIMIT: '1000000',
        REGISTER_RATE_LIMIT: '1000000',
        PASSWORD_RESET_RATE_LIMIT: '1000000',
        PASSWORD_RESET_IP_RATE_LIMIT: '1000000',
        // Each sign-in and registration costs a hash: at the production cost, a quarter of a CPU second.
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        // The runs share one address: without this, search would answer them mostly 429.
        SEARCH_RATE_LIMIT: '1000000',
        CLIENT_DIR: path.join(tmp, 'no-client'),
      } as NodeJS.ProcessEnv),
    );
    const reportDir = path.join(tmp, 'reports');
    fs.mkdirSync(reportDir);
    const runs: { name: string; who?: { email: string; password: string } }[] = [
      { name: 'signed out' },
      { name: 'signed in as a demo member', who: DEMO_MEMBER },
      { name: 'signed in as the operator', who: DEMO_OPERATOR },
    ].filter(
      (r) => !process.env.FUZZ_RUNS || process.env.FUZZ_RUNS.split(',').includes(r.name.split(' ').pop()!),
    );
    // The runs go side by side, each a schemathesis process of one worker: Python 3.11's `ast`
    // (which Hypothesis calls) is not safe across threads (CPython gh-106905: "AST constructor
    // recursion depth mismatch"), separate processes are, and the exchange keeps both cores busy.
    const url = exchange.url;
    const results = await Promise.all(
      runs.map(async (run) => {
        // Signing out would end the session the rest of the run relies on.
        const auth = run.who
          ? ['--header', `Cookie: ${await signIn(url, run.who)}`, '--exclude-path', '/api/auth/logout']
          : [];
        const slug = run.name.replace(/\W+/g, '-');
        return { name: run.name, ...(await runSchemathesis(bin, url, slug, reportDir, auth)) };
      }),
    );
    const requests = results.reduce((n, r) => n + r.requests, 0);
    const ok = results.every((r) => r.ok);
    const enough = requests >= MIN_REQUESTS;
    process.stdout.write(
      `\nfuzz: ${requests} requests (${results.map((r) => `${r.name} ${r.requests}`).join(', ')}); ` +
        `${ok ? 'no 5xx, every 4xx in the contract body' : 'FAILURES above'}` +
        `${enough ? '' : `; fewer than ${MIN_REQUESTS} requests`}\n`,
    );
    return ok && enough ? 0 : 1;
  } finally {
    await exchange?.stop();
    await disconnectDatabase().catch(() => undefined);
    for (const s of services.reverse()) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`fuzz failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
