import type { BankTransferInstructions, BankTransferProvider } from './payment-provider';

export interface BankAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

/** Bank transfers need nothing from a provider: the payer quotes the reference, an operator confirms receipt. */
export function createBankTransferProvider(account: BankAccount): BankTransferProvider {
  return {
    instructions(payment): BankTransferInstructions {
      return { ...account, amount: payment.amount, currency: payment.currency, reference: payment.reference };
    },
  };
}
