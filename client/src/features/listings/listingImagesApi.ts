/** A listing's images: its organization uploads (multipart field `image`) and removes them. */
import type { ListingKind } from '@contract/enums';
import { api, upload } from '../../api';
import type { ListingImage } from '../../types';
import { listingPath } from './listingApi';

export async function uploadListingImage(kind: ListingKind, id: string, file: File): Promise<ListingImage> {
  const form = new FormData();
  form.append('image', file);
  return (await upload<{ image: ListingImage }>(`${listingPath(kind, id)}/images`, form)).image;
}

export async function deleteListingImage(kind: ListingKind, id: string, imageId: string): Promise<void> {
  await api<void>(`${listingPath(kind, id)}/images/${encodeURIComponent(imageId)}`, { method: 'DELETE' });
}
