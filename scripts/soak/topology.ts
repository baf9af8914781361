/**
 * The soak's production-like topology on loopback: FerretDB, Redis, Meilisearch (when its binary
 * is beside the repository; otherwise each process keeps an embedded index), two exchange
 * processes in production mode and nginx with deploy/nginx/nginx.conf in front (TLS with a
 * throw-away certificate). The demo data is loaded into the database first, as `npm run seed`
 * does: production refuses SEED_DEMO.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { startFerretDb, startNginx, startRedis, type RunningService } from '../services/services';
import { meilisearchBinary, startMeilisearch } from '../services/meilisearch';
import { freePort } from '../services/ports';
import { connectDatabase, disconnectDatabase } from '../../server/common/db';
import { loadDemoData } from '../../server/demo/load-demo';

const root = path.resolve(__dirname, '../..');
export const SOAK_SESSION_SECRET = 'soak-session-secret-0123456789';
export const SOAK_METRICS_TOKEN = 'soak-metrics-token-0123456789';

export interface ExchangeChild {
  url: string;
  stop(): Promise<void>;
}

function spawnExchange(env: Record<string, string>, logFile: string): Promise<ExchangeChild> {
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', out],
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      fs.appendFileSync(logFile, chunk);
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready) resolve({ url: ready[1], stop });
    });
    child.once('exit', (code) => reject(new Error(`an exchange process exited (${code}); see ${logFile}`)));
  });
}

export interface Topology {
  proxyUrl: string;
  processUrls: string[];
  mongodbUri: string;
  stop(): Promise<void>;
}

export async function startTopology(workDir: string): Promise<Topology> {
  const started: { stop(): Promise<void> }[] = [];
  const db = await startFerretDb({ dataDir: path.join(workDir, 'db') });
  started.push(db);
  const redis = await startRedis();
  started.push(redis);
  const certDir = path.join(workDir, 'certs');
  fs.mkdirSync(certDir, { recursive: true });
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-keyout',
      path.join(certDir, 'privkey.pem'),
      '-out',
      path.join(certDir, 'fullchain.pem'),
    ]),
    { stdio: 'ignore' },
  );
  const ports: [number, number] = [await freePort(), await freePort()];
  const proxy: RunningService = await startNginx({
    exchangePorts: ports,
    certDir,
    workDir: path.join(workDir, 'nginx'),
  });
  started.push(proxy);
  const mongodbUri = `${db.url}techexchange_soak`;
  await connectDatabase(mongodbUri);
  try {
    await loadDemoData({ log: () => undefined });
  } finally {
    if (mongoose.connection.readyState === 1) await disconnectDatabase();
  }
  const search: Record<string, string> = {};
  if (meilisearchBinary()) {
    const meili = await startMeilisearch({ dataDir: path.join(workDir, 'meili') });
    started.push(meili);
    search.MEILI_HOST = meili.url;
    search.MEILI_KEY = meili.masterKey;
  }
  const common = {
    ...search,
    MONGODB_URI: mongodbUri,
    REDIS_URL: redis.url,
    PUBLIC_URL: proxy.url,
    TRUST_PROXY: 'true',
    SESSION_SECRET: SOAK_SESSION_SECRET,
    METRICS_TOKEN: SOAK_METRICS_TOKEN,
    DATA_DIR: workDir,
    LOGIN_RATE_LIMIT: '100000',
    // Every browsing client of the soak comes from 127.0.0.1.
    SEARCH_RATE_LIMIT: '1000000',
  };
  const exchanges: ExchangeChild[] = [];
  for (const [i, port] of ports.entries()) {
    exchanges.push(
      await spawnExchange(
        {
          ...common,
          PORT: String(port),
          SEARCH_INDEX_PATH: path.join(workDir, `search-${i}.sqlite`),
        },
        path.join(workDir, `exchange-${i + 1}.log`),
      ),
    );
  }
  started.push(...exchanges);
  return {
    proxyUrl: proxy.url,
    processUrls: ports.map((p) => `http://127.0.0.1:${p}`),
    mongodbUri,
    async stop() {
      for (const s of started.reverse()) await s.stop().catch(() => undefined);
    },
  };
}
