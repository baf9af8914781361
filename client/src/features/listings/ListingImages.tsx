import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ListingKind } from '@contract/enums';
import { LISTING_IMAGE_TYPES, MAX_LISTING_IMAGES } from '@contract/listing-images';
import { isApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import type { ListingImage } from '../../types';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { deleteListingImage, uploadListingImage } from './listingImagesApi';

/** The listing's images: the first large, the others as thumbnails; alt text is the listing's title. */
export function ListingGallery({ images, title }: { images: ListingImage[]; title: string }) {
  if (images.length === 0) return null;
  const [first, ...rest] = images;
  return (
    <figure className="listing-gallery" data-testid="listing-gallery">
      <img
        className="listing-gallery-main"
        src={first.url}
        alt={first.alt || title}
        width={first.width}
        height={first.height}
        data-testid="listing-image"
      />
      {rest.length > 0 && (
        <div className="listing-gallery-thumbs">
          {rest.map((image) => (
            <a key={image.id} href={image.url} target="_blank" rel="noreferrer">
              <img src={image.thumbUrl} alt={image.alt || title} width={200} height={150} loading="lazy" />
            </a>
          ))}
        </div>
      )}
    </figure>
  );
}

/** The server's refusal in the interface language. */
function imageError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('images.errors.failed');
  if (error.code === 'payload_too_large') return t('images.errors.tooLarge');
  if (error.code === 'conflict')
    return error.details.length
      ? t('images.errors.tooMany', { max: MAX_LISTING_IMAGES })
      : t('images.errors.ended');
  if (error.code === 'validation_failed')
    return /pixels/.test(error.details[0]?.message ?? '')
      ? t('images.errors.tooSmall')
      : t('images.errors.type');
  if (error.code === 'forbidden' || error.code === 'not_found') return t('images.errors.notYours');
  return t('images.errors.failed');
}

/** The owner's card: upload (JPEG, PNG, WebP) and remove the listing's images. */
export function ListingImagesCard({
  kind,
  id,
  images,
}: {
  kind: ListingKind;
  id: string;
  images: ListingImage[];
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useRefreshingAction(queryKeys.listing(kind, id));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const form = event.target as HTMLFormElement;
    void run(async () => {
      await uploadListingImage(kind, id, file);
      setFile(null);
      form.reset();
    });
  }

  return (
    <section className="card" data-testid="listing-images">
      <h2 className="card-title">{t('images.title')}</h2>
      {images.length > 0 ? (
        <ul className="listing-image-list">
          {images.map((image) => (
            <li key={image.id} data-testid="owner-image">
              <img src={image.thumbUrl} alt="" width={120} height={90} />
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={busy}
                onClick={() => void run(() => deleteListingImage(kind, id, image.id))}
              >
                {t('images.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('images.none')}</p>
      )}
      {images.length < MAX_LISTING_IMAGES && (
        <form onSubmit={submit} data-testid="image-upload">
          <label htmlFor="listing-image-file">{t('images.file')}</label>
          <input
            id="listing-image-file"
            type="file"
            accept={LISTING_IMAGE_TYPES.join(',')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="muted">{t('images.hint', { max: MAX_LISTING_IMAGES })}</p>
          <button
            type="submit"
            className="btn btn-small btn-secondary"
            disabled={busy || !file}
            data-testid="image-upload-submit"
          >
            {t('images.upload')}
          </button>
        </form>
      )}
      {error != null && (
        <div className="alert alert-error" role="alert" data-testid="image-error">
          {imageError(error, t)}
        </div>
      )}
    </section>
  );
}
