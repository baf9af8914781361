import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import {
  programmeResponse,
  sessionBody,
  sessionParams,
  sessionPatchBody,
  sessionResponse,
} from './programme.schemas';
import { addSession, editSession, readProgramme, removeSession } from './programme.service';

export function registerProgrammeRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/events/:id/programme',
    tag: 'events',
    summary: "The event's programme of pitch sessions, in time order",
    access: 'public',
    params: idParams,
    response: programmeResponse,
    handler: ({ params }) => readProgramme(params.id),
  });
  api.add({
    method: 'post',
    path: '/admin/events/:id/programme',
    tag: 'admin',
    summary:
      "Add a pitch session to the event's programme: title, start and end within the event (400 naming the field), a room or online, the speaking organization and a listing it pitches",
    access: ['admin'],
    params: idParams,
    body: sessionBody,
    status: 201,
    response: sessionResponse,
    handler: async ({ user, params, body }) => ({ session: await addSession(user, params.id, body) }),
  });
  api.add({
    method: 'patch',
    path: '/admin/events/:id/programme/:sid',
    tag: 'admin',
    summary:
      'Change a pitch session (any of its fields; the session as it would read is checked as a new one)',
    access: ['admin'],
    params: sessionParams,
    body: sessionPatchBody,
    response: sessionResponse,
    handler: async ({ user, params, body }) => ({
      session: await editSession(user, params.id, params.sid, body),
    }),
  });
  api.add({
    method: 'delete',
    path: '/admin/events/:id/programme/:sid',
    tag: 'admin',
    summary: "Remove a pitch session from the event's programme",
    access: ['admin'],
    params: sessionParams,
    status: 204,
    handler: async ({ user, params }) => {
      await removeSession(user, params.id, params.sid);
    },
  });
}
