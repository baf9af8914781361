/**
 * When a scheduled meeting's reminder goes out, and whether it still owes one when its job runs:
 * `minutesBefore` its start (at once when it was scheduled later than that), only for a meeting
 * still accepted at the time the job was made for (a meeting cancelled or moved owes nothing), of
 * an event not cancelled, and not once the meeting has started.
 */
export function reminderRunAt(startsAt: Date, minutesBefore: number, now: Date): Date {
  return new Date(Math.max(new Date(startsAt).getTime() - minutesBefore * 60_000, now.getTime()));
}

export function owesReminder(
  m: { status: string; startsAt?: Date | null } | null,
  event: { status?: string } | null,
  remindedStart: Date,
  now: Date,
): boolean {
  if (!m || !event || event.status === 'cancelled') return false;
  if (m.status !== 'accepted' || !m.startsAt) return false;
  const start = new Date(m.startsAt).getTime();
  return start === new Date(remindedStart).getTime() && now.getTime() < start;
}
