/**
 * Checks deploy/.env.example against server/config.ts: every variable the configuration reads
 * is named in the example and in the README's table, and the example, once its empty secrets
 * are filled with placeholders and compose's own settings added, passes the configuration's
 * validation in production mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const PLACEHOLDERS: Record<string, string> = {
  SESSION_SECRET: 'placeholder-session-secret-0123456789',
  MEILI_MASTER_KEY: 'placeholder-meili-master-key',
  ADMIN_EMAIL: 'operator@example.gov.vn',
  ADMIN_PASSWORD: 'placeholder-Password-2026',
  METRICS_TOKEN: 'placeholder-metrics-token',
};

/** Values compose sets for the exchange processes (deploy/docker-compose.yml). */
const FROM_COMPOSE: Record<string, string> = {
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  PORT: '3000',
  TRUST_PROXY: 'true',
  MONGODB_URI: 'mongodb://mongo:27017/techexchange?replicaSet=rs0',
  MEILI_HOST: 'http://meilisearch:7700',
  MEILI_KEY: PLACEHOLDERS.MEILI_MASTER_KEY,
  REDIS_URL: 'redis://redis:6379',
};

export function configVariables(configSource: string): string[] {
  return [...configSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+): Joi\./gm)].map((m) => m[1]);
}

function main(): number {
  const variables = configVariables(read('server/config.ts'));
  const example = read('deploy/.env.example');
  const readme = read('README.md');
  const problems: string[] = [];
  for (const name of variables) {
    if (!new RegExp(`^#?\\s*${name}=`, 'm').test(example))
      problems.push(`${name} is not named in deploy/.env.example`);
    if (!readme.includes(`\`${name}\``)) problems.push(`${name} is not in the README's configuration table`);
  }
  const env: Record<string, string> = { ...FROM_COMPOSE };
  for (const line of example.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2] || PLACEHOLDERS[m[1]] || '';
  }
  for (const [k, v] of Object.entries(env))
    if (v === '') problems.push(`${k} is empty and has no placeholder here`);
  try {
    loadConfig(env as NodeJS.ProcessEnv);
  } catch (err) {
    problems.push(`the example does not pass the configuration: ${(err as Error).message}`);
  }
  for (const p of problems) process.stderr.write(`  ${p}\n`);
  if (problems.length === 0)
    process.stdout.write(`  ${variables.length} variables named; the example passes validation\n`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main());
