import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import type { DealStatus, MilestoneChange } from './dealTypes';

/** A step taken on a milestone: delivering and answering it, then paying for it. */
export type MilestoneStepKind =
  'deliver' | 'accept' | 'request_changes' | 'dispute' | 'resolve' | 'record_payment' | 'confirm_payment';

/** What the viewer just did to a milestone, said once the plan is read again. */
export interface MilestoneDone {
  action: MilestoneStepKind;
  n: number;
  dealStatus: DealStatus;
}

/**
 * Marks stale what a step on a milestone (or a fee paid on it) changes: the delivery plan, the
 * deal (its status and timeline), its fees, and the deal lists.
 */
export function useDealRefresh(dealId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [
        queryKeys.dealMilestones(dealId),
        queryKeys.dealFees(dealId),
        queryKeys.deal(dealId),
        queryKeys.dealLists,
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  };
}

/**
 * Runs one step on milestone `n` at a time: `busy` while it runs, `error` when it failed; once
 * taken, calls `taken` (a form closes), says so (`onDone`) and reads the plan, the deal and its
 * fees again.
 */
export function useMilestoneStep(dealId: string, n: number, onDone: (done: MilestoneDone) => void) {
  const refresh = useDealRefresh(dealId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(
    action: MilestoneStepKind,
    call: () => Promise<MilestoneChange>,
    taken?: () => void,
  ): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { dealStatus } = await call();
      taken?.();
      onDone({ action, n, dealStatus });
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run };
}
