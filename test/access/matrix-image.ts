/** The PNG the route matrix uploads as a listing image (made once, with sharp). */
import sharp from 'sharp';

let png: Promise<Buffer> | undefined;

export function matrixImage(): Promise<Buffer> {
  png ??= sharp({ create: { width: 300, height: 300, channels: 3, background: '#2a7f62' } })
    .png()
    .toBuffer();
  return png;
}
