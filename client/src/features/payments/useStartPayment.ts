import { useState } from 'react';
import type { BankTransferInstructions, PaymentProvider, StartedPayment } from './paymentsApi';

/**
 * Starting (or resuming) the payment of a fee, whatever it pays for: a card payment goes to
 * Stripe Checkout, a bank transfer's instructions are kept to show; `onStarted` then reads the
 * fee again.
 */
export function useStartPayment(
  start: (provider: PaymentProvider) => Promise<StartedPayment>,
  onStarted: () => void,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [instructions, setInstructions] = useState<BankTransferInstructions | null>(null);

  async function pay(provider: PaymentProvider) {
    setBusy(true);
    setError(null);
    try {
      const started = await start(provider);
      if (started.checkoutUrl) {
        window.location.assign(started.checkoutUrl);
        return;
      }
      setInstructions(started.instructions ?? null);
      onStarted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, instructions, pay };
}
