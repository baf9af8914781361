import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { listingHref, submitListing, updateListing, withdrawListing } from './listingApi';
import { listingFeeKey, useListingFee } from './listingFeeApi';
import { ListingFeeStep } from './ListingFeeStep';

interface OwnerActionsProps {
  listing: Listing;
  onChanged: (change: 'submitted' | 'withdrawn') => void;
  showView?: boolean;
  /** In a table row: the listing fee is a link to the listing's page, asked of drafts only. */
  compact?: boolean;
}

const WITHDRAWABLE = ['draft', 'pending_review', 'published'];

/**
 * What an owner may do with a listing in its current state: edit, pay the listing fee where the
 * exchange charges one (the step before submitting), submit for review, withdraw.
 */
export function OwnerActions({ listing, onChanged, showView, compact }: OwnerActionsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feeQuery = useListingFee(listing.kind, listing.id, listing.status === 'draft' || !compact);
  const fee = feeQuery.data;
  const feeDue = listing.status === 'draft' && !!fee?.due;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const href = listingHref(listing.kind, listing.id);
  const [policy, setPolicy] = useState(listing.confidentialAccess ?? 'on_request');

  async function choosePolicy(value: 'on_request' | 'nda') {
    setError(null);
    try {
      await updateListing(listing.kind, listing.id, { confidentialAccess: value });
      setPolicy(value);
    } catch (err) {
      setError(err);
    }
  }

  async function run(action: () => Promise<unknown>, change: 'submitted' | 'withdrawn') {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
      onChanged(change);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="owner-actions">
      {fee && (
        <ListingFeeStep
          listing={listing}
          fee={fee}
          compact={compact}
          onStarted={() =>
            void queryClient.invalidateQueries({ queryKey: listingFeeKey(listing.kind, listing.id) })
          }
        />
      )}
      {listing.status === 'draft' && (
        <label className="confidential-policy">
          {t('listing.confidentialAccess.label')}{' '}
          <select
            value={policy}
            onChange={(e) => void choosePolicy(e.target.value as 'on_request' | 'nda')}
            data-testid={`confidential-access-${listing.id}`}
          >
            <option value="on_request">{t('listing.confidentialAccess.on_request')}</option>
            <option value="nda">{t('listing.confidentialAccess.nda')}</option>
          </select>
        </label>
      )}
      <div className="button-row">
        {showView && (
          <Link to={href} className="btn btn-small btn-ghost">
            {t('common.view')}
          </Link>
        )}
        {listing.status === 'published' && (
          <Link
            to={`${href}/edit`}
            className="btn btn-small btn-secondary"
            data-testid={`edit-${listing.id}`}
            title={t('revision.editHint')}
          >
            {t('common.edit')}
          </Link>
        )}
        {listing.status === 'draft' && (
          <>
            <Link
              to={`${href}/edit`}
              className="btn btn-small btn-secondary"
              data-testid={`edit-${listing.id}`}
            >
              {t('common.edit')}
            </Link>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy || feeDue}
              onClick={() => void run(() => submitListing(listing.kind, listing.id), 'submitted')}
              data-testid={`submit-${listing.id}`}
            >
              {fee?.required && !compact ? t('listingFee.stepSubmit') : t('listingForm.submitReview')}
            </button>
          </>
        )}
        {WITHDRAWABLE.includes(listing.status) && !confirming && (
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            disabled={busy}
            onClick={() => setConfirming(true)}
            data-testid={`withdraw-${listing.id}`}
          >
            {t('listing.withdraw')}
          </button>
        )}
        {confirming && (
          <span className="confirm-inline" role="group" aria-label={t('listing.withdrawConfirm')}>
            <span>{t('listing.withdrawConfirm')}</span>
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => void run(() => withdrawListing(listing.kind, listing.id), 'withdrawn')}
              data-testid={`confirm-withdraw-${listing.id}`}
            >
              {t('common.yes')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>
              {t('common.no')}
            </button>
          </span>
        )}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
