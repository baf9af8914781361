/**
 * The only reader of process.env. Every setting is validated once, at start-up; a bad value
 * stops the process with a message naming it. Defaults are the embedded, single-machine setup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Joi from 'joi';
import { DEFAULT_FEE_SCHEDULE, feeScheduleSchema, type FeeSchedule } from './fees';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  mongodbUri?: string;
  meiliHost?: string;
  meiliKey?: string;
  searchIndexPath: string;
  /** The embedded engine runs on its own worker thread. */
  searchThread: boolean;
  /** How long a search answer may be reused when no write signalled a change; 0: never. */
  searchCacheMs: number;
  /** Under load, how long a grouped database command waits for more callers (grouped-command.ts). */
  commandGatherMs: number;
  /** Days a buyer has to answer a delivered milestone before it is accepted for them. */
  milestoneAcceptDays: number;
  /** Minutes before a scheduled meeting at an event both sides are reminded. */
  meetingReminderMinutes: number;
  /** Days an auction's runner-up deposit is still kept after the winner's deal ended without an offer. */
  runnerUpDepositKeepDays: number;
  stripeSecretKey?: string;
  stripeWebhookSecret?: string;
  stripeApiBase?: string;
  redisUrl?: string;
  /**
   * Where locks live without Redis: 'database' (any number of processes sharing the database)
   * or 'memory' (this process is the database's only user, as `npm start` on its embedded one).
   */
  lockBackend: 'database' | 'memory';
  sessionSecret: string;
  sessionMaxAgeHours: number;
  trustProxy: boolean;
  adminEmail?: string;
  adminPassword?: string;
  adminName: string;
  loginRateLimit: number;
  /** Public searches and matches requests per client per minute. */
  searchRateLimit: number;
  loginIpRateLimit: number;
  registerRateLimit: number;
  /** Password reset requests per email per hour (beyond it: the same 202, no mail). */
  passwordResetRateLimit: number;
  /** Password reset requests per IP, whatever the email, per hour (beyond it: 429). */
  passwordResetIpRateLimit: number;
  passwordHashCost: PasswordHashCost;
  logLevel: string;
  smtpUrl?: string;
  mailFrom: string;
  feeSchedule: FeeSchedule;
  /** The exchange's collection account, quoted in bank-transfer instructions. */
  bankAccount: { bankName: string; accountName: string; accountNumber: string };
  uploadMaxBytes: number;
  uploadQuotaBytes: number;
  schedulerIntervalMs: number;
  schedulerSweepIntervalMs: number;
  seedDemo: boolean;
  clientDir: string;
  /** Bearer token for GET /metrics; without it /metrics is not served. */
  metricsToken?: string;
  /** Every JSON answer is checked against its route's response schema; a mismatch answers 500. */
  checkResponses: boolean;
  /** The name this exchange gives itself to partner exchanges (federation). */
  federationName: string;
  /** How often partner exchanges' feeds are pulled; 0: only when an operator asks. */
  federationPullIntervalMs: number;
  /** The wait before an undelivered cross-exchange inquiry is tried again (doubling, at most an hour). */
  federationRetryMs: number;
  /** How long the exchange's previous key still verifies after an operator rotated it. */
  federationKeyGraceMs: number;
  /** Requests per partner API key (`Authorization: Bearer`) per minute. */
  apiKeyRateLimit: number;
}

/** What one argon2id password hash costs: memory in KiB and passes over it. */
export interface PasswordHashCost {
  memoryKib: number;
  iterations: number;
}

/** The argon2 library's defaults (64 MiB, 3 passes), above OWASP's recommended minimums. */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { memoryKib: 65_536, iterations: 3 };

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  HOST: Joi.string().default('127.0.0.1'),
  PORT: Joi.number().port().default(3000),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }),
  DATA_DIR: Joi.string().default('./data'),
  MONGODB_URI: Joi.string().uri({ scheme: ['mongodb', 'mongodb+srv'] }),
  MEILI_HOST: Joi.string().uri({ scheme: ['http', 'https'] }),
  MEILI_KEY: Joi.string(),
  SEARCH_INDEX_PATH: Joi.string(),
  SEARCH_THREAD: Joi.boolean().default(true),
  SEARCH_CACHE_MS: Joi.number().integer().min(0).max(60_000).default(2000),
  COMMAND_GATHER_MS: Joi.number().integer().min(0).max(50).default(4),
  MILESTONE_ACCEPT_DAYS: Joi.number().integer().min(1).max(90).default(14),
  MEETING_REMINDER_MINUTES: Joi.number().integer().min(1).max(1440).default(30),
  RUNNER_UP_DEPOSIT_KEEP_DAYS: Joi.number().integer().min(1).max(90).default(14),
  STRIPE_SECRET_KEY: Joi.string().pattern(/^(sk|rk)_(test|live)_/),
  STRIPE_WEBHOOK_SECRET: Joi.string().pattern(/^whsec_/),
  STRIPE_API_BASE: Joi.string().uri({ scheme: ['http', 'https'] }),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }),
  LOCK_BACKEND: Joi.string()
    .valid('database', 'memory')
    .default('database')
    .when('REDIS_URL', {
      is: Joi.exist(),
      then: Joi.invalid('memory').messages({
        'any.invalid': 'LOCK_BACKEND=memory is for one process alone; with REDIS_URL locks live in Redis',
      }),
    }),
  SESSION_SECRET: Joi.string().min(16),
  SESSION_MAX_AGE_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  TRUST_PROXY: Joi.boolean().default(false),
  ADMIN_EMAIL: Joi.string().email({ tlds: false }),
  ADMIN_PASSWORD: Joi.string().min(10),
  ADMIN_NAME: Joi.string().default('Quản trị viên sàn'),
  LOGIN_RATE_LIMIT: Joi.number().integer().min(1).default(10),
  SEARCH_RATE_LIMIT: Joi.number().integer().min(1).default(120),
  LOGIN_IP_RATE_LIMIT: Joi.number().integer().min(1).default(100),
  REGISTER_RATE_LIMIT: Joi.number().integer().min(1).default(20),
  PASSWORD_RESET_RATE_LIMIT: Joi.number().integer().min(1).default(5),
  PASSWORD_RESET_IP_RATE_LIMIT: Joi.number().integer().min(1).default(30),
  // OWASP's floor (19 MiB, 2 passes) holds everywhere but in the test suite, which hashes thousands of passwords.
  PASSWORD_HASH_MEMORY_KIB: Joi.number()
    .integer()
    .max(4_194_304)
    .default(DEFAULT_PASSWORD_HASH_COST.memoryKib)
    .when('NODE_ENV', { is: 'test', then: Joi.number().min(64), otherwise: Joi.number().min(19_456) }),
  PASSWORD_HASH_ITERATIONS: Joi.number()
    .integer()
    .max(20)
    .default(DEFAULT_PASSWORD_HASH_COST.iterations)
    .when('NODE_ENV', { is: 'test', then: Joi.number().min(1), otherwise: Joi.number().min(2) }),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }),
  MAIL_FROM: Joi.string().default('Sàn giao dịch công nghệ <no-reply@techexchange.local>'),
  FEE_SCHEDULE: Joi.string(),
  BANK_NAME: Joi.string().default('Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank) — demo'),
  BANK_ACCOUNT_NAME: Joi.string().default('SAN GIAO DICH CONG NGHE'),
  BANK_ACCOUNT_NUMBER: Joi.string()
    .pattern(/^[0-9 -]{6,34}$/)
    .default('0011004455667'),
  UPLOAD_MAX_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(10 * 1024 * 1024),
  UPLOAD_QUOTA_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(500 * 1024 * 1024),
  SCHEDULER_INTERVAL_MS: Joi.number().integer().min(50).default(1000),
  // Below the job list's 30-minute horizon (server/scheduler/job-queue.ts).
  SCHEDULER_SWEEP_INTERVAL_MS: Joi.number().integer().min(50).max(900_000).default(600_000),
  SEED_DEMO: Joi.boolean().default(false),
  CHECK_RESPONSES: Joi.boolean().default(false),
  CLIENT_DIR: Joi.string().default('client/dist'),
  METRICS_TOKEN: Joi.string().min(16),
  FEDERATION_NAME: Joi.string().trim().min(1).max(200).default('Sàn giao dịch công nghệ'),
  FEDERATION_PULL_INTERVAL_MS: Joi.alternatives()
    .try(Joi.number().integer().valid(0), Joi.number().integer().min(1000).max(86_400_000))
    .default(300_000),
  FEDERATION_RETRY_MS: Joi.number().integer().min(100).max(3_600_000).default(30_000),
  FEDERATION_KEY_GRACE_MS: Joi.number()
    .integer()
    .min(0)
    .max(90 * 86_400_000)
    .default(7 * 86_400_000),
  API_KEY_RATE_LIMIT: Joi.number().integer().min(1).default(600),
})
  .and('ADMIN_EMAIL', 'ADMIN_PASSWORD')
  .unknown(true);

export class ConfigError extends Error {}

/** Secrets that were once fixed in code or docs: never good enough for production. */
const KNOWN_SESSION_SECRETS = new Set(['dev-only-session-secret-change-me']);

/**
 * What production must not run with. `NODE_ENV` unset means development, but a process that
 * looks deployed (an https PUBLIC_URL, or TRUST_PROXY) must say which it is.
 */
function productionRefusals(env: NodeJS.ProcessEnv, value: Record<string, any>): string[] {
  if (value.NODE_ENV !== 'production') {
    const looksDeployed = String(value.PUBLIC_URL ?? '').startsWith('https://') || value.TRUST_PROXY;
    return !env.NODE_ENV && looksDeployed
      ? ['NODE_ENV is unset but PUBLIC_URL is https or TRUST_PROXY is set: set NODE_ENV=production']
      : [];
  }
  const refusals: string[] = [];
  if (!value.SESSION_SECRET) refusals.push('SESSION_SECRET is required when NODE_ENV=production');
  else if (KNOWN_SESSION_SECRETS.has(value.SESSION_SECRET))
    refusals.push('SESSION_SECRET is the published development secret; set a random one');
  if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET)
    refusals.push('STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set in production');
  if (value.SEED_DEMO)
    refusals.push('SEED_DEMO=true would load demo accounts with a shared password in production');
  return refusals;
}

/**
 * Outside production without SESSION_SECRET: a random secret kept in DATA_DIR, so sessions
 * survive a restart and no secret is shared by every installation.
 */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return fs.readFileSync(file, 'utf8').trim();
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { value, error } = schema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    const names = error.details.map((d) => `${d.path.join('.')}: ${d.message.replace(/"/g, '')}`);
    throw new ConfigError(`Invalid configuration: ${names.join('; ')}`);
  }
  const nodeEnv = value.NODE_ENV as Config['env'];
  const refusals = productionRefusals(env, value);
  if (refusals.length) throw new ConfigError(`Refusing to start: ${refusals.join('; ')}`);
  const dataDir = path.resolve(value.DATA_DIR);
  return {
    env: nodeEnv,
    host: value.HOST,
    port: value.PORT,
    publicUrl: value.PUBLIC_URL ?? `http://${value.HOST}:${value.PORT}`,
    dataDir,
    mongodbUri: value.MONGODB_URI,
    meiliHost: value.MEILI_HOST,
    meiliKey: value.MEILI_KEY,
    searchIndexPath: value.SEARCH_INDEX_PATH ?? path.join(dataDir, 'search', 'listings.sqlite'),
    searchThread: value.SEARCH_THREAD,
    searchCacheMs: value.SEARCH_CACHE_MS,
    commandGatherMs: value.COMMAND_GATHER_MS,
    milestoneAcceptDays: value.MILESTONE_ACCEPT_DAYS,
    meetingReminderMinutes: value.MEETING_REMINDER_MINUTES,
    runnerUpDepositKeepDays: value.RUNNER_UP_DEPOSIT_KEEP_DAYS,
    stripeSecretKey: value.STRIPE_SECRET_KEY,
    stripeWebhookSecret: value.STRIPE_WEBHOOK_SECRET,
    stripeApiBase: value.STRIPE_API_BASE,
    redisUrl: value.REDIS_URL,
    lockBackend: value.LOCK_BACKEND,
    sessionSecret: value.SESSION_SECRET ?? localSessionSecret(dataDir),
    sessionMaxAgeHours: value.SESSION_MAX_AGE_HOURS,
    trustProxy: value.TRUST_PROXY,
    adminEmail: value.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: value.ADMIN_PASSWORD,
    adminName: value.ADMIN_NAME,
    loginRateLimit: value.LOGIN_RATE_LIMIT,
    searchRateLimit: value.SEARCH_RATE_LIMIT,
    loginIpRateLimit: value.LOGIN_IP_RATE_LIMIT,
    registerRateLimit: value.REGISTER_RATE_LIMIT,
    passwordResetRateLimit: value.PASSWORD_RESET_RATE_LIMIT,
    passwordResetIpRateLimit: value.PASSWORD_RESET_IP_RATE_LIMIT,
    passwordHashCost: {
      memoryKib: value.PASSWORD_HASH_MEMORY_KIB,
      iterations: value.PASSWORD_HASH_ITERATIONS,
    },
    logLevel: value.LOG_LEVEL,
    checkResponses: value.CHECK_RESPONSES,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    feeSchedule: parseFeeSchedule(value.FEE_SCHEDULE),
    bankAccount: {
      bankName: value.BANK_NAME,
      accountName: value.BANK_ACCOUNT_NAME,
      accountNumber: value.BANK_ACCOUNT_NUMBER,
    },
    uploadMaxBytes: value.UPLOAD_MAX_BYTES,
    uploadQuotaBytes: value.UPLOAD_QUOTA_BYTES,
    schedulerIntervalMs: value.SCHEDULER_INTERVAL_MS,
    schedulerSweepIntervalMs: value.SCHEDULER_SWEEP_INTERVAL_MS,
    seedDemo: value.SEED_DEMO,
    clientDir: path.resolve(value.CLIENT_DIR),
    metricsToken: value.METRICS_TOKEN,
    federationName: value.FEDERATION_NAME,
    federationPullIntervalMs: value.FEDERATION_PULL_INTERVAL_MS,
    federationRetryMs: value.FEDERATION_RETRY_MS,
    federationKeyGraceMs: value.FEDERATION_KEY_GRACE_MS,
    apiKeyRateLimit: value.API_KEY_RATE_LIMIT,
  };
}

function parseFeeSchedule(raw: string | undefined): FeeSchedule {
  if (!raw) return DEFAULT_FEE_SCHEDULE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('Invalid configuration: FEE_SCHEDULE is not valid JSON');
  }
  const { value, error } = feeScheduleSchema.validate(parsed, { abortEarly: false });
  if (error) throw new ConfigError(`Invalid configuration: FEE_SCHEDULE ${error.message}`);
  return value as FeeSchedule;
}
