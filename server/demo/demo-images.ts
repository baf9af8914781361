/**
 * Pictures for the demo listings, drawn at seed time: a diagonal gradient in the colours of the
 * listing's field with a simple shape (which shape follows the listing's place in the list), so
 * search results and listing pages look like the real thing. Deterministic: the same listing
 * gets the same picture on every seed. Each (field, shape) is drawn and
 * encoded once (6 fields × 4 shapes: at most 24 pictures, each filed for its listings).
 */
import sharp from 'sharp';
import type { ListingKind } from '../api-contract/enums';
import {
  encodeListingImage,
  saveListingImageFiles,
  type EncodedImage,
  type ListingImageRecord,
} from '../listing-images';

/** Large enough for the 400×300 thumbnail and the listing page; small enough to draw quickly. */
const WIDTH = 640;
const HEIGHT = 480;

/** Two colours per field (from, to), dark enough for a white shape to stand out. */
const FIELD_COLOURS: Record<string, [string, string]> = {
  natural_sciences: ['#1d4e89', '#3aa6b9'],
  engineering_technology: ['#243b55', '#f39c12'],
  medical_health: ['#7b1e3a', '#e86a8a'],
  agricultural_sciences: ['#1e5631', '#a4c639'],
  social_sciences: ['#4a2c6f', '#b084cc'],
  humanities: ['#6b3e26', '#d9a066'],
};
const FALLBACK: [string, string] = ['#2c3e50', '#7f8c8d'];

/** Shapes drawn in a 640×480 frame, centred. */
const SHAPES = [
  '<circle cx="320" cy="240" r="120" fill="#fff" fill-opacity="0.85"/>',
  '<polygon points="320,104 438,172 438,308 320,376 202,308 202,172" fill="#fff" fill-opacity="0.85"/>',
  '<polygon points="320,112 456,352 184,352" fill="#fff" fill-opacity="0.85"/>',
  '<g fill="#fff" fill-opacity="0.85"><rect x="200" y="264" width="56" height="96"/><rect x="292" y="192" width="56" height="168"/><rect x="384" y="128" width="56" height="232"/></g>',
] as const;

/** Which demo listings get a picture: two of every three. */
export function hasDemoPicture(index: number): boolean {
  return index % 3 !== 2;
}

export function demoPictureSvg(field: string, variant: number): string {
  const [from, to] = FIELD_COLOURS[field] ?? FALLBACK;
  const n = variant % SHAPES.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/>
<circle cx="${96 + n * 150}" cy="416" r="176" fill="#fff" fill-opacity="0.08"/>
${SHAPES[n]}
</svg>`;
}

/** Draws and encodes pictures, once per (field, shape), and files them for demo listings. */
export class DemoPictures {
  private readonly encoded = new Map<string, Promise<EncodedImage>>();

  constructor(private readonly dataDir: string) {}

  private picture(field: string, variant: number): Promise<EncodedImage> {
    const key = `${field}:${variant % SHAPES.length}`;
    let found = this.encoded.get(key);
    if (!found) {
      found = sharp(Buffer.from(demoPictureSvg(field, variant)))
        // Fast PNG compression: the picture is decoded again straight away.
        .png({ compressionLevel: 1 })
        .toBuffer()
        .then((png) => encodeListingImage(png));
      this.encoded.set(key, found);
    }
    return found;
  }

  /** The picture's files for the listing, and the record its `images` keep. */
  async forListing(
    kind: ListingKind,
    listingId: string,
    field: string,
    index: number,
    title: string,
  ): Promise<ListingImageRecord> {
    const encoded = await this.picture(field, index);
    return saveListingImageFiles(this.dataDir, { kind, listingId }, encoded, { alt: title });
  }
}
