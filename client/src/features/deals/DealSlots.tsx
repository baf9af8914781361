/**
 * Where the other deal components mount on the deal page: the negotiation room (realtime,
 * features/negotiation) and the fees panel (payments). Each sits in a marked slot.
 */
import { ChatPanel } from '../negotiation';
import { FeesPanel } from '../payments';
import type { Deal } from './dealTypes';

export function NegotiationRoomSlot({ deal }: { deal: Deal }) {
  return (
    <div data-slot="negotiation-room" data-deal-id={deal.id}>
      <ChatPanel key={deal.id} dealId={deal.id} />
    </div>
  );
}

/** Fees exist once the parties agreed on terms. */
export function FeesSlot({ deal, onChanged }: { deal: Deal; onChanged: () => void }) {
  return (
    <div data-slot="fees" data-deal-id={deal.id}>
      {deal.agreedVersion && deal.myRole !== 'broker' && <FeesPanel deal={deal} onAllPaid={onChanged} />}
    </div>
  );
}
