/**
 * The public directory's name search: pure rules. A name matches when the words typed begin the
 * name or one of its words, ignoring case and Vietnamese diacritics ("vien cong" finds "Viện Công
 * nghệ …", "sinh học" finds "… Sinh học Miền Bắc"); the typed text is never a pattern.
 */

/** Lower case, diacritics taken off (đ → d), runs of spaces and punctuation made one space. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 0 when the name begins with the query, 1 when one of its words does, null when it does not match. */
export function nameMatchRank(foldedName: string, foldedQuery: string): 0 | 1 | null {
  if (!foldedQuery) return 1;
  if (foldedName.startsWith(foldedQuery)) return 0;
  return ` ${foldedName}`.includes(` ${foldedQuery}`) ? 1 : null;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  folded: string;
  kind: string;
  verified: boolean;
  fields: string[];
  createdAt: number;
}

export interface DirectoryFilter {
  q?: string;
  kind?: string;
  field?: string;
  /** Organizations still awaiting verification are listed too (after the verified ones). */
  withUnverified: boolean;
}

/**
 * The entries that pass the filter, in the directory's order: with a name typed, names that begin
 * with it first, then verified before unverified, then by name; without one, newest first.
 */
export function searchDirectory(entries: DirectoryEntry[], filter: DirectoryFilter): DirectoryEntry[] {
  const q = foldName(filter.q ?? '');
  // Typed punctuation alone names nothing.
  if (!q && filter.q?.trim()) return [];
  const ranked: { entry: DirectoryEntry; rank: number }[] = [];
  for (const entry of entries) {
    if (!entry.verified && !filter.withUnverified) continue;
    if (filter.kind && entry.kind !== filter.kind) continue;
    if (filter.field && !entry.fields.includes(filter.field)) continue;
    const rank = nameMatchRank(entry.folded, q);
    if (rank !== null) ranked.push({ entry, rank });
  }
  if (!q) {
    return ranked
      .map((r) => r.entry)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }
  return ranked
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(b.entry.verified) - Number(a.entry.verified) ||
        a.entry.folded.localeCompare(b.entry.folded) ||
        (a.entry.id < b.entry.id ? -1 : 1),
    )
    .map((r) => r.entry);
}
