/**
 * A long owner list is stored in two parts: its base, rewritten only now and then, and a small
 * head of the changes since (entries put, ids taken out), which is what most writes rewrite. A
 * deal's change otherwise rewrote both organisations' whole deal lists (hundreds of entries) for
 * one entry. The pure rules of the two parts: the store decides when to fold the head into the
 * base, and the reader applies the head to the base it belongs to.
 */
import { packOwnerList, unpackOwnerList, type OwnerListEntry } from './owner-list.model';

export interface OwnerListHead {
  /** Entries put since the base was written, newest version of each. */
  put: OwnerListEntry[];
  /** Ids taken out since the base was written. */
  gone: string[];
}

export const EMPTY_HEAD: OwnerListHead = { put: [], gone: [] };

/** A list this long or longer keeps a head; a shorter one is rewritten whole. */
export const HEADED_FROM = 100;
/** A head holding more changes than this is folded into its base by the next write. */
export const HEAD_MAX = 50;

/** The head after one more change. */
export function foldIntoHead(head: OwnerListHead, put: OwnerListEntry[], remove: string[]): OwnerListHead {
  const putIds = new Set(put.map((e) => e.id));
  const removed = new Set(remove);
  return {
    put: [...head.put.filter((e) => !putIds.has(e.id) && !removed.has(e.id)), ...put],
    gone: [...new Set([...head.gone.filter((id) => !putIds.has(id)), ...remove])],
  };
}

export function headSize(head: OwnerListHead): number {
  return head.put.length + head.gone.length;
}

/** Whether a write with this head after it rewrites the head alone (else base and head). */
export function writesHeadOnly(baseLength: number, next: OwnerListHead): boolean {
  return baseLength >= HEADED_FROM && headSize(next) <= HEAD_MAX;
}

/** A head as stored (`_id`: `headKeyOf(key)`, beside its base): entries put and ids taken out, packed. */
export interface OwnerListHeadDoc {
  _id: string;
  packed: string;
  gone: string;
  gen: number;
}

/** The `_id` of a list's head (no list key holds a `#`). */
export function headKeyOf(key: string): string {
  return `${key}#head`;
}

export function packOwnerListHead(head: OwnerListHead, gen: number): Omit<OwnerListHeadDoc, '_id'> {
  return { packed: packOwnerList(head.put), gone: JSON.stringify(head.gone), gen };
}

/** The head that belongs to a base of generation `gen`; an empty one for any other. */
export function unpackOwnerListHead(doc: OwnerListHeadDoc | null, gen: number | undefined): OwnerListHead {
  if (!doc || gen === undefined || doc.gen !== gen) return EMPTY_HEAD;
  return { put: unpackOwnerList(doc), gone: JSON.parse(doc.gone) as string[] };
}
