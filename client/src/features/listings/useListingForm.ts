import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { ListingKind, Locale } from '@contract/enums';
import { isApiError } from '../../api';
import { queryKeys } from '../../api/queryClient';
import { useLocale } from '../../labels';
import { useFormErrors } from '../../ui/useFormErrors';
import type { Issues } from '../../validation';
import {
  createListing,
  getListing,
  listingHref,
  submitListing,
  updateListing,
  type ListingOf,
} from './listingApi';

export interface ListingFormSpec<K extends ListingKind, V> {
  kind: K;
  empty: (locale: Locale) => V;
  valuesOf: (listing: ListingOf<K>) => V;
  validate: (values: V) => Issues;
  payload: (values: V) => object;
}

/** Route state a listing page reads to say what just happened. */
export interface ListingNotice {
  notice?: 'saved' | 'submitted' | 'revisionSubmitted' | 'revisionUnchanged' | 'feeDue';
}

/** The server's refusal of a submission whose listing fee is not paid (the listing page takes it from there). */
function isListingFeeRefusal(err: unknown): boolean {
  return isApiError(err) && err.status === 409 && /listing fee/i.test(err.message);
}

/**
 * The fields of `next` that differ from `before` (both payloads of the same form): what a change
 * to a published listing sends, so that untouched fields (an auction's pricing) are not sent back.
 * A field emptied is sent as `null`, which clears it.
 */
export function changedPayload(next: object, before: object): Record<string, unknown> {
  const a = next as Record<string, unknown>;
  const b = before as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    changed[key] = a[key] === undefined ? null : a[key];
  }
  return changed;
}

/**
 * Loads, edits, saves and submits one offer or demand. A new listing is created on its first save
 * (the page then moves to its edit address); "submit for review" saves first, then submits. On a
 * published listing saving sends only the changed fields, which await review: the page then
 * returns to the listing, whose published version stays until an operator approves.
 */
export function useListingForm<K extends ListingKind, V>(
  spec: ListingFormSpec<K, V>,
  id: string | undefined,
) {
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<V>(() => spec.empty(locale));
  const [listing, setListing] = useState<ListingOf<K> | null>(null);
  const [loading, setLoading] = useState(!!id);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const errors = useFormErrors();
  const { kind, valuesOf, validate, payload } = spec;

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    setLoading(true);
    getListing(kind, id, controller.signal)
      .then((loaded) => {
        setListing(loaded);
        // Changes awaiting review are edited further, not started again from the published version.
        const pending = loaded.revision?.proposed as ListingOf<K> | undefined;
        setValues(valuesOf(pending ?? loaded));
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(err);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [kind, id, valuesOf]);

  const set = useCallback(<F extends keyof V>(field: F, value: V[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
  }, []);

  /** Validates and saves; returns the listing's id, or undefined when something was wrong. */
  async function save(): Promise<string | undefined> {
    const issues = validate(values);
    if (Object.keys(issues).length) {
      errors.showIssues(issues);
      focusFirstError();
      return undefined;
    }
    errors.clear();
    // Pages that showed the listings ask the server again rather than show what was before.
    queryClient.removeQueries({ queryKey: queryKeys.listings });
    try {
      if (!id) return (await createListing(kind, payload(values))).id;
      const updated = await updateListing(kind, id, payload(values));
      if (updated) {
        setListing(updated);
        setValues(valuesOf(updated));
      }
      return id;
    } catch (err) {
      errors.showServerError(err);
      focusFirstError();
      return undefined;
    }
  }

  async function submitChanges(published: ListingOf<K>): Promise<void> {
    const issues = validate(values);
    if (Object.keys(issues).length) {
      errors.showIssues(issues);
      focusFirstError();
      return;
    }
    errors.clear();
    const changes = changedPayload(payload(values), payload(valuesOf(published)));
    if (Object.keys(changes).length === 0) {
      const notice: ListingNotice = { notice: 'revisionUnchanged' };
      navigate(listingHref(kind, published.id), { state: notice });
      return;
    }
    try {
      await updateListing(kind, published.id, changes);
    } catch (err) {
      errors.showServerError(err);
      focusFirstError();
      return;
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.listing(kind, published.id) });
    const notice: ListingNotice = { notice: 'revisionSubmitted' };
    navigate(listingHref(kind, published.id), { state: notice });
  }

  async function saveDraft(): Promise<void> {
    setBusy('save');
    try {
      if (listing?.status === 'published') return await submitChanges(listing);
      const savedId = await save();
      if (!savedId) return;
      const notice: ListingNotice = { notice: 'saved' };
      navigate(`${listingHref(kind, savedId)}/edit`, { replace: true, state: notice });
    } finally {
      setBusy(null);
    }
  }

  async function submitForReview(): Promise<void> {
    setBusy('submit');
    try {
      const savedId = await save();
      if (!savedId) return;
      try {
        await submitListing(kind, savedId);
      } catch (err) {
        // The draft is saved: the listing's page shows the fee to pay before it is submitted.
        if (isListingFeeRefusal(err)) {
          const notice: ListingNotice = { notice: 'feeDue' };
          navigate(listingHref(kind, savedId), { state: notice });
          return;
        }
        errors.showServerError(err);
        if (!id)
          navigate(`${listingHref(kind, savedId)}/edit`, {
            replace: true,
            state: { notice: 'saved' } satisfies ListingNotice,
          });
        return;
      }
      const notice: ListingNotice = { notice: 'submitted' };
      navigate(listingHref(kind, savedId), { state: notice });
    } finally {
      setBusy(null);
    }
  }

  return { values, set, listing, loading, loadError, busy, saveDraft, submitForReview, ...errors };
}

function focusFirstError(): void {
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLElement>('[aria-invalid="true"], .alert-error');
    target?.focus?.();
    target?.scrollIntoView({ block: 'center' });
  });
}
