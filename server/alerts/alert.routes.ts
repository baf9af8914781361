import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import { alertListResponse, alertResponse, createAlertBody } from './alert.schemas';
import { createAlert, deleteAlert, listAlerts } from './alert.service';

const tag = 'Alerts';

export function registerAlertRoutes(api: ApiRouter): void {
  api.add({
    method: 'post',
    path: '/alerts',
    tag,
    summary: 'Save a search: new published listings that match it notify you',
    access: 'user',
    body: createAlertBody,
    status: 201,
    response: alertResponse,
    handler: async ({ user, body }) => ({ alert: await createAlert(user, body) }),
  });

  api.add({
    method: 'get',
    path: '/alerts',
    tag,
    summary: 'Your saved searches',
    access: 'user',
    response: alertListResponse,
    handler: async ({ user }) => ({ alerts: await listAlerts(user) }),
  });

  api.add({
    method: 'delete',
    path: '/alerts/:id',
    tag,
    summary: 'Delete one of your saved searches',
    access: 'user',
    params: idParams,
    status: 204,
    handler: ({ user, params }) => deleteAlert(user, params.id),
  });
}
