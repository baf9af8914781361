import { api, withQuery } from '../../api';
import type { ApiResponse } from '../../api/responses';
import type { paths } from '../../api/schema';

/** The operators' statistics of a period (GET /api/admin/stats). */
export type OperatorStats = ApiResponse<'/api/admin/stats'>;
/** The open data anyone may read (GET /api/public/stats). */
export type PublicStats = ApiResponse<'/api/public/stats'>;
export type GroupBy = 'month' | 'field' | 'province';
/** The reports the operators' export offers (GET /api/admin/stats/export?report=). */
export type ReportName = paths['/api/admin/stats/export']['get']['parameters']['query']['report'];
/** Summary tables of the period. */
export const TABLE_REPORTS: ReportName[] = [
  'listings',
  'deals',
  'fees',
  'funnel',
  'sub-fields',
  'transfer-modes',
  'transfers',
];
/** The raw records created in the period. */
export const RECORD_REPORTS: ReportName[] = ['records-offers', 'records-demands', 'records-deals'];

export interface StatsRange {
  /** 'YYYY-MM', inclusive. */
  from?: string;
  /** 'YYYY-MM', inclusive. */
  to?: string;
}

/** The API's from/to (ISO dates, `to` exclusive) of a range of whole months. */
export function rangeQuery(range: StatsRange): { from?: string; to?: string } {
  const next = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  };
  return {
    from: range.from ? `${range.from}-01` : undefined,
    to: range.to ? next(range.to) : undefined,
  };
}

export function operatorStats(
  range: StatsRange,
  groupBy: GroupBy,
  signal?: AbortSignal,
): Promise<OperatorStats> {
  return api<OperatorStats>('/api/admin/stats', { query: { ...rangeQuery(range), groupBy }, signal });
}

export function publicStats(range: StatsRange, signal?: AbortSignal): Promise<PublicStats> {
  return api<PublicStats>('/api/public/stats', { query: rangeQuery(range), signal });
}

export const exportUrl = (range: StatsRange, report: ReportName, format: 'csv' | 'xlsx') =>
  withQuery('/api/admin/stats/export', { ...rangeQuery(range), report, format });

export const openDataCsvUrl = (range: StatsRange, by: 'month' | 'field') =>
  withQuery('/api/public/stats/export', { ...rangeQuery(range), by });

/** What comparable agreed deals were worth (GET /api/price-guidance). */
export type PriceGuidance = ApiResponse<'/api/price-guidance'>;

export interface PriceGuidanceQuery {
  field: string;
  currency: string;
  trl?: number;
  transferMode?: string;
}

export function priceGuidance(query: PriceGuidanceQuery, signal?: AbortSignal): Promise<PriceGuidance> {
  return api<PriceGuidance>('/api/price-guidance', { query: { ...query }, signal });
}

/** Why bids were rejected and deals walked away from or cancelled (GET /api/admin/outcomes). */
export type OutcomeStats = ApiResponse<'/api/admin/outcomes'>;

export function outcomeStats(range: StatsRange, signal?: AbortSignal): Promise<OutcomeStats> {
  return api<OutcomeStats>('/api/admin/outcomes', { query: rangeQuery(range), signal });
}

/** A range of months as the pages' query string (`?from=YYYY-MM&to=YYYY-MM`). */
export function rangeParams(range: StatsRange): URLSearchParams {
  const p = new URLSearchParams();
  if (range.from) p.set('from', range.from);
  if (range.to) p.set('to', range.to);
  return p;
}

/** A page's path with a range of months as its query. */
export function withRange(path: string, range: StatsRange): string {
  const qs = rangeParams(range).toString();
  return qs ? `${path}?${qs}` : path;
}
