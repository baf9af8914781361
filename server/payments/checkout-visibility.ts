import { actingOrganizationId, type SessionUser } from '../common/session-user';

/**
 * A pending Checkout URL pays with the payer's card session: only the paying organization's
 * members see it; the other party and operators see the payment without it.
 */
export function checkoutUrlFor<T extends { payerOrgId: string; checkoutUrl?: string }>(
  view: T,
  viewer: SessionUser,
): T {
  if (view.checkoutUrl === undefined || actingOrganizationId(viewer) === view.payerOrgId) return view;
  return { ...view, checkoutUrl: undefined };
}
