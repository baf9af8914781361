import { ANY_ORIGIN, LOCAL_ORIGIN, type SearchQuery } from '../types';
import { topK } from './top-k';

/** Small string dictionaries so each column is a typed array of codes. */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

export interface StoredDoc {
  rowid: number;
  kind: string;
  field: string;
  sub_field: string | null;
  trl: number;
  province: string;
  modes: string;
  price: number | null;
  currency: string | null;
  published_at: string;
  /** Absent: this exchange's own listing. */
  origin?: string;
}

const NONE = 0;
const MAX_MODES = 32;
/** Up to this many modes, facets count each combination of modes first. */
const MAX_COUNTED_MODES = 12;
/** Writes placed one by one into the newest-first order before it is rebuilt instead. */
const MAX_NEWEST_EDITS = 1000;

/** A filter compiled to dictionary codes; `impossible` when a value was never indexed. */
interface CompiledFilter {
  impossible: boolean;
  kind?: number;
  field?: number;
  subField?: number;
  province?: number;
  currency?: number;
  mode?: number;
  origin?: number;
  trlMin: number;
  trlMax: number;
  priceMin?: number;
  priceMax?: number;
}

/**
 * The filterable, facetable and sortable attributes of every indexed doc, in typed arrays
 * indexed by rowid, so filters, facet counts and sorting over the matching rowids are plain loops.
 * Rebuilt from the docs table on open and kept in step with every write.
 */
export class DocColumns {
  private capacity = 0;
  private present = new Uint8Array(0);
  private kind = new Uint8Array(0);
  private field = new Uint16Array(0);
  private subField = new Uint16Array(0);
  private trl = new Uint8Array(0);
  private province = new Uint16Array(0);
  private modes = new Uint32Array(0);
  private currency = new Uint8Array(0);
  private price = new Float64Array(0);
  private published = new Float64Array(0);
  private origin = new Uint16Array(0);
  private maxRowid = 0;
  private count = 0;
  /** Rowids newest first (then higher rowid first), built when first needed after a write. */
  private newest: Int32Array | null = null;
  /** Each rowid's place in `newest`; stale after an edit of the order until next read. */
  private newestRank = new Int32Array(0);
  private ranksStale = true;
  /** Writes placed into the kept order since it was built (past a bound it is rebuilt instead). */
  private newestEdits = 0;
  private readonly dict = {
    kind: new Dictionary(),
    field: new Dictionary(),
    subField: new Dictionary(),
    province: new Dictionary(),
    currency: new Dictionary(),
    mode: new Dictionary(),
    origin: new Dictionary(),
  };

  constructor() {
    this.clear();
  }

  clear(): void {
    this.capacity = 0;
    this.maxRowid = 0;
    this.count = 0;
    this.newest = null;
    this.present = new Uint8Array(0);
    this.kind = new Uint8Array(0);
    this.field = new Uint16Array(0);
    this.subField = new Uint16Array(0);
    this.trl = new Uint8Array(0);
    this.province = new Uint16Array(0);
    this.modes = new Uint32Array(0);
    this.currency = new Uint8Array(0);
    this.price = new Float64Array(0);
    this.published = new Float64Array(0);
    this.origin = new Uint16Array(0);
    this.grow(1024);
    // Code 0 means "none" for the optional attributes.
    this.dict.subField.code('');
    this.dict.currency.code('');
    // Code 0: this exchange's own listings.
    this.dict.origin.code(LOCAL_ORIGIN);
  }

  get size(): number {
    return this.count;
  }

  /** One more than the largest rowid an array may be indexed with. */
  get rowidBound(): number {
    return this.maxRowid + 1;
  }

  set(doc: StoredDoc): void {
    const r = doc.rowid;
    if (r >= this.capacity) this.grow(Math.max(r + 1, this.capacity * 2));
    const wasPresent = this.present[r] === 1;
    if (!wasPresent) this.count++;
    this.present[r] = 1;
    this.kind[r] = this.dict.kind.code(doc.kind);
    this.field[r] = this.dict.field.code(doc.field);
    this.subField[r] = doc.sub_field ? this.dict.subField.code(doc.sub_field) : NONE;
    this.trl[r] = doc.trl;
    this.province[r] = this.dict.province.code(doc.province);
    this.modes[r] = this.modeMask(doc.modes);
    this.currency[r] = doc.currency ? this.dict.currency.code(doc.currency) : NONE;
    this.price[r] = doc.price ?? NaN;
    this.published[r] = Date.parse(doc.published_at);
    this.origin[r] = this.dict.origin.code(doc.origin || LOCAL_ORIGIN);
    if (r > this.maxRowid) this.maxRowid = r;
    this.placeInNewest(r, wasPresent);
  }

  delete(rowid: number): void {
    if (rowid < this.capacity && this.present[rowid] === 1) {
      this.present[rowid] = 0;
      this.count--;
      if (this.newest && this.editNewest()) this.newest = withoutRowid(this.newest, rowid);
    }
  }

  /** Rowids of the docs passing the filters: among `rowids`, or among all docs when null. */
  filter(q: SearchQuery, rowids: Int32Array | null): Int32Array {
    const f = this.compile(q);
    if (f.impossible) return new Int32Array(0);
    // Plain loops over local typed arrays, -1 for "any": this runs over every match of a query.
    const present = this.present;
    const kind = this.kind;
    const field = this.field;
    const subField = this.subField;
    const province = this.province;
    const currency = this.currency;
    const modes = this.modes;
    const trl = this.trl;
    const price = this.price;
    const wantKind = f.kind ?? -1;
    const wantField = f.field ?? -1;
    const wantSubField = f.subField ?? -1;
    const wantProvince = f.province ?? -1;
    const wantCurrency = f.currency ?? -1;
    const wantMode = f.mode ?? 0;
    const origin = this.origin;
    const wantOrigin = f.origin ?? -1;
    const { trlMin, trlMax } = f;
    const priceMin = f.priceMin ?? -Infinity;
    const priceMax = f.priceMax ?? Infinity;
    const byPrice = f.priceMin !== undefined || f.priceMax !== undefined;
    const count = rowids === null ? this.maxRowid : rowids.length;
    const capacity = this.capacity;
    const out = new Int32Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) {
      const r = rowids === null ? i + 1 : rowids[i];
      if (r >= capacity || present[r] !== 1) continue;
      if (wantKind >= 0 && kind[r] !== wantKind) continue;
      if (wantField >= 0 && field[r] !== wantField) continue;
      if (wantSubField >= 0 && subField[r] !== wantSubField) continue;
      if (wantProvince >= 0 && province[r] !== wantProvince) continue;
      if (wantCurrency >= 0 && currency[r] !== wantCurrency) continue;
      if (wantMode !== 0 && (modes[r] & wantMode) === 0) continue;
      if (wantOrigin >= 0 && origin[r] !== wantOrigin) continue;
      if (trl[r] < trlMin || trl[r] > trlMax) continue;
      // A doc without a price (NaN) fails any price bound.
      if (byPrice && !(price[r] >= priceMin && price[r] <= priceMax)) continue;
      out[n++] = r;
    }
    return out.subarray(0, n);
  }

  facets(rowids: ArrayLike<number>): {
    field: Record<string, number>;
    trl: Record<string, number>;
    transferModes: Record<string, number>;
    province: Record<string, number>;
    origin: Record<string, number>;
  } {
    const fieldCounts = new Uint32Array(this.dict.field.values.length);
    const provinceCounts = new Uint32Array(this.dict.province.values.length);
    const originCounts = new Uint32Array(this.dict.origin.values.length);
    const origin = this.origin;
    const trlCounts = new Uint32Array(256);
    const modeCounts = new Uint32Array(MAX_MODES);
    const field = this.field;
    const province = this.province;
    const trl = this.trl;
    const modes = this.modes;
    // Modes are counted per combination, then per mode (a handful of modes make few combinations).
    const combinations = this.dict.mode.values.length <= MAX_COUNTED_MODES;
    const maskCounts = new Uint32Array(combinations ? 1 << this.dict.mode.values.length : 0);
    for (let i = 0; i < rowids.length; i++) {
      const r = rowids[i];
      fieldCounts[field[r]]++;
      provinceCounts[province[r]]++;
      originCounts[origin[r]]++;
      trlCounts[trl[r]]++;
      if (combinations) maskCounts[modes[r]]++;
      else for (let m = modes[r], bit = 0; m !== 0; m >>>= 1, bit++) modeCounts[bit] += m & 1;
    }
    for (let mask = 1; mask < maskCounts.length; mask++) {
      if (maskCounts[mask] === 0) continue;
      for (let m = mask, bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) modeCounts[bit] += maskCounts[mask];
    }
    return {
      field: toRecord(fieldCounts, (i) => this.dict.field.values[i]),
      trl: toRecord(trlCounts, (i) => String(i)),
      transferModes: toRecord(modeCounts, (i) => this.dict.mode.values[i]),
      province: toRecord(provinceCounts, (i) => this.dict.province.values[i]),
      origin: toRecord(originCounts, (i) => this.dict.origin.values[i]),
    };
  }

  /** Negative when `a` was published after `b` (or at the same time with a higher rowid). */
  compareNewest(a: number, b: number): number {
    this.newestOrder();
    return this.newestRank[a] - this.newestRank[b];
  }

  /**
   * The first `k` of `rowids` newest first. A large share of the index is read off the order of
   * all docs (kept between writes) instead of being compared doc by doc.
   */
  firstNewest(rowids: Int32Array, k: number): number[] {
    const order = this.newestOrder();
    if (rowids.length * 16 < order.length) return topK(rowids, k, (a, b) => this.compareNewest(a, b));
    const wanted = new Uint8Array(this.maxRowid + 1);
    for (let i = 0; i < rowids.length; i++) wanted[rowids[i]] = 1;
    const out: number[] = [];
    for (let i = 0; i < order.length && out.length < k; i++) if (wanted[order[i]] === 1) out.push(order[i]);
    return out;
  }

  /** Each present rowid's place among all docs newest first (0 = newest). */
  newestRanks(): Int32Array {
    this.newestOrder();
    return this.newestRank;
  }

  private newestOrder(): Int32Array {
    if (!this.newest) {
      const rowids: number[] = [];
      for (let r = 1; r <= this.maxRowid; r++) if (this.present[r] === 1) rowids.push(r);
      const published = this.published;
      rowids.sort((a, b) => published[b] - published[a] || b - a);
      this.newest = Int32Array.from(rowids);
      this.newestEdits = 0;
      this.ranksStale = true;
    }
    if (this.ranksStale) {
      const order = this.newest;
      this.newestRank = new Int32Array(this.maxRowid + 1);
      for (let i = 0; i < order.length; i++) this.newestRank[order[i]] = i;
      this.ranksStale = false;
    }
    return this.newest;
  }

  /**
   * Keeps the newest-first order through a write: the doc moves to its place (a copy of the
   * order, far cheaper than sorting it again, which took ~80 ms at 100,000 docs), unless many
   * writes came since it was built, when it is dropped and built once when next needed.
   */
  private placeInNewest(r: number, wasPresent: boolean): void {
    if (!this.newest || !this.editNewest()) return;
    const order = wasPresent ? withoutRowid(this.newest, r) : this.newest;
    const published = this.published;
    const at = published[r];
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = order[mid];
      if (published[m] > at || (published[m] === at && m > r)) lo = mid + 1;
      else hi = mid;
    }
    const next = new Int32Array(order.length + 1);
    next.set(order.subarray(0, lo));
    next[lo] = r;
    next.set(order.subarray(lo), lo + 1);
    this.newest = next;
  }

  /** Counts one edit of the kept order; false (and the order dropped) past MAX_NEWEST_EDITS. */
  private editNewest(): boolean {
    this.ranksStale = true;
    if (++this.newestEdits > MAX_NEWEST_EDITS) {
      this.newest = null;
      return false;
    }
    return true;
  }

  publishedAt(rowid: number): number {
    return this.published[rowid];
  }

  /** Price, or NaN for docs without one. */
  priceOf(rowid: number): number {
    return this.price[rowid];
  }

  private compile(q: SearchQuery): CompiledFilter {
    const f: CompiledFilter = { impossible: false, trlMin: q.trlMin ?? 0, trlMax: q.trlMax ?? 255 };
    const code = (dict: Dictionary, value: string | undefined): number | undefined => {
      if (!value) return undefined;
      const c = dict.find(value);
      if (c === undefined) f.impossible = true;
      return c;
    };
    f.kind = code(this.dict.kind, q.kind);
    f.field = code(this.dict.field, q.field);
    f.subField = code(this.dict.subField, q.subField);
    f.province = code(this.dict.province, q.province);
    f.currency = code(this.dict.currency, q.currency);
    const mode = code(this.dict.mode, q.transferMode);
    if (mode !== undefined) f.mode = 1 << mode;
    // Without an origin asked for, this exchange's own listings (code 0) alone.
    if (q.origin !== ANY_ORIGIN) f.origin = q.origin ? code(this.dict.origin, q.origin) : 0;
    f.priceMin = q.priceMin;
    f.priceMax = q.priceMax;
    return f;
  }

  private modeMask(modes: string): number {
    let mask = 0;
    for (const mode of modes.split(',')) {
      if (!mode) continue;
      const bit = this.dict.mode.code(mode);
      if (bit >= MAX_MODES) throw new Error(`search index supports at most ${MAX_MODES} transfer modes`);
      mask |= 1 << bit;
    }
    return mask >>> 0;
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(old.subarray(0, Math.min(old.length, capacity)) as never);
      return next;
    };
    this.present = copy(this.present, (n) => new Uint8Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.field = copy(this.field, (n) => new Uint16Array(n));
    this.subField = copy(this.subField, (n) => new Uint16Array(n));
    this.trl = copy(this.trl, (n) => new Uint8Array(n));
    this.province = copy(this.province, (n) => new Uint16Array(n));
    this.modes = copy(this.modes, (n) => new Uint32Array(n));
    this.currency = copy(this.currency, (n) => new Uint8Array(n));
    this.price = copy(this.price, (n) => new Float64Array(n));
    this.published = copy(this.published, (n) => new Float64Array(n));
    this.origin = copy(this.origin, (n) => new Uint16Array(n));
    this.capacity = capacity;
  }
}

function withoutRowid(order: Int32Array, rowid: number): Int32Array {
  const i = order.indexOf(rowid);
  if (i < 0) return order;
  const next = new Int32Array(order.length - 1);
  next.set(order.subarray(0, i));
  next.set(order.subarray(i + 1), i);
  return next;
}

function toRecord(counts: ArrayLike<number>, key: (i: number) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) out[key(i)] = counts[i];
  return out;
}
