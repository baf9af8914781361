/**
 * Milestones past their due date: which are overdue, by how many days, and when each is to be
 * checked. Pure; `isOverdue` (milestone-machine.ts) is the one rule of what overdue means: past
 * its due date and neither accepted nor cancelled.
 */
import { isOverdue } from './milestone-machine';

const DAY_MS = 86_400_000;

export interface DeliveryMilestone {
  n: number;
  title?: string | null;
  dueDate?: Date | string | null;
  status: string;
}

export interface OverdueMilestone {
  n: number;
  title: string;
  dueDate: Date;
  /** Days begun since the due date passed: 1 on the first day. */
  daysOverdue: number;
  status: string;
}

/** Days begun since `dueDate` passed (1 on the first day); 0 when it has not passed. */
export function daysOverdue(dueDate: Date | string, now: Date): number {
  const late = now.getTime() - new Date(dueDate).getTime();
  return late > 0 ? Math.ceil(late / DAY_MS) : 0;
}

/** The delivery plan's overdue milestones, in plan order. */
export function overdueMilestones(
  delivery: readonly DeliveryMilestone[] | null | undefined,
  now: Date,
): OverdueMilestone[] {
  return (delivery ?? [])
    .filter((m) => isOverdue(m, now))
    .map((m) => ({
      n: m.n,
      title: m.title ?? '',
      dueDate: new Date(m.dueDate!),
      daysOverdue: daysOverdue(m.dueDate!, now),
      status: m.status,
    }));
}

/** The milestones a check for being overdue is owed: each still open that has a due date. */
export function overdueChecks(
  delivery: readonly DeliveryMilestone[] | null | undefined,
): { n: number; dueDate: Date }[] {
  return (delivery ?? [])
    .filter((m) => m.dueDate && m.status !== 'accepted' && m.status !== 'cancelled')
    .map((m) => ({ n: m.n, dueDate: new Date(m.dueDate!) }));
}

/**
 * Whether the milestone, as it is now, is the overdue one a check was made for: the same due
 * date, still open and past it. A milestone accepted or cancelled meanwhile is not.
 */
export function owesOverdueNotice(
  m: DeliveryMilestone | undefined,
  checkedDueDate: Date | string,
  now: Date,
): boolean {
  if (!m?.dueDate) return false;
  if (new Date(m.dueDate).getTime() !== new Date(checkedDueDate).getTime()) return false;
  return isOverdue(m, now);
}
