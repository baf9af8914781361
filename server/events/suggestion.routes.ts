import type { ApiRouter } from '../common/api-router';
import type { AppContext } from '../context';
import { idParams } from '../common/ids';
import { viewerLocale } from '../common/viewer-locale';
import { suggestionsQuery, suggestionsResponse } from './suggestion.schemas';
import { meetingSuggestions } from './suggestion.service';

export function registerSuggestionRoutes(api: ApiRouter, ctx: AppContext): void {
  api.add({
    method: 'get',
    path: '/events/:id/suggestions',
    tag: 'events',
    summary:
      'Suggested meetings for your approved organization: the other approved participants whose listings match yours (offers ↔ demands, or what you look for), best first, with which listing matches which, the score and the reasons, and the meeting already open between you; 403 to anyone not an approved participant',
    access: 'user',
    params: idParams,
    query: suggestionsQuery,
    response: suggestionsResponse,
    handler: ({ user, params, query }) =>
      meetingSuggestions(ctx, user, params.id, {
        limit: query.limit,
        locale: viewerLocale(user, query.lang),
      }),
  });
}
