/**
 * Which uploads the exchange keeps: PDF, Word and Excel (OOXML), PNG, JPEG and plain text. A
 * file must carry a fitting extension and start with its format's signature, so a page of HTML
 * renamed to .png is refused rather than stored and served.
 */

export interface DocumentType {
  ext: readonly string[];
  contentType: string;
  matches(head: Buffer): boolean;
}

const startsWith = (bytes: number[]) => (head: Buffer) =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);

/** Text: no NUL byte and valid UTF-8 in the part we look at (a cut multi-byte character at the end is fine). */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { ext: ['pdf'], contentType: 'application/pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    ext: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: ZIP,
  },
  {
    ext: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: ZIP,
  },
  {
    ext: ['png'],
    contentType: 'image/png',
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { ext: ['jpg', 'jpeg'], contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { ext: ['txt'], contentType: 'text/plain', matches: looksLikeText },
];

/** The stored content type of an upload, or null when it is not one of the allowed types. */
export function detectDocumentType(fileName: string, head: Buffer): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return null;
  const type = DOCUMENT_TYPES.find((t) => t.ext.includes(ext));
  return type && type.matches(head) ? type.contentType : null;
}

/**
 * The content type an upload's first bytes prove, among `allowed`, whatever its name says; null
 * when it is none of them. (Text, which has no signature, is never recognised this way.)
 */
export function detectTypeByContent(head: Buffer, allowed: readonly string[]): string | null {
  const type = DOCUMENT_TYPES.find(
    (t) => allowed.includes(t.contentType) && t.contentType !== 'text/plain' && t.matches(head),
  );
  return type?.contentType ?? null;
}

/** The name shown and offered on download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  if (clean.length <= 200) return clean || 'document';
  const ext = /\.[a-z0-9]{1,8}$/i.exec(clean)?.[0] ?? '';
  return clean.slice(0, 200 - ext.length) + ext;
}
