/**
 * A relay between two exchanges, as a network in between could be: it passes every request on to
 * `target` and, as told, passes the reply to a delivery at `inboxPath` back as it came or strips
 * its signature, changes its body, signs it with another key, or answers with an earlier reply.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeyPair, keyIdOf, signBody } from '../../server/federation/signing';

export type RelayMode = 'pass' | 'unsigned' | 'tampered' | 'stranger' | 'earlier';

export async function federationRelay(target: string, inboxPath: string) {
  const stranger = generateSigningKeyPair();
  const state = {
    mode: 'pass' as RelayMode,
    /** Each delivery's body and the reply as the target sent it. */
    replies: [] as { sent: string; body: string; headers: Record<string, string> }[],
  };
  const relayServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const sent = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (['content-type', 'accept'].includes(name) || name.startsWith('x-federation-'))
          headers[name] = String(value);
      const there = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        ...(req.method === 'POST' ? { body: sent } : {}),
      });
      let body = await there.text();
      const back: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of ['x-federation-signature', 'x-federation-key-id'])
        if (there.headers.get(name)) back[name] = there.headers.get(name)!;
      if (req.url === inboxPath && there.status === 201) {
        const earlier = state.replies.at(-1);
        state.replies.push({ sent, body, headers: { ...back } });
        if (state.mode === 'unsigned') {
          delete back['x-federation-signature'];
          delete back['x-federation-key-id'];
        } else if (state.mode === 'tampered') {
          body = body.replace('"duplicate":', '"duplicate" :');
        } else if (state.mode === 'stranger') {
          back['x-federation-signature'] = signBody(body, stranger.privateKey);
          back['x-federation-key-id'] = keyIdOf(stranger.publicKey);
        } else if (state.mode === 'earlier' && earlier) {
          body = earlier.body;
          Object.assign(back, earlier.headers);
        }
      }
      res.writeHead(there.status, back).end(body);
    });
  });
  await new Promise<void>((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(relayServer.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise<void>((resolve) => relayServer.close(() => resolve())) };
}
