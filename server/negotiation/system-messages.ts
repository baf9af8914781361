/**
 * How each deal event is recorded in the negotiation room. The body is a plain-English fallback;
 * clients word the message in the reader's language from `event.name` and `event.data`.
 */
import type { SystemMessage } from './message.service';

/** The user ids an event's message names; their display names are looked up before wording it. */
export function userIdsNamedBy(payload: Record<string, unknown>): string[] {
  const ids = [
    payload.brokerUserId,
    payload.userId,
    (payload.termSheet as { proposedBy?: unknown } | undefined)?.proposedBy,
  ];
  return ids.filter((id) => id != null).map(String);
}

const STATUS_WORDS: Record<string, string> = {
  negotiating: 'negotiating',
  agreed: 'agreed',
  awaiting_payment: 'awaiting payment',
  delivering: 'delivering',
  closed_won: 'closed (won)',
  closed_lost: 'closed (lost)',
  cancelled: 'cancelled',
};

/** The system message recording `event`, or null for events the room does not show. */
export function systemMessageFor(
  event: string,
  payload: Record<string, unknown>,
  names: Map<string, string>,
): SystemMessage | null {
  const nameOf = (id: unknown) => (id == null ? 'Someone' : names.get(String(id)) || 'Someone');
  const system = (body: string, data: Record<string, unknown>, kind: SystemMessage['kind'] = 'system') => ({
    kind,
    body,
    event: { name: event, data },
  });
  switch (event) {
    case 'deal:created':
      return system('The negotiation room is open.', {});
    case 'terms:proposed': {
      const sheet = (payload.termSheet ?? {}) as Record<string, unknown>;
      const name = nameOf(sheet.proposedBy);
      const data = {
        version: sheet.version,
        price: sheet.price,
        currency: sheet.currency,
        proposedBy: sheet.proposedBy == null ? undefined : String(sheet.proposedBy),
        proposedByRole: sheet.proposedByRole,
        name,
      };
      return system(`${name} proposed term sheet version ${String(sheet.version)}.`, data, 'terms');
    }
    case 'terms:accepted': {
      const name = nameOf(payload.userId);
      const agreed = payload.agreed === true;
      const body = `${name} (${String(payload.role)}) accepted term sheet version ${String(payload.version)}.`;
      const data = { version: payload.version, role: payload.role, userId: payload.userId, agreed, name };
      return system(agreed ? `${body} Both parties have agreed.` : body, data, 'terms');
    }
    case 'deal:status': {
      const status = String(payload.status);
      const reason = typeof payload.reason === 'string' && payload.reason ? ` Reason: ${payload.reason}` : '';
      const data = { status, from: payload.from, ...(reason ? { reason: payload.reason } : {}) };
      return system(`The deal is now ${STATUS_WORDS[status] ?? status}.${reason}`, data);
    }
    case 'milestone:changed': {
      const data = { n: payload.n, title: payload.title, status: payload.status, action: payload.action };
      return system(
        `Milestone ${String(payload.n)} (${String(payload.title)}) is now ${String(payload.status).replaceAll('_', ' ')}.`,
        data,
      );
    }
    case 'broker:assigned':
      return system(`${nameOf(payload.brokerUserId)} is now the broker of this deal.`, {
        brokerUserId: String(payload.brokerUserId),
        name: nameOf(payload.brokerUserId),
      });
    case 'broker:removed':
      return system(`${nameOf(payload.brokerUserId)} is no longer the broker of this deal.`, {
        brokerUserId: String(payload.brokerUserId),
        name: nameOf(payload.brokerUserId),
      });
    case 'broker:proposed':
      return system(
        `The ${String(payload.role)} proposed ${nameOf(payload.brokerUserId)} as the broker; they take part once the other party agrees.`,
        {
          brokerUserId: String(payload.brokerUserId),
          name: nameOf(payload.brokerUserId),
          role: payload.role,
        },
      );
    case 'nda:accepted':
      return system(`${nameOf(payload.userId)} accepted the non-disclosure agreement.`, {
        userId: String(payload.userId),
        name: nameOf(payload.userId),
      });
    default:
      return null;
  }
}
