/** The federation routes' joi schemas (requests and answers), and the feed page a partner's pull must match. */
import Joi from 'joi';
import {
  CURRENCIES,
  LISTING_KINDS,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
  type ListingKind,
} from '../api-contract/enums';
import { FIELD_CODES } from '../api-contract/taxonomy';
import { objectId } from '../common/ids';
import { PARTNER_STATUSES, type PartnerStatus } from './partner.model';
import { FEED_PAGE_DEFAULT, FEED_PAGE_MAX } from './feed-rules';
import { DELIVERY_STATES } from './inquiry.model';

const text = (max: number) => Joi.string().trim().max(max);
const time = () => Joi.string().isoDate();

/** The longest inquiry a member may send to a partner's listing. */
export const INQUIRY_MESSAGE_MAX = 4000;

/** A partner's `code`: its listings' `origin` in search. 'local' is this exchange's own. */
export const PARTNER_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const keyResponse = Joi.object({
  name: Joi.string().required().description('this exchange’s name'),
  algorithm: Joi.string().valid('ed25519').required(),
  keyId: Joi.string().required().description('sent beside every signature (header `X-Federation-Key-Id`)'),
  publicKey: Joi.string().required().description('the Ed25519 public key, SPKI PEM'),
  fingerprint: Joi.string()
    .required()
    .description('SHA-256 of the key’s DER, for operators to compare by eye'),
  previous: Joi.object({
    keyId: Joi.string().required(),
    publicKey: Joi.string().required(),
    fingerprint: Joi.string().required(),
    expiresAt: time().required().description('signatures by this key are refused from then on'),
  })
    .allow(null)
    .required()
    .description('the key before the last rotation, still valid for verification until `expiresAt`'),
  endorsement: Joi.string()
    .allow(null)
    .required()
    .description(
      'the previous key’s Ed25519 signature (base64) over `federation-key-rotation-v1`, keyId, publicKey, previous.keyId and previous.expiresAt, one a line: how a partner that trusts the previous key takes the current one',
    ),
});

/** A partner exchange as an operator registers it. */
export interface PartnerInput {
  name: string;
  baseUrl: string;
  publicKey: string;
  code?: string;
}

export const partnerBody = Joi.object<PartnerInput>({
  name: text(200).min(1).required(),
  baseUrl: Joi.string()
    .trim()
    .uri({ scheme: ['http', 'https'] })
    .max(500)
    .required()
    .description('where the partner exchange answers (its `/api` lies under it)'),
  publicKey: Joi.string()
    .trim()
    .max(2000)
    .required()
    .description('the partner’s Ed25519 public key (SPKI PEM), as its `GET /api/federation/key` shows it'),
  code: Joi.string()
    .pattern(PARTNER_CODE)
    .invalid('local')
    .description('the `origin` its listings carry in search (default: made from its name)'),
});

export interface PartnerKeyFetchBody {
  baseUrl: string;
}

export const partnerKeyFetchBody = Joi.object<PartnerKeyFetchBody>({
  baseUrl: Joi.string()
    .trim()
    .uri({ scheme: ['http', 'https'] })
    .max(500)
    .required()
    .description('where the partner exchange answers: its `GET /api/federation/key` is asked'),
});

export const partnerKeyFetchResponse = Joi.object({
  name: Joi.string().required().description('the name the exchange gives itself'),
  baseUrl: Joi.string().required(),
  keyId: Joi.string().required().description('computed here from the key'),
  publicKey: Joi.string().required().description('its Ed25519 public key, SPKI PEM: what registering takes'),
  fingerprint: Joi.string()
    .required()
    .description('SHA-256 of the key’s DER, computed here: for the operator to compare with the partner’s'),
});

export interface PartnerStatusBody {
  status: PartnerStatus;
}

export const partnerStatusBody = Joi.object<PartnerStatusBody>({
  status: Joi.string()
    .valid(...PARTNER_STATUSES)
    .required()
    .description('suspended: its feed is no longer pulled and its inquiries are refused'),
});

const pullView = Joi.object({
  at: time().required(),
  ok: Joi.boolean().required(),
  reason: Joi.string(),
  imported: Joi.number().integer().min(0).required(),
  removed: Joi.number().integer().min(0).required(),
});

const partnerView = Joi.object({
  id: Joi.string().required(),
  name: Joi.string().required(),
  code: Joi.string().required(),
  baseUrl: Joi.string().required(),
  keyId: Joi.string().required(),
  fingerprint: Joi.string().required(),
  status: Joi.string()
    .valid(...PARTNER_STATUSES)
    .required(),
  cursor: Joi.string().allow(null).required().description('where the next pull of its feed starts'),
  lastPull: pullView.allow(null).required(),
  lastRefusal: Joi.object({ at: time().required(), reason: Joi.string().required() })
    .allow(null)
    .required()
    .description('the last signed request of theirs (a feed request, an inquiry) refused here, and why'),
  createdAt: time().required(),
});

export const partnerResponse = Joi.object({ partner: partnerView.required() });
const trafficCounts = {
  inquiriesSent: Joi.number().integer().min(0).required(),
  inquiriesReceived: Joi.number().integer().min(0).required(),
  answersSent: Joi.number().integer().min(0).required(),
  answersReceived: Joi.number().integer().min(0).required(),
};
export const partnerListResponse = Joi.object({
  partners: Joi.array()
    .items(
      partnerView.keys({
        counts: Joi.object({
          importedListings: Joi.number().integer().min(0).required(),
          ...trafficCounts,
          last30Days: Joi.object(trafficCounts)
            .required()
            .description('the same inquiries and answers, of the last 30 days only'),
        })
          .required()
          .description(
            'listings imported from it now; inquiries sent to it and received from it; answers received from it (to inquiries sent from here) and sent to it (by owners here)',
          ),
      }),
    )
    .required(),
});
export const pullResponse = Joi.object({ pull: pullView.required() });

export interface ListingSharingParams {
  kind: ListingKind;
  id: string;
}

export const listingSharingParams = Joi.object<ListingSharingParams>({
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  id: objectId().required(),
});
/** A sharing choice: of a listing, an organization or the operator's default. */
export interface SharingBody {
  shared: boolean;
}

export const listingSharingBody = Joi.object<SharingBody>({
  shared: Joi.boolean()
    .required()
    .description('false: keep this listing back from partner exchanges (it goes out as a tombstone)'),
});
const listingSharingView = Joi.object({
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  listingId: Joi.string().required(),
  shared: Joi.boolean().required(),
  changedAt: time()
    .allow(null)
    .required()
    .description('null: never changed, shared as its organization chooses'),
});
export const listingSharingResponse = Joi.object({ listing: listingSharingView.required() });
export const listingSharingListResponse = Joi.object({
  listings: Joi.array().items(listingSharingView).required(),
});

export const sharingBody = Joi.object<SharingBody>({
  shared: Joi.boolean()
    .required()
    .description("share your organization's published listings with partner exchanges"),
});
export const sharingResponse = Joi.object({
  sharing: Joi.object({
    organizationId: Joi.string().required(),
    shared: Joi.boolean().required(),
    changedAt: time().allow(null).required(),
  }).required(),
});

export const sharingDefaultBody = Joi.object<SharingBody>({
  shared: Joi.boolean()
    .required()
    .description('share the published listings of organizations that have not chosen with partner exchanges'),
});
export const sharingDefaultResponse = Joi.object({
  sharingDefault: Joi.object({
    shared: Joi.boolean().required(),
    changedAt: time().allow(null).required().description('null: never set (not shared)'),
  }).required(),
});

export interface FeedQuery {
  since?: string;
  limit: number;
}

export const feedQuery = Joi.object<FeedQuery>({
  since: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,200}$/)
    .description('the `next` of the page read before; absent: from the beginning'),
  limit: Joi.number().integer().min(1).max(FEED_PAGE_MAX).default(FEED_PAGE_DEFAULT),
});

/** A listing as the feed sends it (and as a partner's is imported). */
export const feedListing = Joi.object({
  title: Joi.string().max(300).required(),
  summary: Joi.string().max(2000).allow('').required(),
  body: Joi.string().max(20_000).allow('').required(),
  keywords: Joi.array().items(Joi.string().max(100)).max(50).required(),
  field: Joi.string()
    .valid(...FIELD_CODES)
    .required(),
  subField: Joi.string().max(100),
  trl: Joi.number().integer().min(TRL_MIN).max(TRL_MAX).required(),
  transferModes: Joi.array()
    .items(Joi.string().valid(...TRANSFER_MODES))
    .max(TRANSFER_MODES.length)
    .required(),
  province: Joi.string().max(60).allow('').required(),
  price: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: Joi.string().valid(...CURRENCIES),
  language: Joi.string().valid('vi', 'en').required(),
  publishedAt: time().required(),
  organizationName: Joi.string().max(300).allow('').required(),
});

const feedItem = Joi.object({
  type: Joi.string().valid('listing', 'tombstone').required(),
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
  changedAt: time().required(),
  listing: feedListing.when('type', { is: 'listing', then: Joi.required(), otherwise: Joi.forbidden() }),
});

/** The feed's page: its body is what the signature in the headers signs, byte for byte. */
export const feedResponse = Joi.object({
  exchange: Joi.object({
    name: Joi.string().required(),
    keyId: Joi.string().required(),
  }).required(),
  since: Joi.string().allow(null).required().description('the cursor asked for (null: from the beginning)'),
  next: Joi.string().allow(null).required().description('ask with `since=<next>` for what follows'),
  more: Joi.boolean().required().description('more entries wait after this page'),
  generatedAt: time().required(),
  items: Joi.array().items(feedItem).max(FEED_PAGE_MAX).required(),
});

export const importedListingResponse = Joi.object({
  listing: Joi.object({
    id: Joi.string().required(),
    kind: Joi.string()
      .valid(...LISTING_KINDS)
      .required(),
    origin: Joi.string().required(),
    home: Joi.object({ name: Joi.string().required(), url: Joi.string().required() }).required(),
    readOnly: Joi.boolean().valid(true).required(),
    changedAt: time().required(),
    importedAt: time().required(),
  })
    .concat(feedListing)
    .required(),
});

export interface IdParams {
  id: string;
}

export const importedIdParams = Joi.object<IdParams>({
  id: Joi.string()
    .pattern(/^[a-f0-9]{24}-(offer|demand)-[A-Za-z0-9_-]{1,64}$/)
    .required(),
});

export const partnerIdParams = Joi.object<IdParams>({ id: objectId().required() });

export interface InquiryBody {
  listingId: string;
  message: string;
}

export const inquiryBody = Joi.object<InquiryBody>({
  listingId: Joi.string()
    .pattern(/^[a-f0-9]{24}-(offer|demand)-[A-Za-z0-9_-]{1,64}$/)
    .required()
    .messages({ 'string.pattern.base': 'listingId must name a listing imported from a partner exchange' })
    .description('an imported listing’s id (as search and `GET /api/federation/imported/:id` show it)'),
  message: Joi.string().trim().min(1).max(INQUIRY_MESSAGE_MAX).required(),
});

/** Where one signed delivery to a partner stands (an inquiry, an answer). */
const deliveryState = Joi.object({
  state: Joi.string()
    .valid(...DELIVERY_STATES)
    .required()
    .description('pending: tried again until delivered or given up (failed)'),
  attempts: Joi.number().integer().min(0).required(),
  lastAttemptAt: time().allow(null).required(),
  lastError: Joi.string().allow(null).required(),
  deliveredAt: time().allow(null).required(),
  nextAttemptAt: time().allow(null).required(),
});

const inquiryView = Joi.object({
  id: Joi.string().required(),
  listingId: Joi.string().required(),
  listingTitle: Joi.string().required(),
  home: Joi.object({ name: Joi.string().required(), url: Joi.string().required() }).allow(null).required(),
  message: Joi.string().required(),
  createdAt: time().required(),
  delivery: deliveryState.required(),
  answers: Joi.array()
    .items(
      Joi.object({
        id: Joi.string().required(),
        text: Joi.string().required(),
        decision: Joi.string()
          .valid('accept', 'decline')
          .allow(null)
          .required()
          .description('the owner accepted or declined (null: a plain message)'),
        answerer: Joi.object({
          organizationName: Joi.string().allow('').required(),
          name: Joi.string().allow('').required(),
        }).required(),
        contact: Joi.object({ name: Joi.string().allow('').required(), email: Joi.string().required() })
          .allow(null)
          .required()
          .description('the answerer’s contact details, only when they accepted'),
        answeredAt: time().required(),
        receivedAt: time().required(),
      }),
    )
    .required()
    .description('the owner’s answers that came back from the home exchange, oldest first'),
});

export const inquiryResponse = Joi.object({ inquiry: inquiryView.required() });
export const inquiryListResponse = Joi.object({ inquiries: Joi.array().items(inquiryView).required() });

const receivedInquiryView = Joi.object({
  id: Joi.string().required(),
  homeExchange: Joi.string().required().description('the asking organization’s home exchange'),
  kind: Joi.string()
    .valid(...LISTING_KINDS)
    .required(),
  listingId: Joi.string().required(),
  listingTitle: Joi.string().allow('').required(),
  message: Joi.string().required(),
  asker: Joi.object({
    organizationName: Joi.string().allow('').required(),
    name: Joi.string().allow('').required(),
  }).required(),
  decision: Joi.string()
    .valid('accept', 'decline')
    .allow(null)
    .required()
    .description('your organization accepted or declined the inquiry (once); null until then'),
  askerContact: Joi.object({
    name: Joi.string().allow('').required(),
    email: Joi.string().required(),
    organizationName: Joi.string().allow('').required(),
  })
    .allow(null)
    .required()
    .description('the asker’s contact details, given back by the asking exchange once you accepted'),
  receivedAt: time().required(),
  answers: Joi.array()
    .items(
      Joi.object({
        id: Joi.string().required(),
        text: Joi.string().required(),
        decision: Joi.string().valid('accept', 'decline').allow(null).required(),
        answeredBy: Joi.string().required(),
        sharedContact: Joi.boolean().required(),
        answeredAt: time().required(),
        delivery: deliveryState.required().description('its delivery back to the asking exchange'),
      }),
    )
    .required()
    .description('your organization’s answers, oldest first'),
});

export const receivedInquiryListResponse = Joi.object({
  inquiries: Joi.array().items(receivedInquiryView).required(),
});
export const receivedInquiryResponse = Joi.object({ inquiry: receivedInquiryView.required() });

export const receivedInquiryIdParams = Joi.object<IdParams>({
  id: Joi.string()
    .pattern(/^[a-f0-9]{24}:[A-Za-z0-9_-]{1,64}$/)
    .required()
    .messages({ 'string.pattern.base': 'id must name an inquiry received from a partner exchange' })
    .description('a received inquiry’s id, as `GET /api/federation/inquiries/received` shows it'),
});

export interface AnswerBody {
  text: string;
  decision?: 'accept' | 'decline';
}

export const answerBody = Joi.object<AnswerBody>({
  text: Joi.string().trim().min(1).max(INQUIRY_MESSAGE_MAX).required(),
  decision: Joi.string()
    .valid('accept', 'decline')
    .description(
      'accept: your name and email go with the answer and the asker’s come back; decline: no contact either way; absent: a plain message. Once per inquiry (409 after)',
    ),
});

/** The keys of a signed reply to a delivery (`type`; `what` was delivered: an inquiry, an answer). */
function deliveryReplyResponseKeys(type: string, what: string) {
  return {
    type: Joi.string().valid(type).required(),
    from: Joi.object({ name: Joi.string().allow('').required(), keyId: Joi.string().required() })
      .required()
      .description('this exchange and the key the reply is signed with'),
    inquiryId: Joi.string().required().description('the inquiry’s id on the asking exchange'),
    inReplyTo: Joi.string().required().description('the nonce of the delivery this replies to'),
    sentAt: Joi.string().isoDate().required(),
    nonce: Joi.string().required(),
    received: Joi.boolean().valid(true).required(),
    duplicate: Joi.boolean()
      .required()
      .description(`this ${what} was received before (a delivery tried again)`),
    id: Joi.string().required(),
  };
}

export const inboundInquiryResponse = Joi.object(deliveryReplyResponseKeys('inquiry-receipt', 'inquiry'));

export const inboundAnswerResponse = Joi.object({
  ...deliveryReplyResponseKeys('answer-reply', 'answer'),
  answerId: Joi.string().required(),
  askerContact: Joi.object({
    name: Joi.string().allow('').required(),
    email: Joi.string().required(),
    organizationName: Joi.string().allow('').required(),
  }).description('the asker’s contact details, in reply to an accept only'),
});
