/**
 * Royalty reports of a licence with a royalty: the licensee (the deal's buyer) files its net sales
 * for a month or a quarter; the royalty and the exchange's fee on it are computed then (integers,
 * the fee schedule's rounding) and kept on the deal; the licensor (the seller) confirms receiving
 * the royalty, which the parties pay each other directly; each party pays its share of the fee
 * through the exchange's payments, and the deal's broker's share of it falls due once it is paid.
 */
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { DealStatus } from '../api-contract/enums';
import { recordAudit } from '../audit';
import { computeRoyalty, computeRoyaltyFees, type FeeSchedule } from '../fees';
import type { DealPaymentFacts, DealPayments } from './deal-payments-port';
import type { DealDoc } from './deal.model';
import { dealStore } from './deal.store';
import type { RoyaltyReportBody } from './royalty.schemas';
import { loadDealDocForUser } from './deal.service';
import { canConfirmRoyaltyReport, canFileRoyaltyReport, type RoyaltyRefusal } from './royalty-rules';

type StoredReport = NonNullable<DealDoc['royaltyReports']>[number];

function refused(r: RoyaltyRefusal): AppError {
  if (r.code === 'forbidden') return AppError.forbidden(r.message);
  if (r.code === 'conflict') return AppError.conflict(r.message);
  return AppError.validation([{ field: r.field, message: r.message }], r.message);
}

function agreedSheet(deal: DealDoc) {
  return deal.agreedVersion ? deal.termSheets[deal.agreedVersion - 1] : undefined;
}

function reportView(r: StoredReport, payments: readonly DealPaymentFacts[]): Record<string, unknown> {
  const id = String(r._id);
  return {
    id,
    period: r.period,
    netSales: r.netSales,
    currency: r.currency,
    royaltyPct: r.royaltyPct,
    royalty: r.royalty,
    note: r.note ?? undefined,
    fees: (r.fees ?? []).map((f) => {
      const paid = payments.find(
        (p) => String(p.royaltyReportId) === id && p.payer === f.payer && (p.openKey || p.status === 'paid'),
      );
      return {
        purpose: 'royalty_fee',
        payer: f.payer,
        amount: f.amount,
        currency: r.currency,
        ...(paid ? { status: paid.status, paymentId: String(paid._id) } : {}),
      };
    }),
    filedAt: r.filedAt?.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString(),
    status: r.confirmedAt ? 'confirmed' : 'filed',
  };
}

/** `payments` is the payments component's (see deal-payments-port.ts). */
export type RoyaltyPayments = Pick<DealPayments, 'paymentsOf'>;

export async function listRoyaltyReports(user: SessionUser, dealId: string, payments: RoyaltyPayments) {
  const { deal } = await loadDealDocForUser(user, dealId);
  const reports = deal.royaltyReports ?? [];
  const paid = reports.length ? await payments.paymentsOf(dealId) : [];
  return {
    royaltyPct: agreedSheet(deal)?.royaltyPct ?? undefined,
    reports: reports.map((r) => reportView(r, paid)),
  };
}

export async function fileRoyaltyReport(
  user: SessionUser,
  dealId: string,
  input: RoyaltyReportBody,
  schedule: FeeSchedule,
) {
  const { role } = await loadDealDocForUser(user, dealId);
  const now = new Date();
  const { result: report } = await dealStore.mutate(dealId, (deal) => {
    const sheet = agreedSheet(deal);
    const refusal = canFileRoyaltyReport({
      role,
      status: deal.status as DealStatus,
      royaltyPct: sheet?.royaltyPct,
      agreedCurrency: sheet?.currency ?? null,
      currency: input.currency,
      period: input.period,
      periodsFiled: (deal.royaltyReports ?? []).map((r) => r.period),
    });
    if (refusal) throw refused(refusal);
    const royaltyPct = sheet!.royaltyPct!;
    const royalty = computeRoyalty(input.netSales, royaltyPct, input.currency);
    const fees = computeRoyaltyFees(royalty, input.currency, schedule).map((f) => ({
      payer: f.payer,
      amount: f.amount,
    }));
    const stored: StoredReport = {
      _id: new mongoose.Types.ObjectId(),
      period: input.period,
      netSales: input.netSales,
      currency: input.currency,
      royaltyPct,
      royalty,
      fees,
      ...(input.note ? { note: input.note } : {}),
      filedBy: new mongoose.Types.ObjectId(user.id),
      filedAt: now,
    } as StoredReport;
    return {
      change: {
        $push: {
          royaltyReports: stored,
          timeline: {
            at: now,
            actorId: user.id,
            actorRole: role,
            event: 'royalty_reported',
            data: { period: input.period, royalty, currency: input.currency },
          },
        },
      },
      result: stored,
    };
  });
  await recordAudit({
    actorId: user.id,
    action: 'deal.royalty_report',
    targetType: 'deal',
    targetId: dealId,
    data: {
      period: report.period,
      netSales: report.netSales,
      royalty: report.royalty,
      currency: report.currency,
    },
  });
  return { report: reportView(report, []) };
}

export async function confirmRoyaltyReport(
  user: SessionUser,
  dealId: string,
  reportId: string,
  payments: RoyaltyPayments,
) {
  const { role } = await loadDealDocForUser(user, dealId);
  const now = new Date();
  const { doc } = await dealStore.mutate(dealId, (deal) => {
    const i = (deal.royaltyReports ?? []).findIndex((r) => String(r._id) === reportId);
    if (i < 0) throw AppError.notFound('Royalty report');
    const refusal = canConfirmRoyaltyReport(role, deal.royaltyReports![i].confirmedAt);
    if (refusal) throw refused(refusal);
    return {
      change: {
        $set: { [`royaltyReports.${i}.confirmedAt`]: now, [`royaltyReports.${i}.confirmedBy`]: user.id },
        $push: {
          timeline: {
            at: now,
            actorId: user.id,
            actorRole: role,
            event: 'royalty_confirmed',
            data: { period: deal.royaltyReports![i].period },
          },
        },
      },
      result: null,
    };
  });
  const report = doc.royaltyReports!.find((r) => String(r._id) === reportId)!;
  return { report: reportView(report, await payments.paymentsOf(dealId)) };
}
