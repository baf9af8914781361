import argon2 from 'argon2';
import { DEFAULT_PASSWORD_HASH_COST, type PasswordHashCost } from '../config';

let cost = DEFAULT_PASSWORD_HASH_COST;

/**
 * Sets the cost of the hashes made from now on (from PASSWORD_HASH_MEMORY_KIB and
 * PASSWORD_HASH_ITERATIONS, at start-up). A stored hash names its own cost, so hashes made at
 * another cost still verify.
 */
export function usePasswordHashCost(chosen: PasswordHashCost): void {
  if (chosen.memoryKib === cost.memoryKib && chosen.iterations === cost.iterations) return;
  cost = chosen;
  dummyHash = undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: cost.memoryKib,
    timeCost: cost.iterations,
  });
}

// Verifying against a fixed hash when the user does not exist keeps response times alike.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await (dummyHash ??= hashPassword('not-a-real-password-0000')));
  try {
    const ok = await argon2.verify(target, password);
    return ok && hash !== undefined;
  } catch {
    return false;
  }
}
