/**
 * The server's refusals in the reader's language. The server words its messages in English;
 * the client words them itself from what the error body names: each detail's joi `type` (and
 * `limit`) for a field, and a few known messages for the rest. A message it cannot word is not
 * shown in Vietnamese at all (the code's own title says what happened).
 */
import type { ApiErrorDetail } from '../api';
import type { Locale } from '@contract/enums';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface ServerErrorDetail extends ApiErrorDetail {
  type?: string;
  limit?: number | string;
}

/** joi's detail types, by the key of `validation.` that words them. */
const DETAIL_KEYS: Record<string, string> = {
  'any.required': 'required',
  'string.empty': 'required',
  'string.min': 'minLength',
  'string.max': 'maxLength',
  'string.email': 'email',
  'any.only': 'invalidChoice',
  'number.min': 'numberMin',
  'number.greater': 'numberMin',
  'number.max': 'numberMax',
  'number.less': 'numberMax',
  'number.base': 'number',
  'number.integer': 'integer',
  'date.base': 'date',
  'date.greater': 'inFuture',
  'date.min': 'inFuture',
  'array.max': 'maxItems',
  'array.min': 'minItems',
  'password.incorrect': 'wrongCurrentPassword',
  'token.invalid': 'resetLinkRefused',
  'meeting.scheduled': 'meetingScheduled',
  'capacity.approved': 'belowApproved',
};

/** One field's refusal, worded from its type and limit. */
export function translateDetail(detail: ServerErrorDetail, t: Translate): string {
  const key = (detail.type && DETAIL_KEYS[detail.type]) ?? 'invalid';
  const limit = detail.limit;
  return t(`validation.${key}`, { limit, min: limit, max: limit });
}

/** Each field's refusal by its dotted name (the first one a field has), in the reader's language. */
export function translatedFieldErrors(
  details: readonly ServerErrorDetail[],
  t: Translate,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const key = d.field ?? (Array.isArray(d.path) ? d.path.map(String).join('.') : d.path);
    if (key && !(key in out)) out[key] = translateDetail(d, t);
  }
  return out;
}

/** Messages the server sends that the client knows how to word, by a pattern of their English text. */
const KNOWN_MESSAGES: {
  pattern: RegExp;
  key: string;
  params?: (m: RegExpMatchArray) => Record<string, string>;
}[] = [
  { pattern: /^Email or password is incorrect\.?$/, key: 'wrongCredentials' },
  {
    pattern: /^Your organization already has an open deal on this listing: (.+?)\.?$/,
    key: 'openDealExists',
    params: (m) => ({ name: m[1] }),
  },
  {
    pattern: /^(.+) has a conflict of interest with the listing's owner and cannot be assigned\.?$/,
    key: 'expertConflictOwner',
    params: (m) => ({ name: m[1] }),
  },
  {
    pattern: /^(.+) has a conflict of interest with the requester and cannot be assigned\.?$/,
    key: 'expertConflictRequester',
    params: (m) => ({ name: m[1] }),
  },
  { pattern: /^The appraisal's fee is not paid yet\b/, key: 'appraisalFeeUnpaid' },
  {
    pattern: /^The appraisal's fee is due once an expert has taken the request on\.?$/,
    key: 'appraisalFeeNotDue',
  },
  {
    pattern: /^Only a member of the requesting organization may pay an appraisal's fee\.?$/,
    key: 'appraisalFeePayer',
  },
  { pattern: /^This share is (paid|cancelled); only a due one is paid\.?$/, key: 'payoutNotDue' },
  { pattern: /^This share was recorded paid meanwhile\.?$/, key: 'payoutNotDue' },
  { pattern: /^An operator does not record paying their own share\.?$/, key: 'payoutOwnShare' },
  { pattern: /^No other (bid|proposal) can be offered the technology\b/, key: 'noRunnerUp' },
  { pattern: /^The runner-up has already been offered the technology\b/, key: 'runnerUpOffered' },
  { pattern: /^The technology can be offered to the runner-up only after\b/, key: 'runnerUpNeedsForfeit' },
  {
    pattern: /^A listing fee of .+ must be paid before this (offer|demand) is submitted/,
    key: 'listingFeeDue',
  },
  {
    pattern: /^A scheduled meeting would fall outside the new availability\.?$/,
    key: 'availabilityBreaksMeeting',
  },
  { pattern: /^The change would break scheduled meetings or approvals\.?$/, key: 'eventEditBreaksMeetings' },
  { pattern: /^This event was cancelled\.?$/, key: 'eventCancelled' },
  { pattern: /^The listing fee of .+ is not paid yet\b/, key: 'listingFeePending' },
  {
    pattern: /^The listing fee paid for this (offer|demand) is being refunded\b/,
    key: 'listingFeeRefunding',
  },
];

/**
 * The server's own message as the reader should see it beside the error's title: as sent in
 * English, worded again in Vietnamese when it is a known one, else nothing.
 */
export function translateServerMessage(message: string, locale: Locale, t: Translate): string {
  for (const known of KNOWN_MESSAGES) {
    const match = message.match(known.pattern);
    if (match) return t(`serverMessages.${known.key}`, known.params?.(match));
  }
  return locale === 'en' ? message : '';
}
