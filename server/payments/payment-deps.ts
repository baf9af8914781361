import type { AppContext } from '../context';
import type { EventBus } from '../common/events';
import type { FeeSchedule } from '../fees';
import { paymentProvidersFor, type PaymentProviders } from './providers';

/** What the payment services need from the running exchange. */
export interface PaymentDeps {
  schedule: FeeSchedule;
  publicUrl: string;
  bus: EventBus;
  providers: PaymentProviders;
}

export function paymentDeps(ctx: Pick<AppContext, 'config' | 'bus'>): PaymentDeps {
  return {
    schedule: ctx.config.feeSchedule,
    publicUrl: ctx.config.publicUrl.replace(/\/+$/, ''),
    bus: ctx.bus,
    providers: paymentProvidersFor(ctx.config),
  };
}
