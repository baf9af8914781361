/** An event's programme of pitch sessions and a participant's suggested meetings: types and endpoints. */
import type { ApiRequestBody, ApiResponse } from '../../api/responses';
import { api } from '../../api';

export type Programme = ApiResponse<'/api/events/{id}/programme'>;
export type ProgrammeSession = Programme['sessions'][number];
export type NewSession = ApiRequestBody<'/api/admin/events/{id}/programme', 'post'>;
export type SessionPatch = ApiRequestBody<'/api/admin/events/{id}/programme/{sid}', 'patch'>;

export type Suggestions = ApiResponse<'/api/events/{id}/suggestions'>;
export type Suggestion = Suggestions['suggestions'][number];
export type SuggestionMatch = Suggestion['matches'][number];

const enc = encodeURIComponent;

export function eventProgramme(id: string, signal?: AbortSignal): Promise<Programme> {
  return api<Programme>(`/api/events/${enc(id)}/programme`, { signal });
}

export async function addSession(id: string, body: NewSession): Promise<ProgrammeSession> {
  return (
    await api<{ session: ProgrammeSession }>(`/api/admin/events/${enc(id)}/programme`, {
      method: 'POST',
      body,
    })
  ).session;
}

export async function changeSession(id: string, sid: string, body: SessionPatch): Promise<ProgrammeSession> {
  return (
    await api<{ session: ProgrammeSession }>(`/api/admin/events/${enc(id)}/programme/${enc(sid)}`, {
      method: 'PATCH',
      body,
    })
  ).session;
}

export async function removeSession(id: string, sid: string): Promise<void> {
  await api(`/api/admin/events/${enc(id)}/programme/${enc(sid)}`, { method: 'DELETE' });
}

export function meetingSuggestions(id: string, lang: string, signal?: AbortSignal): Promise<Suggestions> {
  return api<Suggestions>(`/api/events/${enc(id)}/suggestions`, { query: { lang }, signal });
}
