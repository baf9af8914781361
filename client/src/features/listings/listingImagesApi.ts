/** A listing's images: its organization uploads (multipart field `image`) and removes them. */
import type { ListingKind } from '@contract/enums';
import { api, ApiError } from '../../api';
import type { ListingImage } from '../../types';
import { listingPath } from './listingApi';

export async function uploadListingImage(kind: ListingKind, id: string, file: File): Promise<ListingImage> {
  const form = new FormData();
  form.append('image', file);
  const response = await fetch(`${listingPath(kind, id)}/images`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  const payload = (await response.json().catch(() => undefined)) as
    { image?: ListingImage; error?: { code: string; message: string; details?: [] } } | undefined;
  if (response.ok && payload?.image) return payload.image;
  throw new ApiError(
    response.status,
    payload?.error?.code ?? (response.status === 413 ? 'payload_too_large' : 'internal'),
    payload?.error?.message ?? `Upload failed (${response.status})`,
    payload?.error?.details ?? [],
  );
}

export async function deleteListingImage(kind: ListingKind, id: string, imageId: string): Promise<void> {
  await api<void>(`${listingPath(kind, id)}/images/${encodeURIComponent(imageId)}`, { method: 'DELETE' });
}
