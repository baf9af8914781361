/** Words a system message in the reader's language, from the deal event it records. */
import type { TFunction } from 'i18next';
import type { ChatMessage } from '@contract/socket-events';
import type { Currency } from '@contract/enums';
import { formatMoney } from '../../money';

/** The milestone state a resolved dispute left, by the outcome it words (deals.milestones.outcomes). */
const RESOLVED_AS: Record<string, string> = {
  accepted: 'accepted',
  pending: 'redelivery',
  cancelled: 'cancelled',
};

export function systemMessageText(message: ChatMessage, t: TFunction, locale: string): string {
  const event = message.event;
  if (!event) return message.body;
  const data = event.data;
  const role = (value: unknown) =>
    t(`negotiation.roles.${String(value)}`, { defaultValue: String(value ?? '') });
  const name = typeof data.name === 'string' ? data.name : '';
  switch (event.name) {
    case 'deal:created':
      return t('negotiation.system.deal_created');
    case 'terms:proposed': {
      const price =
        typeof data.price === 'number' && typeof data.currency === 'string'
          ? formatMoney(data.price, data.currency as Currency, locale)
          : '';
      return t('negotiation.system.terms_proposed', {
        name,
        version: data.version,
        price,
        role: role(data.proposedByRole),
      });
    }
    case 'terms:accepted':
      return t(data.agreed ? 'negotiation.system.terms_agreed' : 'negotiation.system.terms_accepted', {
        name,
        version: data.version,
        role: role(data.role),
      });
    case 'deal:status': {
      const status = t(`deals.statuses.${String(data.status)}`, { defaultValue: String(data.status) });
      return data.reason
        ? t('negotiation.system.deal_status_reason', { status, reason: String(data.reason) })
        : t('negotiation.system.deal_status', { status });
    }
    case 'milestone:changed': {
      const action = String(data.action ?? '');
      const status = String(data.status);
      // A resolved dispute is worded by how it ended: accepted, to be delivered again, cancelled.
      const ended = action === 'resolve' ? RESOLVED_AS[status] : undefined;
      const values = {
        n: data.n,
        title: typeof data.title === 'string' ? data.title : '',
        status: ended
          ? t(`deals.milestones.outcomes.${ended}`)
          : t(`deals.milestones.statuses.${status}`, { defaultValue: status }),
      };
      return t(`negotiation.system.milestone.${action}`, {
        ...values,
        defaultValue: t('negotiation.system.milestone.changed', values),
      });
    }
    case 'broker:assigned':
      return t('negotiation.system.broker_assigned', { name });
    case 'broker:removed':
      return t('negotiation.system.broker_removed', { name });
    case 'broker:proposed':
      return t('negotiation.system.broker_proposed', { name, role: role(data.role) });
    case 'nda:accepted':
      return t('negotiation.system.nda_accepted', { name });
    default:
      return message.body;
  }
}
