/** The room's messages as the client holds them: one per seq, in seq order, whatever arrives twice. */
import type { ChatMessage } from '@contract/socket-events';

export function mergeMessages(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return held as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const m of held) bySeq.set(m.seq, m);
  let changed = false;
  for (const m of incoming) {
    if (bySeq.get(m.seq)?.id === m.id) continue;
    bySeq.set(m.seq, m);
    changed = true;
  }
  if (!changed) return held as ChatMessage[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function lastSeq(messages: readonly ChatMessage[]): number | undefined {
  return messages.length > 0 ? messages[messages.length - 1].seq : undefined;
}

export function firstSeq(messages: readonly ChatMessage[]): number | undefined {
  return messages.length > 0 ? messages[0].seq : undefined;
}
