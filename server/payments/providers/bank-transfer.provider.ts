import type { BankTransferInstructions, BankTransferProvider } from './payment-provider';

export interface BankAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

/** The exchange's collection account (a placeholder until operators configure theirs). */
export const EXCHANGE_BANK_ACCOUNT: BankAccount = {
  bankName: 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)',
  accountName: 'SAN GIAO DICH CONG NGHE',
  accountNumber: '0011004455667',
};

/** Bank transfers need nothing from a provider: the payer quotes the reference, an operator confirms receipt. */
export function createBankTransferProvider(
  account: BankAccount = EXCHANGE_BANK_ACCOUNT,
): BankTransferProvider {
  return {
    instructions(payment): BankTransferInstructions {
      return { ...account, amount: payment.amount, currency: payment.currency, reference: payment.reference };
    },
  };
}
