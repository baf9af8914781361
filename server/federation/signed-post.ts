/**
 * One signed post of an envelope to a registered partner's inbox (an inquiry to the home exchange,
 * an answer back to the asking one): serialized once, Ed25519 over those exact bytes in the
 * headers, no redirects, a short timeout; the outcome as a delivery attempt, with the reply's exact
 * bytes and signature headers for the caller to verify.
 */
import { KEY_ID_HEADER, SIGNATURE_HEADER, signedJson } from './signing';
import type { DeliveryAttempt } from './inquiry-rules';

const DELIVERY_TIMEOUT_MS = 10_000;

export async function postSigned(
  url: string,
  envelope: object,
  signer: { keyId: string; privateKey: string },
  /** Names the receiver in the error recorded (`the home exchange`). */
  peer: string,
): Promise<DeliveryAttempt> {
  const { body, headers } = signedJson(envelope, signer);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
  } catch (err) {
    return { ok: false, error: `unreachable: ${(err as Error).message}`, final: false };
  }
  if (res.status === 200 || res.status === 201) {
    // The reply's exact bytes (64 kB at most: a longer one will not verify) and its signature.
    const raw = (await res.text().catch(() => '')).slice(0, 64 * 1024);
    return {
      ok: true,
      reply: { raw, signature: res.headers.get(SIGNATURE_HEADER), keyId: res.headers.get(KEY_ID_HEADER) },
    };
  }
  const text = (await res.text().catch(() => '')).slice(0, 2000);
  let message = text;
  try {
    message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    /* not JSON: kept as it came */
  }
  // What is gone or malformed will not change by asking again; a key not yet registered there, a
  // suspension or an outage may.
  const final = res.status === 400 || res.status === 404 || res.status === 410;
  return { ok: false, error: `${peer} answered ${res.status}: ${message}`.slice(0, 500), final };
}
