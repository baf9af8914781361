/** Technology fairs as the server returns them: aliases of the types generated from the OpenAPI document. */
import type { ApiRequestBody, ApiResponse } from '../../api/responses';

export type FairEvent = ApiResponse<'/api/events/{id}'>['event'];
export type EventList = ApiResponse<'/api/events'>;
export type NewEvent = ApiRequestBody<'/api/admin/events', 'post'>;
export type EventPatch = ApiRequestBody<'/api/admin/events/{id}', 'patch'>;
export type Period = FairEvent['breaks'][number];

export type Registration = NonNullable<ApiResponse<'/api/events/{id}/registrations/mine'>['registration']>;
export type NewRegistration = ApiRequestBody<'/api/events/{id}/registrations', 'post'>;
export type EventRole = NewRegistration['role'];
export type RegistrationList = ApiResponse<'/api/admin/events/{id}/registrations'>;

export type Catalogue = ApiResponse<'/api/events/{id}/catalogue'>;
export type Exhibitor = Catalogue['exhibitors'][number];
export type CatalogueListing = Exhibitor['listings'][number];

export type Agenda = ApiResponse<'/api/events/{id}/my-agenda'>;
export type Meeting = Agenda['meetings'][number];
export type NewMeeting = ApiRequestBody<'/api/events/{id}/meetings', 'post'>;
export type MeetingRoom = ApiResponse<'/api/meetings/{id}/room'>;
export type MeetingOutcome = ApiRequestBody<'/api/meetings/{id}/outcome', 'post'>['outcome'];

export type EventReport = ApiResponse<'/api/admin/events/{id}/report'>;
