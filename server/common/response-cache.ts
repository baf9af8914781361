/**
 * Answers of a few hot signed-in pages (my deals, my notifications), kept serialized per viewer
 * and request until a record they are made of is written: the route declares which record types
 * those are, and any write of one (here, or relayed from another process) empties its cache. A
 * page polled by its owner is then served without building or serializing it again; a busy
 * exchange only misses more often. An answer computed while such a write happened is not kept.
 */
import { createRecordCache, type RecordCache } from './record-cache';
import type { RecordType } from './record-changes';
import type { SessionUser } from './session-user';

export interface CachedAnswerOptions {
  /** Writes of these record types make every cached answer of the route stale. */
  clearOn: RecordType[];
  /** Bounds what a lost cross-process invalidation could cost. */
  ttlMs?: number;
  /** Only requests for which this holds are cached (the others are answered as usual). */
  when?: (request: { params: any; query: any }) => boolean;
}

/**
 * A JSON body already serialized: the router sends it as it is. Its ETag and its bytes are worked
 * out once per cached answer (`memo` is the cache's entry) instead of hashing and encoding the same
 * body for every request (Express turns a string body of over 1,000 characters into a Buffer each
 * time it sends one).
 */
export class SerializedJson {
  constructor(
    readonly body: string,
    private readonly memo: { etag?: string; bytes?: Buffer } = {},
  ) {}

  etagBy(generate: (body: string) => string): string {
    return (this.memo.etag ??= generate(this.body));
  }

  bytes(): Buffer {
    return (this.memo.bytes ??= Buffer.from(this.body, 'utf8'));
  }
}

interface Answer {
  body: string;
  etag?: string;
  bytes?: Buffer;
}

export class ResponseCache {
  private readonly answers: RecordCache<Answer>;

  constructor(name: string, opts: CachedAnswerOptions) {
    this.answers = createRecordCache<Answer>({
      name: `answers:${name}`,
      types: [],
      clearOn: opts.clearOn,
      max: 5_000,
      ttlMs: opts.ttlMs ?? 30_000,
    });
  }

  async answer(key: string, compute: () => unknown): Promise<SerializedJson> {
    const found = await this.answers.get(key, async () => ({ body: JSON.stringify(await compute()) }));
    return new SerializedJson(found!.body, found!);
  }
}

/** Who is asking, as far as an answer can depend on it, and what they asked. */
export function viewerKey(user: SessionUser | undefined, ...parts: unknown[]): string {
  const who = user
    ? [
        user.id,
        user.role,
        user.locale,
        user.membershipStatus,
        user.organization?.id ?? '',
        user.organizationAdmin === true,
      ]
    : ['anonymous'];
  return JSON.stringify([who, ...parts]);
}
