import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';

describe('configuration: what production refuses', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-config-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const production = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'a-long-random-production-secret',
    ...extra,
  });
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (err) {
      assert.ok(err instanceof ConfigError, String(err));
      return err.message;
    }
    assert.fail('the configuration was accepted');
  };

  it('when production has every required setting, then it starts', () => {
    const config = loadConfig(
      production({
        STRIPE_SECRET_KEY: 'sk_live_abc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      }) as NodeJS.ProcessEnv,
    );
    assert.equal(config.env, 'production');
    assert.equal(config.sessionSecret, 'a-long-random-production-secret');
  });

  it('when RUNNER_UP_DEPOSIT_KEEP_DAYS is unset it is 14; a whole number of days from 1 to 90 is taken, anything else refused naming it', () => {
    assert.equal(loadConfig(production() as NodeJS.ProcessEnv).runnerUpDepositKeepDays, 14);
    const three = loadConfig(production({ RUNNER_UP_DEPOSIT_KEEP_DAYS: '3' }) as NodeJS.ProcessEnv);
    assert.equal(three.runnerUpDepositKeepDays, 3);
    for (const bad of ['0', '91', '2.5', 'two'])
      assert.match(
        refusal(production({ RUNNER_UP_DEPOSIT_KEEP_DAYS: bad })),
        /RUNNER_UP_DEPOSIT_KEEP_DAYS/,
        bad,
      );
  });

  it('when the password hash cost is unset it is argon2’s 64 MiB and 3 passes; below OWASP’s floor it is refused outside the test suite', () => {
    assert.deepEqual(loadConfig(production() as NodeJS.ProcessEnv).passwordHashCost, {
      memoryKib: 65_536,
      iterations: 3,
    });
    const floor = { PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_ITERATIONS: '2' };
    assert.deepEqual(loadConfig(production(floor) as NodeJS.ProcessEnv).passwordHashCost, {
      memoryKib: 19_456,
      iterations: 2,
    });
    for (const env of ['production', 'development']) {
      assert.match(
        refusal({ ...production({ PASSWORD_HASH_MEMORY_KIB: '1024' }), NODE_ENV: env }),
        /PASSWORD_HASH_MEMORY_KIB/,
      );
      assert.match(
        refusal({ ...production({ PASSWORD_HASH_ITERATIONS: '1' }), NODE_ENV: env }),
        /PASSWORD_HASH_ITERATIONS/,
      );
    }
    const suite = loadConfig({
      ...production({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' }),
      NODE_ENV: 'test',
    } as NodeJS.ProcessEnv);
    assert.deepEqual(suite.passwordHashCost, { memoryKib: 1024, iterations: 1 });
  });

  it('when production has no SESSION_SECRET, then it refuses naming it', () => {
    const env = production();
    delete (env as Record<string, string>).SESSION_SECRET;
    assert.match(refusal(env), /SESSION_SECRET/);
  });

  it('when production uses the published development secret, then it refuses naming SESSION_SECRET', () => {
    assert.match(
      refusal(production({ SESSION_SECRET: 'dev-only-session-secret-change-me' })),
      /SESSION_SECRET/,
    );
  });

  it('when production has a Stripe key but no webhook secret, then it refuses naming STRIPE_WEBHOOK_SECRET', () => {
    assert.match(refusal(production({ STRIPE_SECRET_KEY: 'sk_live_abc' })), /STRIPE_WEBHOOK_SECRET/);
  });

  it('when production asks for demo data, then it refuses naming SEED_DEMO', () => {
    assert.match(refusal(production({ SEED_DEMO: 'true' })), /SEED_DEMO/);
  });

  it('when several settings are wrong, then one message names them all', () => {
    const message = refusal({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      STRIPE_SECRET_KEY: 'sk_live_abc',
      SEED_DEMO: 'true',
    });
    for (const name of ['SESSION_SECRET', 'STRIPE_WEBHOOK_SECRET', 'SEED_DEMO'])
      assert.match(message, new RegExp(name));
  });

  it('when NODE_ENV is unset but the public address is https or behind a proxy, then it refuses naming NODE_ENV', () => {
    assert.match(refusal({ DATA_DIR: dataDir, PUBLIC_URL: 'https://san.example.vn' }), /NODE_ENV/);
    assert.match(refusal({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }), /NODE_ENV/);
  });

  it('when NODE_ENV is unset without SESSION_SECRET, then the secret is random, kept in DATA_DIR, and the same after a restart', () => {
    const first = loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv);
    assert.equal(first.env, 'development');
    assert.notEqual(first.sessionSecret, 'dev-only-session-secret-change-me');
    assert.match(first.sessionSecret, /^[0-9a-f]{64}$/);
    assert.equal(loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv).sessionSecret, first.sessionSecret);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-config-'));
    try {
      assert.notEqual(
        loadConfig({ DATA_DIR: other } as NodeJS.ProcessEnv).sessionSecret,
        first.sessionSecret,
      );
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    assert.equal(fs.statSync(path.join(dataDir, 'session-secret')).mode & 0o077, 0);
  });
});
