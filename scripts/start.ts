/**
 * `npm start`: builds what changed, starts the embedded services unless their env vars point
 * elsewhere, loads demo data into an empty database, starts the exchange and prints its URL.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { buildClientIfStale, buildServerIfStale } from './build-if-stale';
import { startFerretDb, type RunningDatabase } from './services/services';
import { isPortFree, freePort } from './services/ports';
import { MissingPrerequisite } from './services/tools';

const root = path.resolve(__dirname, '..');
const DEMO_ADMIN = { email: 'admin@techexchange.local', password: 'demo-Admin-2026' };

async function main() {
  const env = { ...process.env };
  const dataDir = path.resolve(root, env.DATA_DIR ?? 'data');
  env.DATA_DIR = dataDir;
  buildServerIfStale();
  buildClientIfStale();

  let db: RunningDatabase | undefined;
  if (!env.MONGODB_URI) {
    db = await startFerretDb({ dataDir: path.join(dataDir, 'db') });
    env.MONGODB_URI = `${db.localUrl}techexchange`;
    // Nobody else knows of this database: the one exchange process may keep its locks in memory.
    if (!env.REDIS_URL) env.LOCK_BACKEND ??= 'memory';
  }
  const stopServices = async () => {
    await db?.stop();
  };

  if (!env.PORT) env.PORT = String((await isPortFree(3000)) ? 3000 : await freePort());
  env.HOST ??= '127.0.0.1';
  // Demo accounts share published passwords: production gets neither (config refuses them).
  if (env.NODE_ENV !== 'production') {
    if (!env.ADMIN_EMAIL) {
      env.ADMIN_EMAIL = DEMO_ADMIN.email;
      env.ADMIN_PASSWORD = DEMO_ADMIN.password;
    }
    env.SEED_DEMO ??= 'true';
  }

  const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const ready = /^READY (\S+)/m.exec(text);
    if (ready) {
      process.stdout.write(`\nThe technology exchange is running at ${ready[1]}\n`);
      if (env.ADMIN_EMAIL === DEMO_ADMIN.email) {
        process.stdout.write(`Operator sign-in: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}\n`);
        process.stdout.write(
          'Demo members sign in with their email (see README) and password demo-Password-2026\n',
        );
      }
      process.stdout.write('Press Ctrl+C to stop.\n\n');
    }
    process.stdout.write(text.replace(/^READY .*\n?/m, ''));
  });
  const forward = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  server.on('exit', async (code) => {
    await stopServices();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  const message = err instanceof MissingPrerequisite ? err.message : ((err as Error).stack ?? String(err));
  process.stderr.write(`npm start failed: ${message}\n`);
  process.exit(1);
});
