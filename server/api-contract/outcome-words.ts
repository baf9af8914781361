/** Why something ended, in words: the reason's label and the note; "other" with a note says the note alone. */
export function outcomeWords(outcome: { reason: string; note?: string }, reasonLabel: string): string {
  if (outcome.reason === 'other' && outcome.note) return outcome.note;
  return outcome.note ? `${reasonLabel} — ${outcome.note}` : reasonLabel;
}
