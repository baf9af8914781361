/**
 * Why something ended: a rejected bid, a walk-away, a cancelled deal. A reason from the short
 * list (OUTCOME_REASONS) and an optional note; operators see them counted by field.
 */
import Joi from 'joi';
import { OUTCOME_REASONS, type OutcomeReason } from '../api-contract/enums';

export interface OutcomeInput {
  reason: OutcomeReason;
  note?: string;
}

export const NOTE_MAX = 1000;

/** The body of a rejection or a walk-away: the reason is required. */
export const outcomeBody = Joi.object<OutcomeInput>({
  reason: Joi.string()
    .valid(...OUTCOME_REASONS)
    .required(),
  note: Joi.string().trim().max(NOTE_MAX).allow(''),
});

/** As stored on the record and answered in its view. */
export const outcomeView = Joi.object({
  reason: Joi.string()
    .valid(...OUTCOME_REASONS)
    .required(),
  note: Joi.string().allow(''),
  at: Joi.string(),
});

/** The stored outcome: the reason, a note only when one was written, and when. */
export function outcomeRecord(input: OutcomeInput, by: string | undefined, at: Date) {
  const note = input.note?.trim();
  return { reason: input.reason, ...(note ? { note } : {}), ...(by ? { by } : {}), at };
}

/**
 * A cancellation's `reason`: a reason code as given, or (as the first contract had it) words
 * of the canceller's own, which count as `other` with the words as the note.
 */
export function cancellationOutcome(reason: string, note: string | undefined): OutcomeInput {
  if (isOutcomeReason(reason)) return { reason, ...(note ? { note } : {}) };
  return { reason: 'other', note: note ? `${reason} — ${note}` : reason };
}

const isOutcomeReason = (v: string): v is OutcomeReason => (OUTCOME_REASONS as readonly string[]).includes(v);

/** A stored outcome as a bid's or a deal's view answers it (none without a reason). */
export function outcomeViewOf(
  stored: { reason?: string | null; note?: string | null; at?: Date | null } | null | undefined,
) {
  if (!stored?.reason) return undefined;
  return {
    reason: stored.reason as OutcomeReason,
    ...(stored.note ? { note: stored.note } : {}),
    at: stored.at ? new Date(stored.at).toISOString() : undefined,
  };
}
