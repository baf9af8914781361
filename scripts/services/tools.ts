/**
 * Installs the external programs the exchange runs beside it, once per machine, into a shared
 * tools folder (default ~/.cache/techexchange/tools, or TOOLS_DIR) so fresh clones reuse them.
 * Each step is idempotent and returns at once when its program is already there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';

export const FERRETDB_VERSION = 'v1.24.2';
export const STRIPE_MOCK_VERSION = 'v0.203.0';

export class MissingPrerequisite extends Error {}

export function toolsDir(): string {
  const dir = process.env.TOOLS_DIR ?? path.join(os.homedir(), '.cache', 'techexchange', 'tools');
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  return dir;
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function requireGo(what: string, alternative: string): string {
  const go = which('go') ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go)
    throw new MissingPrerequisite(
      `${what} needs Go to build: install Go 1.22+ (https://go.dev/dl or apt-get install golang-go), or ${alternative}`,
    );
  return go;
}

function log(message: string) {
  process.stderr.write(`[tools] ${message}\n`);
}

/**
 * Changes we carry to FerretDB's source, applied in this order at build time. `id-index.patch`
 * makes its SQLite backend look documents up by `_id` (and `_id: {$in}`) through the unique
 * index it declares, instead of scanning the collection. `bool-field-index.patch` does the same for
 * a filter on a top-level field compared with true or false (`{searchDirty: true}`, the search
 * indexer's catch-up pass): the field's own index finds its rows, where FerretDB decoded every
 * document of the collection (5.7 s at 100,000 listings, slowing every write while it ran); rows
 * holding an array in that field are kept, since an array matches when one of its elements does.
 * `serial-writes.patch` makes its writers
 * queue on a mutex instead of in SQLite's busy handler, whose growing sleeps gave writes under
 * load second-long tails. `no-reply-to-more-to-come.patch` stops it answering an unacknowledged
 * (w: 0) write: the driver reads no answer to one, so the stray answer was taken for the answer to
 * the next command on that connection (test/services/ferretdb-patch.test.ts).
 * `no-resource-tracking.patch` turns off its leak tracking outside debug builds: a pprof profile
 * entry and a finalizer for every iterator and transaction cost about a tenth of its CPU.
 * `decode-cache.patch` remembers large documents by their exact stored text, so reading a text
 * decoded (or written) before copies the document instead of decoding its JSON again (a query's
 * first 16 documents only: a scan of a collection would push out what is read by `_id`).
 * `sjson-decode.patch` decodes stored JSON with goccy/go-json's `Unmarshal`, one call per value
 * instead of an `encoding/json` Decoder of its own (a reader, a buffer and a copy per string and
 * number), and takes strings without escapes as they are: a full scan costs 55–60 % less CPU.
 * Encoding stays with `encoding/json`; only the wording of decoding errors changes.
 * `params-tag-cache.patch` parses the field tags of each command's parameters struct once per
 * type instead of with reflection and string splitting on every command (a seventh of a find's CPU).
 * `quiet-debug-logs.patch` formats its debug lines (every SQL statement twice, every find's
 * parameters) only when debug logging is on: they were formatted and dropped (a twentieth).
 */
export const FERRETDB_PATCHES = [
  'id-index.patch',
  'bool-field-index.patch',
  'serial-writes.patch',
  'no-reply-to-more-to-come.patch',
  'no-resource-tracking.patch',
  'decode-cache.patch',
  'sjson-decode.patch',
  'params-tag-cache.patch',
  'quiet-debug-logs.patch',
].map((name) => path.join(__dirname, 'ferretdb', name));

/**
 * Changes we carry to the SQLite driver FerretDB is built with (modernc.org/sqlite, the version
 * its go.mod names), applied to a copy of the driver that the build uses instead.
 * `sqlite-stmt-cache.patch` keeps each connection's prepared statements by their SQL text: the
 * driver prepared (parsed and planned) every statement again for each use and threw it away
 * after, about a tenth of FerretDB's CPU on every find, insert and update.
 */
export const SQLITE_DRIVER_PATCHES = ['sqlite-stmt-cache.patch'].map((name) =>
  path.join(__dirname, 'ferretdb', name),
);

/** The patches' digest names the binary, so a changed patch is rebuilt and never mixed up. */
function ferretDbBuildTag(): string {
  const hash = createHash('sha256');
  for (const file of [...FERRETDB_PATCHES, ...SQLITE_DRIVER_PATCHES]) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}

/** Where `go mod download` keeps a module's source (read-only). */
function moduleSource(go: string, module: string): string {
  const info = JSON.parse(
    execFileSync(go, ['mod', 'download', '-json', module], { encoding: 'utf8', cwd: os.tmpdir() }),
  ) as { Dir: string };
  return info.Dir;
}

/**
 * Builds FerretDB (in `work`) with the patched SQLite driver: a tree of links to the driver's
 * source with the patched files as real files, put in place of the module by a `replace`.
 */
function patchSqliteDriver(go: string, work: string): void {
  const required = execFileSync(go, ['list', '-m', '-f', '{{.Version}}', 'modernc.org/sqlite'], {
    encoding: 'utf8',
    cwd: work,
  }).trim();
  const source = moduleSource(go, `modernc.org/sqlite@${required}`);
  const copy = path.join(work, 'third_party', 'modernc-sqlite');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  execFileSync('cp', ['-rs', source, copy]);
  for (const patch of SQLITE_DRIVER_PATCHES) {
    for (const file of patchedFiles(patch)) {
      const target = path.join(copy, file);
      if (!fs.existsSync(target)) continue;
      fs.rmSync(target);
      fs.copyFileSync(path.join(source, file), target);
      fs.chmodSync(target, 0o644);
    }
    execFileSync('git', ['apply', '--whitespace=nowarn', patch], {
      cwd: copy,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  execFileSync(go, ['mod', 'edit', '-replace', `modernc.org/sqlite=./third_party/modernc-sqlite`], {
    cwd: work,
  });
}

/** The files a unified diff changes (those it creates do not exist yet and are skipped by the caller). */
function patchedFiles(patch: string): string[] {
  const names = fs
    .readFileSync(patch, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('+++ b/'))
    .map((line) => line.slice('+++ b/'.length).trim());
  return [...new Set(names)];
}

/**
 * FerretDB v1.24.2, built from its module source with our patches. `go install` of it fails on
 * some proxies (its deprecation lookup), and its module zip lacks the embedded version file, so
 * we build a copy.
 */
export function ensureFerretDb(): string {
  const bin = path.join(toolsDir(), 'bin', `ferretdb-${FERRETDB_VERSION}-${ferretDbBuildTag()}`);
  if (fs.existsSync(bin)) return bin;
  const go = requireGo('The embedded database (FerretDB)', 'set MONGODB_URI to a running MongoDB');
  log(`building FerretDB ${FERRETDB_VERSION} (about a minute, once)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
  try {
    fs.cpSync(moduleSource(go, `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`), work, {
      recursive: true,
    });
    execFileSync('chmod', ['-R', 'u+w', work]);
    fs.writeFileSync(path.join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    for (const patch of FERRETDB_PATCHES) {
      // `git apply` needs no repository; it refuses a patch that does not apply cleanly.
      execFileSync('git', ['apply', '--whitespace=nowarn', patch], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    patchSqliteDriver(go, work);
    // Two builds at once (a test run beside `npm start`) each write their own file; the last rename wins.
    const built = `${bin}.${process.pid}.tmp`;
    execFileSync(go, ['build', '-o', built, './cmd/ferretdb'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.renameSync(built, bin);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return bin;
}

export function ensureStripeMock(): string {
  const bin = path.join(toolsDir(), 'bin', `stripe-mock-${STRIPE_MOCK_VERSION}`);
  if (fs.existsSync(bin)) return bin;
  const go = requireGo('stripe-mock (used by the tests)', 'set STRIPE_API_BASE to a running stripe-mock');
  log(`building stripe-mock ${STRIPE_MOCK_VERSION} (once)…`);
  const gobin = fs.mkdtempSync(path.join(os.tmpdir(), 'stripe-mock-bin-'));
  try {
    execFileSync(go, ['install', `github.com/stripe/stripe-mock@${STRIPE_MOCK_VERSION}`], {
      env: { ...process.env, GOBIN: gobin },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.renameSync(path.join(gobin, 'stripe-mock'), bin);
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
  return bin;
}

function aptInstall(pkg: string, why: string): void {
  if (process.getuid?.() !== 0) {
    throw new MissingPrerequisite(`${why}: install it with 'sudo apt-get install -y ${pkg}'`);
  }
  if (!which('apt-get')) throw new MissingPrerequisite(`${why}: install the '${pkg}' package`);
  log(`installing ${pkg} from Debian (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (r.status !== 0) throw new MissingPrerequisite(`${why}: 'apt-get install ${pkg}' failed`);
}

export function ensureRedis(): string {
  const found = which('redis-server');
  if (found) return found;
  aptInstall('redis-server', 'Redis is needed for several server processes (or set REDIS_URL)');
  return which('redis-server') ?? '/usr/bin/redis-server';
}

/** Debian's nginx: the proxy of the production topology test and of scripts/deploy-check.sh. */
export function ensureNginx(): string {
  const found = which('nginx') ?? (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined);
  if (found) return found;
  aptInstall('nginx-light', 'The production topology test needs nginx as its proxy');
  return '/usr/sbin/nginx';
}

export function ensureChromium(): string {
  const bin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(bin)) return bin;
  aptInstall('chromium', 'The browser tests need Chromium (or set CHROMIUM_PATH)');
  return bin;
}
