/**
 * Rehearses the Dockerfile where Docker cannot run: reads its stages, and in a clean temp
 * folder per stage performs the same COPY and RUN steps (npm ci, npm ci --omit=dev, the
 * builds), assembles the runtime stage from them, then starts its CMD against a throw-away
 * FerretDB and asks its health check's URL (/readyz) and the web client.
 *
 * Liberties, all for time: npm runs offline-first from the local cache and skips install
 * scripts; native addons (argon2, better-sqlite3) are copied from this checkout's node_modules
 * (built from the same lockfile) instead of being compiled again; a full `npm ci` (the build
 * stage's) is this checkout's node_modules linked in, which `npm ci` made from the same lockfile
 * (the production stage's `npm ci --omit=dev` still runs). The web client built here is the
 * checkout's own build when the checkout's is older than its sources (npm test then need not
 * build it again).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { startFerretDb } from '../services/services';
import { freePort } from '../services/ports';
import { adoptClientBuild } from '../build-if-stale';

const root = path.resolve(__dirname, '../..');

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  steps: Instruction[];
}

/** The Dockerfile's stages and their instructions, continuation lines joined. */
export function parseDockerfile(text: string): Stage[] {
  const joined = text.replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!op) continue;
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage-${stages.length}`;
      stages.push({ name, steps: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].steps.push({ op: upper, args: args.trim() });
    }
  }
  return stages;
}

function run(cmd: string, cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const started = Date.now();
  const r = spawnSync('/bin/sh', ['-c', cmd], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      npm_config_prefer_offline: 'true',
      npm_config_ignore_scripts: 'true',
      npm_config_update_notifier: 'false',
      ...env,
    },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`RUN ${cmd} failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
  log(`  RUN ${cmd} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** The build stage's full install, which this checkout's `npm ci` already made from the same lockfile. */
const FULL_INSTALL = /^npm ci(?: --no-audit| --no-fund)*$/;

function linkCheckoutModules(cmd: string, cwd: string): void {
  const started = Date.now();
  const r = spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(cwd, 'node_modules')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`linking node_modules for RUN ${cmd} failed:\n${r.stderr}`);
  log(`  RUN ${cmd}: this checkout's node_modules linked (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

/** `COPY [--from=stage] src... dest`, with dest relative to WORKDIR (/app). */
function copy(args: string, stageDir: string, dirs: Map<string, string>): void {
  const parts = args.split(/\s+/);
  const from = /^--from=(\S+)$/.exec(parts[0])?.[1];
  const rest = from ? parts.slice(1) : parts;
  const dest = rest[rest.length - 1];
  const sources = rest.slice(0, -1);
  const base = from ? dirs.get(from) : root;
  if (!base) throw new Error(`COPY --from=${from}: no such stage`);
  for (const src of sources) {
    const srcPath = path.join(base, src.replace(/^\/app\/?/, ''));
    if (!fs.existsSync(srcPath)) throw new Error(`COPY ${args}: ${src} does not exist`);
    const target = dest.endsWith('/') || sources.length > 1 ? path.join(dest, path.basename(src)) : dest;
    const destPath = path.join(stageDir, target.replace(/^\/app\/?/, ''));
    fs.mkdirSync(path.dirname(destPath), { recursive: true });
    fs.cpSync(srcPath, destPath, {
      recursive: true,
      filter: (p) => from !== undefined || !/(^|\/)(node_modules|dist)(\/|$)/.test(path.relative(root, p)),
    });
  }
}

/** Native addons were not compiled (install scripts skipped): take this checkout's builds. */
function bringNativeBuilds(stageDir: string): void {
  const modules = path.join(stageDir, 'node_modules');
  if (!fs.existsSync(modules)) return;
  for (const name of fs.readdirSync(modules)) {
    const pkg = path.join(modules, name);
    if (!fs.existsSync(path.join(pkg, 'binding.gyp')) || fs.existsSync(path.join(pkg, 'build'))) continue;
    const built = path.join(root, 'node_modules', name, 'build');
    if (fs.existsSync(built)) fs.cpSync(built, path.join(pkg, 'build'), { recursive: true });
  }
}

async function smokeTest(runtimeDir: string, env: Record<string, string>, cmd: string[]): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-image-db-'));
  const db = await startFerretDb({ dataDir: tmp });
  const port = await freePort();
  const child = spawn(cmd[0], cmd.slice(1), {
    cwd: runtimeDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(tmp, 'data'),
      CLIENT_DIR: path.join(runtimeDir, 'client/dist'),
      MONGODB_URI: `${db.url}techexchange_image`,
      SESSION_SECRET: 'image-rehearsal-secret-0123456789',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no READY within 60 s:\n${output.slice(-2000)}`)),
        60_000,
      );
      child.stdout!.on('data', () => {
        if (/READY /.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`the image's CMD exited (${code}):\n${output.slice(-2000)}`)),
      );
    });
    const base = `http://127.0.0.1:${port}`;
    const ready = await fetch(`${base}/readyz`);
    if (!ready.ok) throw new Error(`/readyz answered ${ready.status}`);
    const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    if (!page.ok || !html.includes('<div id="root"'))
      throw new Error(`the web client is not served (${page.status})`);
    log(`  CMD ${cmd.join(' ')}: /readyz 200, web client served`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await db.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const stages = parseDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  const copiedAt = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-image-'));
  const dirs = new Map<string, string>();
  try {
    const runtime = stages[stages.length - 1];
    for (const stage of stages) {
      const dir = path.join(work, stage.name);
      fs.mkdirSync(dir);
      dirs.set(stage.name, dir);
      log(`stage ${stage.name}`);
      const env: Record<string, string> = {};
      let cmd: string[] = [];
      for (const step of stage.steps) {
        if (step.op === 'COPY') copy(step.args, dir, dirs);
        else if (step.op === 'RUN' && stage !== runtime) {
          if (FULL_INSTALL.test(step.args) && fs.existsSync(path.join(root, 'node_modules')))
            linkCheckoutModules(step.args, dir);
          else run(step.args, dir);
          bringNativeBuilds(dir);
        } else if (step.op === 'ENV') {
          for (const [, k, v] of step.args.matchAll(/(\w+)=(\S+)/g)) env[k] = v;
        } else if (step.op === 'CMD') cmd = JSON.parse(step.args) as string[];
      }
      if (stage === runtime) {
        if (cmd[0] === 'node') cmd[0] = process.execPath;
        await smokeTest(dir, env, cmd);
      }
      const builtClient = path.join(dir, 'client/dist');
      if (stage !== runtime && fs.existsSync(builtClient) && adoptClientBuild(builtClient, copiedAt))
        log(`  (its web client build is now this checkout's client/dist)`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`image rehearsal failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
