/**
 * The providers of one running exchange, built once from its configuration. The object is
 * shared and mutable on purpose: a test may wrap `stripe` to count or inspect its calls.
 */
import type { Config } from '../../config';
import { createBankTransferProvider } from './bank-transfer.provider';
import type { BankTransferProvider, StripeProvider } from './payment-provider';
import { createStripeProvider } from './stripe.provider';
import type { PaymentProvider } from '../../api-contract/enums';

export interface PaymentProviders {
  /** Unset when no STRIPE_SECRET_KEY is configured: the exchange then takes bank transfers only. */
  stripe?: StripeProvider;
  bankTransfer: BankTransferProvider;
}

const byConfig = new WeakMap<Config, PaymentProviders>();

export function paymentProvidersFor(config: Config): PaymentProviders {
  let providers = byConfig.get(config);
  if (!providers) {
    providers = {
      stripe: config.stripeSecretKey
        ? createStripeProvider({
            secretKey: config.stripeSecretKey,
            webhookSecret: config.stripeWebhookSecret,
            apiBase: config.stripeApiBase,
          })
        : undefined,
      bankTransfer: createBankTransferProvider(config.bankAccount),
    };
    byConfig.set(config, providers);
  }
  return providers;
}

export function availableProviders(providers: PaymentProviders): PaymentProvider[] {
  return providers.stripe ? ['stripe', 'bank_transfer'] : ['bank_transfer'];
}
