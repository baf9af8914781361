/**
 * The exchange's signing key pair on disk: `<DATA_DIR>/federation/identity.json` (mode 0600), the
 * current pair and, after a rotation, the previous public key, when it retires and its endorsement
 * of the current one. Made once: the file is written whole under a temporary name and linked to
 * its own (a link fails when the name exists), so of two processes making it on one data directory
 * one wins and the other reads the winner's; replaced whole (a temporary file renamed over it), so a
 * reader never sees half a file. Only identity.store.ts calls these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Joi from 'joi';
import { keyIdOf, type KeyPairPem } from './signing';

export const KEY_FILE_FORMAT = 'techexchange-federation-identity/1';

/** The key file's content, dates as ISO strings. */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  keyId: string;
  publicKey: string;
  privateKey: string;
  previous: { keyId: string; publicKey: string; expiresAt: string } | null;
  endorsement: string | null;
  createdAt: string;
  rotatedAt?: string;
  rotatedBy?: string;
}

const keyFileSchema = Joi.object({
  format: Joi.string().valid(KEY_FILE_FORMAT).required(),
  keyId: Joi.string().required(),
  publicKey: Joi.string().required(),
  privateKey: Joi.string().required(),
  previous: Joi.object({
    keyId: Joi.string().required(),
    publicKey: Joi.string().required(),
    expiresAt: Joi.string().isoDate().required(),
  }).allow(null),
  endorsement: Joi.string().allow(null),
  createdAt: Joi.string().isoDate().required(),
  rotatedAt: Joi.string().isoDate(),
  rotatedBy: Joi.string(),
}).unknown(true);

/** A key file for a newly made pair: no rotation yet. */
export function freshKeyFile(pair: KeyPairPem, now: Date): KeyFile {
  return {
    format: KEY_FILE_FORMAT,
    ...pair,
    keyId: keyIdOf(pair.publicKey),
    previous: null,
    endorsement: null,
    createdAt: now.toISOString(),
  };
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'federation', 'identity.json');
}

/** What tells one version of the file from the next (a replacement is a new inode), or null when absent. */
export function keyFileStamp(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The file's keys, or null when there is no file. A file that is not a key file is an error: never replaced silently. */
export function readKeyFile(file: string): KeyFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON: restore the exchange's key file from a backup`);
  }
  const { error, value } = keyFileSchema.validate(parsed);
  if (error) throw new Error(`${file} is not a key file (${error.message}): restore it from a backup`);
  return value as KeyFile;
}

/** Writes `keys` whole to a new temporary file (0600) beside `file`, synced to disk; answers its name. */
function writeTemp(file: string, keys: KeyFile): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(keys, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

/** Makes the file with `keys` unless it exists; answers the keys it holds then (the winner's). */
export function createKeyFile(file: string, keys: KeyFile): KeyFile {
  const temp = writeTemp(file, keys);
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return readKeyFile(file)!;
}

/** Replaces the file with `keys` at once (a rotation). */
export function replaceKeyFile(file: string, keys: KeyFile): void {
  const temp = writeTemp(file, keys);
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
