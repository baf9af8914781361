import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a reference is read aloud and typed into a bank's transfer description. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A payment reference such as `TX-7K3QZP` (6 random characters, ~887 million values). */
export function newPaymentReference(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `TX-${code}`;
}

/** The receipt number of a payment: its reference's code, so it is unique too. */
export function receiptNumberOf(reference: string): string {
  return `RC-${reference.replace(/^TX-/, '')}`;
}
