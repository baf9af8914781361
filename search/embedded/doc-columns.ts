import type { SearchQuery } from '../types';

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
}

const NONE = 0;
const MAX_MODES = 32;

/** A filter compiled to dictionary codes; `impossible` when a value was never indexed. */
interface CompiledFilter {
  impossible: boolean;
  kind?: number;
  field?: number;
  subField?: number;
  province?: number;
  currency?: number;
  mode?: number;
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
  private maxRowid = 0;
  private readonly dict = {
    kind: new Dictionary(),
    field: new Dictionary(),
    subField: new Dictionary(),
    province: new Dictionary(),
    currency: new Dictionary(),
    mode: new Dictionary(),
  };

  constructor() {
    this.clear();
  }

  clear(): void {
    this.capacity = 0;
    this.maxRowid = 0;
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
    this.grow(1024);
    // Code 0 means "none" for the optional attributes.
    this.dict.subField.code('');
    this.dict.currency.code('');
  }

  get size(): number {
    let n = 0;
    for (let r = 1; r <= this.maxRowid; r++) n += this.present[r];
    return n;
  }

  /** One more than the largest rowid an array may be indexed with. */
  get rowidBound(): number {
    return this.maxRowid + 1;
  }

  set(doc: StoredDoc): void {
    const r = doc.rowid;
    if (r >= this.capacity) this.grow(Math.max(r + 1, this.capacity * 2));
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
    if (r > this.maxRowid) this.maxRowid = r;
  }

  delete(rowid: number): void {
    if (rowid < this.capacity) this.present[rowid] = 0;
  }

  /** Rowids of the docs passing the filters: among `rowids`, or among all docs when null. */
  filter(q: SearchQuery, rowids: Iterable<number> | null): number[] {
    const f = this.compile(q);
    const out: number[] = [];
    if (f.impossible) return out;
    const test = (r: number): boolean =>
      this.present[r] === 1 &&
      (f.kind === undefined || this.kind[r] === f.kind) &&
      (f.field === undefined || this.field[r] === f.field) &&
      (f.subField === undefined || this.subField[r] === f.subField) &&
      (f.province === undefined || this.province[r] === f.province) &&
      (f.currency === undefined || this.currency[r] === f.currency) &&
      (f.mode === undefined || (this.modes[r] & f.mode) !== 0) &&
      this.trl[r] >= f.trlMin &&
      this.trl[r] <= f.trlMax &&
      (f.priceMin === undefined || this.price[r] >= f.priceMin) &&
      (f.priceMax === undefined || this.price[r] <= f.priceMax);
    if (rowids === null) {
      for (let r = 1; r <= this.maxRowid; r++) if (test(r)) out.push(r);
    } else {
      for (const r of rowids) if (r < this.capacity && test(r)) out.push(r);
    }
    return out;
  }

  facets(rowids: number[]): {
    field: Record<string, number>;
    trl: Record<string, number>;
    transferModes: Record<string, number>;
    province: Record<string, number>;
  } {
    const field = new Uint32Array(this.dict.field.values.length);
    const province = new Uint32Array(this.dict.province.values.length);
    const trl = new Uint32Array(256);
    const modes = new Uint32Array(MAX_MODES);
    for (const r of rowids) {
      field[this.field[r]]++;
      province[this.province[r]]++;
      trl[this.trl[r]]++;
      for (let m = this.modes[r], bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) modes[bit]++;
    }
    return {
      field: toRecord(field, (i) => this.dict.field.values[i]),
      trl: toRecord(trl, (i) => String(i)),
      transferModes: toRecord(modes, (i) => this.dict.mode.values[i]),
      province: toRecord(province, (i) => this.dict.province.values[i]),
    };
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
    this.capacity = capacity;
  }
}

function toRecord(counts: ArrayLike<number>, key: (i: number) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) out[key(i)] = counts[i];
  return out;
}
