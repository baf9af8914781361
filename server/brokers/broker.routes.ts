import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { brokerSummaryResponse } from './broker.schemas';
import { brokerSummary } from './broker-summary.service';

export function registerBrokerRoutes(api: ApiRouter, ctx: AppContext): void {
  api.add({
    method: 'get',
    path: '/broker/summary',
    tag: 'deals',
    summary:
      'A broker’s desk: deals on which a party proposed me, the deals I broker, and my commission on them (paid and due, per currency)',
    access: ['broker'],
    response: brokerSummaryResponse,
    handler: ({ user }) => brokerSummary(user, ctx.config.feeSchedule),
  });
}
