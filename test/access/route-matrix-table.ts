/**
 * Who may call each declared route, relative to the record it names: `owner` is a member of the
 * organization that owns it (the listing's, a deal's seller, or as `owner` says), `otherOrg` a
 * member of an unrelated verified organization, `broker` a user with the broker role (the
 * deal's assigned broker on deal routes), `expert` an appraisal expert (a member of an unrelated
 * institute with the expert role), `operator` an operator of no organization. Every
 * route of the OpenAPI document must have an entry here; a route without one fails the matrix.
 */
import { aBid, depositAuctionOffer, depositCall, inOneHour, terms } from '../api/deals-helpers';
import { demandBody, offerBody } from '../api/offers-helpers';
import { make, newId, type MatrixRole, type World } from './route-matrix-world';
import { matrixImage } from './matrix-image';
import { signUp } from '../helpers/factories';
import { MAX_EVIDENCE_DOCUMENTS } from '../../server/api-contract/organization-evidence';
import { CAPABILITY_CRITERION_CODES } from '../../server/api-contract/capability-criteria';
import { clearRecordCaches } from '../../server/common/record-cache';
import { MeetingModel } from '../../server/events/meeting.model';
import { at, onlineEvent, onSiteEvent, period } from '../api/events-helpers';
import { federationRoutes } from './federation-matrix';

export interface Call {
  path: Record<string, string>;
  body?: Record<string, unknown>;
  query?: string;
}

export interface MatrixEntry {
  allow: readonly MatrixRole[];
  /** Who plays `owner` (default: the seller's member). */
  owner?: 'seller' | 'buyer';
  /** Makes this call's records (fresh for every role). */
  setup?: (w: World) => Promise<Call> | Call;
  /** A multipart upload of a small PDF. */
  upload?: boolean;
  /** A multipart upload of a small PDF as an organization's evidence (fields kind and file). */
  evidence?: boolean;
  /** A multipart upload of a 300×300 PNG (a listing image). */
  image?: boolean;
  /** The call changes the caller's session (sign-in, sign-out, registration): made on a new session. */
  session?: boolean;
  /** Answers an allowed caller may get besides 2xx (a state the fresh record is in). */
  alsoOk?: readonly number[];
}

const ALL: readonly MatrixRole[] = ['anonymous', 'otherOrg', 'owner', 'broker', 'expert', 'operator'];
const SIGNED_IN: readonly MatrixRole[] = ['otherOrg', 'owner', 'broker', 'expert', 'operator'];
const OPERATOR: readonly MatrixRole[] = ['operator'];
const DEAL_VIEWERS: readonly MatrixRole[] = ['owner', 'broker', 'operator'];
/** Members of a verified organization (an operator belongs to none). */
const MEMBERS: readonly MatrixRole[] = ['otherOrg', 'owner', 'broker', 'expert'];

const onDeal =
  (extra: Partial<Call> = {}, status: 'negotiating' | 'awaiting_payment' = 'negotiating') =>
  async (w: World): Promise<Call> => ({ path: { id: await make.deal(w, status) }, ...extra });
const onOffer = async (w: World): Promise<Call> => ({ path: { id: await make.offer(w) } });
/** The buyer's deposit on a new auction of the seller's, started by bank transfer (not paid). */
async function pendingDeposit(w: World): Promise<string> {
  const offerId = await depositAuctionOffer(w.seller, inOneHour());
  const res = await w.buyer.agent.post(`/api/offers/${offerId}/deposits`).send({ provider: 'bank_transfer' });
  return res.body.payment.id as string;
}
const onDemand = async (w: World): Promise<Call> => ({ path: { id: await make.demand(w) } });

/** An image the listing's owner uploaded through the API (its files on disk, as served). */
async function uploadedImage(w: World, kind: 'offer' | 'demand', listingId: string): Promise<string> {
  const res = await w.seller.agent
    .post(`/api/${kind}s/${listingId}/images`)
    .attach('image', await matrixImage(), 'matrix.png');
  if (res.status !== 201) throw new Error(`the matrix's image upload answered ${res.status}`);
  return (res.body as { image: { id: string } }).image.id;
}

/** An evidence document the seller's organization's administrator uploaded through the API. */
async function uploadedEvidence(w: World): Promise<string> {
  // The world outlives one route's calls: make room under the organization's limit first.
  const held = await w.seller.agent.get(`/api/organizations/${w.seller.orgId}/evidence`).expect(200);
  const documents = (held.body as { documents: { id: string }[] }).documents;
  if (documents.length >= MAX_EVIDENCE_DOCUMENTS - 1)
    for (const d of documents)
      await w.seller.agent.delete(`/api/organizations/${w.seller.orgId}/evidence/${d.id}`).expect(204);
  const res = await w.seller.agent
    .post(`/api/organizations/${w.seller.orgId}/evidence`)
    .attach('file', Buffer.from('%PDF-1.7\nx\n%%EOF\n'), 'dkkd.pdf');
  if (res.status !== 201) throw new Error(`the matrix's evidence upload answered ${res.status}`);
  return (res.body as { document: { id: string } }).document.id;
}

const APPRAISAL_REPORT = {
  trlAssessed: 6,
  findings: 'Đã chạy thử ở quy mô xưởng.',
  risks: 'Sáng chế chưa được cấp.',
  recommendation: 'Đạt TRL 6.',
};

/** A technology appraisal of a new offer of the seller's, brought to `stage` through the API (the world's expert assigned); its id. */
async function appraisalAt(
  w: World,
  stage: 'requested' | 'assigned' | 'accepted' | 'reported' | 'paid',
): Promise<string> {
  const step = async (res: Promise<{ status: number; body: any }>, what: string) => {
    const answer = await res;
    if (answer.status >= 300) throw new Error(`the matrix's appraisal ${what} answered ${answer.status}`);
    return answer.body;
  };
  const listingId = await make.offer(w);
  const created = await step(
    w.seller.agent.post('/api/appraisals').send({ listingKind: 'offer', listingId, type: 'technology' }),
    'request',
  );
  const id = created.appraisal.id as string;
  if (stage === 'requested') return id;
  await step(
    w.operator.agent.post(`/api/admin/appraisals/${id}/assign`).send({ expertIds: [w.expert.user.id] }),
    'assignment',
  );
  if (stage === 'assigned') return id;
  await step(w.expert.agent.post(`/api/appraisals/${id}/accept`), 'acceptance');
  if (stage === 'accepted') return id;
  await step(w.expert.agent.post(`/api/appraisals/${id}/report`).send(APPRAISAL_REPORT), 'report');
  if (stage === 'reported') return id;
  const paying = await step(
    w.seller.agent.post(`/api/appraisals/${id}/payments`).send({ provider: 'bank_transfer' }),
    'fee payment',
  );
  await step(
    w.operator.agent.post(`/api/admin/payments/${paying.payment.id}/confirm`).send({}),
    'fee confirmation',
  );
  return id;
}

/** A new on-site event an operator created through the API; its id. */
async function eventOf(w: World, online = false): Promise<string> {
  const res = await w.operator.agent.post('/api/admin/events').send(online ? onlineEvent() : onSiteEvent());
  if (res.status !== 201) throw new Error(`the matrix's event answered ${res.status}`);
  return res.body.event.id;
}

/** A pitch session on a new event's programme, the seller's organization speaking; the event's and the session's ids. */
async function sessionOf(w: World): Promise<{ id: string; sid: string }> {
  const id = await eventOf(w);
  const res = await w.operator.agent.post(`/api/admin/events/${id}/programme`).send(sessionBody(w));
  if (res.status !== 201) throw new Error(`the matrix's session answered ${res.status}`);
  return { id, sid: res.body.session.id as string };
}

const sessionBody = (w: World) => ({
  title: 'Giới thiệu công nghệ màng sinh học',
  startsAt: at('09:30'),
  endsAt: at('09:45'),
  room: 'Phòng A',
  speakerOrganizationId: w.seller.orgId,
});

/** The member's organization registered for the event (pending, or approved by the operator); its registration's id. */
async function registered(
  w: World,
  eventId: string,
  who: 'seller' | 'buyer',
  approve: boolean,
): Promise<string> {
  const res = await w[who].agent
    .post(`/api/events/${eventId}/registrations`)
    .send({ role: 'visitor', availability: [period('09:00', '12:00')] });
  if (res.status !== 201) throw new Error(`the matrix's registration answered ${res.status}`);
  const rid = res.body.registration.id as string;
  if (approve) {
    const ok = await w.operator.agent.post(`/api/admin/events/${eventId}/registrations/${rid}/approve`);
    if (ok.status !== 200) throw new Error(`the matrix's approval answered ${ok.status}`);
  }
  return rid;
}

/** A meeting the buyer asked of the seller at a new event, brought to `stage` (held: accepted, and moved into the past); its id. */
async function meetingAt(
  w: World,
  stage: 'requested' | 'accepted' | 'held',
  online = false,
): Promise<string> {
  const eventId = await eventOf(w, online);
  await registered(w, eventId, 'seller', true);
  await registered(w, eventId, 'buyer', true);
  const asked = await w.buyer.agent
    .post(`/api/events/${eventId}/meetings`)
    .send({ withOrganizationId: w.seller.orgId, message: 'Xin gặp' });
  if (asked.status !== 201) throw new Error(`the matrix's meeting answered ${asked.status}`);
  const id = asked.body.meeting.id as string;
  if (stage === 'requested') return id;
  const accepted = await w.seller.agent.post(`/api/meetings/${id}/accept`);
  if (accepted.status !== 200) throw new Error(`the matrix's acceptance answered ${accepted.status}`);
  if (stage === 'held') {
    const start = Date.now() - 3600_000;
    await MeetingModel.updateOne(
      { _id: id },
      { $set: { startsAt: new Date(start), endsAt: new Date(start + 1_200_000) } },
    );
    clearRecordCaches();
  }
  return id;
}

/** A new user an operator made an expert, with a profile; their id. */
async function expertOf(w: World): Promise<string> {
  const member = await signUp(w.app, { kind: 'institute' });
  const granted = await w.operator.agent
    .post(`/api/admin/users/${member.user.id}/role`)
    .send({ role: 'expert' });
  if (granted.status !== 200) throw new Error(`the matrix's expert role answered ${granted.status}`);
  const saved = await member.agent.put('/api/experts/me').send({ fields: ['engineering_technology'] });
  if (saved.status !== 200) throw new Error(`the matrix's expert profile answered ${saved.status}`);
  return member.user.id;
}

/** A complete capability assessment of the buyer's enterprise, saved through the API; its id. */
async function completeAssessment(w: World): Promise<string> {
  const answers = Object.fromEntries(CAPABILITY_CRITERION_CODES.map((code) => [code, 2]));
  const res = await w.buyer.agent
    .put(`/api/organizations/${w.buyer.orgId}/capability`)
    .send({ sector: 'machinery', answers });
  if (res.status !== 200) throw new Error(`the matrix's capability assessment answered ${res.status}`);
  return (res.body as { assessment: { id: string } }).assessment.id;
}

function listingRoutes(kind: 'offer' | 'demand'): Record<string, MatrixEntry> {
  const p = `/api/${kind}s`;
  const draft = kind === 'offer' ? make.draftOffer : make.draftDemand;
  const pending = kind === 'offer' ? make.pendingOffer : make.pendingDemand;
  const published = kind === 'offer' ? onOffer : onDemand;
  const body = kind === 'offer' ? offerBody() : demandBody();
  const withRevision = async (w: World): Promise<Call> => {
    const revision = {
      set: { title: 'Tên mới của tin đăng đã công bố' },
      unset: [],
      fields: ['title'],
      submittedAt: new Date(),
      submittedBy: w.seller.user.id,
    };
    return { path: { id: await (kind === 'offer' ? make.offer : make.demand)(w, { revision }) } };
  };
  return {
    [`POST ${p}`]: { allow: ['otherOrg', 'owner', 'broker', 'expert'], setup: () => ({ path: {}, body }) },
    [`GET ${p}`]: { allow: ALL },
    [`GET ${p}/{id}`]: { allow: ALL, setup: published },
    [`PATCH ${p}/{id}`]: {
      allow: ['owner'],
      setup: async (w) => ({
        path: { id: await draft(w) },
        body: { title: 'Tên mới của tin đăng công nghệ' },
      }),
    },
    [`DELETE ${p}/{id}`]: { allow: ['owner'], setup: published },
    [`POST ${p}/{id}/submit`]: {
      allow: ['owner'],
      setup: async (w) => ({ path: { id: await make.completeDraft(w, kind, body) } }),
    },
    [`POST ${p}/{id}/close`]: { allow: ['owner'], setup: published },
    // The listing's organization pays its listing fee (the matrix's schedule sets none: 409 "no fee
    // applies"); it and operators see how the fee stands.
    [`POST ${p}/{id}/listing-fee`]: {
      allow: ['owner'],
      alsoOk: [409],
      setup: async (w) => ({ path: { id: await draft(w) }, body: { provider: 'bank_transfer' } }),
    },
    [`GET ${p}/{id}/listing-fee`]: {
      allow: ['owner', 'operator'],
      setup: async (w) => ({ path: { id: await draft(w) } }),
    },
    [`GET ${p}/{id}/matches`]: { allow: ALL, setup: published },
    [`POST ${p}/{id}/documents`]: { allow: ['owner'], setup: published, upload: true },
    [`GET ${p}/{id}/documents`]: { allow: ALL, setup: published },
    [`DELETE ${p}/{id}/documents/{attachmentId}`]: {
      allow: ['owner'],
      setup: async (w) => {
        const { listingId, attachmentId } = await make.attachment(w, kind);
        return { path: { id: listingId, attachmentId } };
      },
    },
    [`POST /api/admin/${kind}s/{id}/approve`]: {
      allow: OPERATOR,
      setup: async (w) => ({ path: { id: await pending(w) } }),
    },
    [`POST /api/admin/${kind}s/{id}/reject`]: {
      allow: OPERATOR,
      setup: async (w) => ({
        path: { id: await pending(w) },
        body: { reason: 'Thiếu thông tin sở hữu trí tuệ' },
      }),
    },
    // Changes to a published listing awaiting review (written straight through the model).
    [`DELETE ${p}/{id}/revision`]: { allow: ['owner'], setup: withRevision },
    [`POST ${p}/{id}/images`]: { allow: ['owner'], setup: published, image: true },
    [`DELETE ${p}/{id}/images/{imageId}`]: {
      allow: ['owner'],
      setup: async (w) => {
        const { path } = await published(w);
        return { path: { ...path, imageId: await uploadedImage(w, kind, path.id) } };
      },
    },
    [`POST /api/admin/${kind}s/{id}/revision/approve`]: { allow: OPERATOR, setup: withRevision },
    [`POST /api/admin/${kind}s/{id}/revision/refuse`]: {
      allow: OPERATOR,
      setup: async (w) => ({ ...(await withRevision(w)), body: { reason: 'Tiêu đề không khớp công nghệ' } }),
    },
  };
}

export const ROUTE_MATRIX: Record<string, MatrixEntry> = {
  // Accounts: anyone may register or sign in; each on a session of its own.
  'POST /api/auth/register': {
    allow: ALL,
    session: true,
    setup: () => ({
      path: {},
      body: {
        email: `new-${newId()}@example.vn`,
        password: 'correct-horse-battery',
        name: 'Người Mới',
        organization: { name: 'Tổ chức Mới', kind: 'enterprise' },
      },
    }),
  },
  'POST /api/auth/login': { allow: ALL, session: true, alsoOk: [401] },
  'POST /api/auth/logout': { allow: ALL, session: true },
  'GET /api/auth/me': { allow: SIGNED_IN },
  'PATCH /api/auth/me': { allow: SIGNED_IN, setup: () => ({ path: {}, body: { locale: 'vi' } }) },
  // A wrong current password (400): a change that succeeded would end the shared world's sessions.
  'POST /api/auth/password': {
    allow: SIGNED_IN,
    alsoOk: [400],
    setup: () => ({
      path: {},
      body: { currentPassword: 'not-the-password', newPassword: 'another-password-2026' },
    }),
  },
  'POST /api/auth/password-reset': {
    allow: ALL,
    setup: () => ({ path: {}, body: { email: `nobody-${newId()}@example.vn` } }),
  },
  // An unknown token (400 naming it): what every caller may send.
  'POST /api/auth/password-reset/confirm': {
    allow: ALL,
    alsoOk: [400],
    setup: () => ({ path: {}, body: { token: 'x'.repeat(43), newPassword: 'another-password-2026' } }),
  },

  // Organizations.
  'GET /api/organizations': { allow: ALL },
  'GET /api/organizations/{id}': { allow: ALL, setup: (w) => ({ path: { id: w.seller.orgId } }) },
  'PATCH /api/organizations/{id}': {
    allow: ['owner', 'operator'],
    setup: (w) => ({ path: { id: w.seller.orgId }, body: { description: 'Viện nghiên cứu công nghệ' } }),
  },
  'GET /api/organizations/{id}/members': {
    allow: ['owner', 'operator'],
    setup: (w) => ({ path: { id: w.seller.orgId } }),
  },
  'POST /api/organizations/{id}/members/{userId}/approve': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: w.seller.orgId, userId: await make.joiner(w) } }),
  },
  'DELETE /api/organizations/{id}/members/{userId}': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: w.seller.orgId, userId: await make.joiner(w) } }),
  },
  'POST /api/organizations/{id}/evidence': {
    allow: ['owner'],
    evidence: true,
    setup: (w) => ({ path: { id: w.seller.orgId } }),
  },
  'GET /api/organizations/{id}/evidence': {
    allow: ['owner', 'operator'],
    setup: (w) => ({ path: { id: w.seller.orgId } }),
  },
  'GET /api/organizations/{id}/evidence/{evidenceId}': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: w.seller.orgId, evidenceId: await uploadedEvidence(w) } }),
  },
  'DELETE /api/organizations/{id}/evidence/{evidenceId}': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: w.seller.orgId, evidenceId: await uploadedEvidence(w) } }),
  },
  'GET /api/admin/organizations': { allow: OPERATOR },
  'POST /api/admin/organizations/{id}/verify': {
    allow: OPERATOR,
    setup: (w) => ({ path: { id: w.seller.orgId } }),
  },
  'GET /api/admin/organizations/{id}': {
    allow: OPERATOR,
    setup: (w) => ({ path: { id: w.seller.orgId } }),
  },
  'POST /api/admin/organizations/{id}/refuse': {
    allow: OPERATOR,
    setup: async (w) => ({
      path: { id: await make.unverifiedOrg(w) },
      body: { reason: 'Mã số thuế không khớp với tên tổ chức' },
    }),
  },
  'POST /api/admin/users/{id}/role': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await make.bystander(w) }, body: { role: 'member' } }),
  },
  'POST /api/admin/users/{id}/suspend': {
    allow: OPERATOR,
    setup: async (w) => ({
      path: { id: await make.bystander(w) },
      body: { reason: 'Kiểm tra quyền truy cập' },
    }),
  },
  'POST /api/admin/users/{id}/reinstate': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await make.bystander(w) } }),
  },
  'GET /api/admin/stats': { allow: OPERATOR },
  'GET /api/admin/stats/export': {
    allow: OPERATOR,
    setup: () => ({ path: {}, query: 'format=csv&report=deals' }),
  },
  'GET /api/admin/outcomes': { allow: OPERATOR },
  'GET /api/price-guidance': {
    allow: SIGNED_IN,
    setup: () => ({ path: {}, query: 'field=engineering_technology&currency=VND' }),
  },
  'GET /api/public/stats': { allow: ALL },
  'GET /api/capabilities/criteria': { allow: ALL },
  'GET /api/capabilities': { allow: ALL },
  'PUT /api/organizations/{id}/capability': {
    allow: ['owner', 'operator'],
    owner: 'buyer',
    setup: (w) => ({ path: { id: w.buyer.orgId }, body: { sector: 'chemicals', answers: { T1: 2 } } }),
  },
  'GET /api/organizations/{id}/capability': {
    allow: ['owner', 'operator'],
    owner: 'buyer',
    setup: (w) => ({ path: { id: w.buyer.orgId } }),
  },
  'GET /api/organizations/{id}/capability/suggestions': {
    allow: ['owner', 'operator'],
    owner: 'buyer',
    setup: async (w) => {
      await completeAssessment(w);
      return { path: { id: w.buyer.orgId }, query: 'sector=machinery' };
    },
  },
  'GET /api/admin/capabilities/summary': { allow: OPERATOR },
  'POST /api/appraisals': {
    allow: ['owner'],
    setup: async (w) => ({
      path: {},
      body: { listingKind: 'offer', listingId: await make.offer(w), type: 'technology' },
    }),
  },
  'GET /api/appraisals': { allow: SIGNED_IN },
  'GET /api/appraisals/fees': { allow: ALL },
  'GET /api/appraisals/{id}': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await appraisalAt(w, 'requested') } }),
  },
  'POST /api/appraisals/{id}/accept': {
    allow: ['expert'],
    setup: async (w) => ({ path: { id: await appraisalAt(w, 'assigned') } }),
  },
  'POST /api/appraisals/{id}/decline': {
    allow: ['expert'],
    setup: async (w) => ({ path: { id: await appraisalAt(w, 'assigned') }, body: {} }),
  },
  'POST /api/appraisals/{id}/report': {
    allow: ['expert'],
    setup: async (w) => ({ path: { id: await appraisalAt(w, 'accepted') }, body: APPRAISAL_REPORT }),
  },
  'POST /api/appraisals/{id}/payments': {
    allow: ['owner'],
    setup: async (w) => ({
      path: { id: await appraisalAt(w, 'accepted') },
      body: { provider: 'bank_transfer' },
    }),
  },
  'POST /api/appraisals/{id}/publish': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await appraisalAt(w, 'paid') } }),
  },
  'GET /api/admin/appraisals': { allow: OPERATOR },
  'POST /api/admin/appraisals/{id}/assign': {
    allow: OPERATOR,
    setup: async (w) => ({
      path: { id: await appraisalAt(w, 'requested') },
      body: { expertIds: [w.expert.user.id] },
    }),
  },
  'GET /api/experts': { allow: ALL },
  'GET /api/experts/{id}': { allow: ALL, setup: async (w) => ({ path: { id: await expertOf(w) } }) },
  'GET /api/experts/me': { allow: ['expert'] },
  'PUT /api/experts/me': {
    allow: ['expert'],
    setup: () => ({ path: {}, body: { fields: ['engineering_technology'] } }),
  },
  'GET /api/admin/capabilities/export': {
    allow: OPERATOR,
    setup: () => ({ path: {}, query: 'format=csv' }),
  },
  'POST /api/admin/capabilities/{id}/verify': {
    allow: OPERATOR,
    setup: async (w) => ({
      path: { id: await completeAssessment(w) },
      body: { note: 'Đã khảo sát tại nhà máy' },
    }),
  },
  'GET /api/public/stats/export': { allow: ALL },
  'GET /api/admin/revisions': { allow: OPERATOR },
  'GET /api/listing-images/{imageId}/{size}': {
    allow: ALL,
    setup: async (w) => ({
      path: { imageId: await uploadedImage(w, 'offer', await make.offer(w)), size: 'thumb' },
    }),
  },
  'GET /api/broker/summary': { allow: ['broker'] },

  // Bids and proposals: verified organizations other than the owner bid; everyone signed in lists what they may see.
  'POST /api/offers/{id}/bids': {
    allow: ['otherOrg', 'broker', 'expert'],
    setup: async (w) => ({ path: { id: await make.offer(w) }, body: aBid() }),
  },
  'GET /api/offers/{id}/bids': { allow: SIGNED_IN, setup: onOffer },
  'POST /api/offers/{id}/deposits': {
    allow: ['otherOrg', 'broker', 'expert'],
    setup: async (w) => ({
      path: { id: await depositAuctionOffer(w.seller, inOneHour()) },
      body: { provider: 'bank_transfer' },
    }),
  },
  'GET /api/offers/{id}/deposits/mine': {
    allow: SIGNED_IN,
    setup: async (w) => ({ path: { id: await depositAuctionOffer(w.seller, inOneHour()) } }),
  },
  'GET /api/offers/{id}/deposits': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await depositAuctionOffer(w.seller, inOneHour()) } }),
  },
  'POST /api/demands/{id}/deposits': {
    allow: ['otherOrg', 'broker', 'expert'],
    setup: async (w) => ({
      path: { id: await depositCall(w.seller, inOneHour()) },
      body: { provider: 'bank_transfer' },
    }),
  },
  'GET /api/demands/{id}/deposits/mine': {
    allow: SIGNED_IN,
    setup: async (w) => ({ path: { id: await depositCall(w.seller, inOneHour()) } }),
  },
  'GET /api/demands/{id}/deposits': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await depositCall(w.seller, inOneHour()) } }),
  },
  // The owner alone offers the technology to the runner-up, and only after a forfeit (409 before).
  'POST /api/offers/{id}/runner-up': {
    allow: ['owner'],
    alsoOk: [409],
    setup: async (w) => ({ path: { id: await depositAuctionOffer(w.seller, inOneHour()) } }),
  },
  'POST /api/demands/{id}/runner-up': {
    allow: ['owner'],
    alsoOk: [409],
    setup: async (w) => ({ path: { id: await depositCall(w.seller, inOneHour()) } }),
  },
  'POST /api/demands/{id}/proposals': {
    allow: ['otherOrg', 'broker', 'expert'],
    setup: async (w) => ({ path: { id: await make.demand(w) }, body: aBid() }),
  },
  'GET /api/demands/{id}/proposals': { allow: SIGNED_IN, setup: onDemand },
  'GET /api/bids': { allow: SIGNED_IN },
  'POST /api/bids/{id}/accept': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.bid(w) } }),
  },
  'POST /api/bids/{id}/reject': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.bid(w) }, body: { reason: 'price_too_high' } }),
  },
  'POST /api/bids/{id}/shortlist': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.bid(w) } }),
  },
  'POST /api/bids/{id}/withdraw': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({ path: { id: await make.bid(w) } }),
  },

  // Deals: the parties, the deal's broker and operators see them; each step has its own actors.
  'GET /api/deals': { allow: SIGNED_IN },
  'POST /api/deals': {
    allow: ['otherOrg', 'broker', 'expert'],
    setup: async (w) => ({ path: {}, body: { offerId: await make.offer(w) } }),
  },
  'GET /api/deals/{id}': { allow: DEAL_VIEWERS, setup: onDeal() },
  'GET /api/deals/{id}/milestones': {
    allow: DEAL_VIEWERS,
    setup: async (w) => ({ path: { id: await make.deliveringDeal(w, 'pending') } }),
  },
  // The seller delivers; the buyer accepts or sends back; either party disputes; the broker or an
  // operator resolves.
  'POST /api/deals/{id}/milestones/{n}/deliver': {
    allow: ['owner'],
    setup: async (w) => ({
      path: { id: await make.deliveringDeal(w, 'pending'), n: '1' },
      body: { note: 'Gửi bản vẽ' },
    }),
  },
  'POST /api/deals/{id}/milestones/{n}/accept': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({ path: { id: await make.deliveringDeal(w, 'delivered'), n: '1' } }),
  },
  'POST /api/deals/{id}/milestones/{n}/request-changes': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({
      path: { id: await make.deliveringDeal(w, 'delivered'), n: '1' },
      body: { note: 'Thiếu bản vẽ điện' },
    }),
  },
  'POST /api/deals/{id}/milestones/{n}/dispute': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({
      path: { id: await make.deliveringDeal(w, 'delivered'), n: '1' },
      body: { reason: 'Chưa đạt công suất' },
    }),
  },
  'POST /api/deals/{id}/milestones/{n}/resolve': {
    allow: ['broker', 'operator'],
    setup: async (w) => ({
      path: { id: await make.deliveringDeal(w, 'disputed'), n: '1' },
      body: { outcome: 'accepted' },
    }),
  },
  // The buyer records paying the seller for an accepted milestone; the seller confirms receiving it.
  'POST /api/deals/{id}/milestones/{n}/transfer': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({
      path: { id: await make.deliveringDeal(w, 'accepted'), n: '1' },
      body: { reference: 'UNC-2026-001' },
    }),
  },
  'POST /api/deals/{id}/milestones/{n}/transfer/confirm': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.deliveringDeal(w, 'paid_for'), n: '1' } }),
  },
  // Overdue milestones across deals: operators only, not even the deals' parties or brokers.
  'GET /api/admin/milestones/overdue': {
    allow: OPERATOR,
    setup: async (w) => {
      await make.deliveringDeal(w, 'pending');
      return { path: {} };
    },
  },
  'GET /api/deals/{id}/royalty-reports': {
    allow: DEAL_VIEWERS,
    setup: async (w) => ({ path: { id: (await make.royaltyDeal(w)).dealId } }),
  },
  // The licensee files; the licensor confirms; each party pays its own share of the fee.
  'POST /api/deals/{id}/royalty-reports': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => ({
      path: { id: (await make.royaltyDeal(w)).dealId },
      body: { period: '2026-Q2', netSales: 50_000_000, currency: 'VND' },
    }),
  },
  'POST /api/deals/{id}/royalty-reports/{reportId}/confirm': {
    allow: ['owner'],
    setup: async (w) => {
      const { dealId, reportId } = await make.royaltyDeal(w);
      return { path: { id: dealId, reportId } };
    },
  },
  'POST /api/deals/{id}/royalty-reports/{reportId}/payments': {
    allow: ['owner'],
    owner: 'buyer',
    setup: async (w) => {
      const { dealId, reportId } = await make.royaltyDeal(w);
      return { path: { id: dealId, reportId }, body: { provider: 'bank_transfer' } };
    },
  },
  'GET /api/deals/{id}/timeline': { allow: DEAL_VIEWERS, setup: onDeal() },
  'POST /api/deals/{id}/cancel': {
    allow: ['owner', 'operator'],
    setup: onDeal({ body: { reason: 'Không thống nhất' } }),
  },
  'POST /api/deals/{id}/walk-away': { allow: ['owner'], setup: onDeal({ body: { reason: 'timing' } }) },
  'POST /api/deals/{id}/broker': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await make.deal(w) }, body: { userId: w.broker.user.id } }),
  },
  'DELETE /api/deals/{id}/broker': { allow: ['owner', 'operator'], setup: onDeal() },
  'GET /api/deals/{id}/broker-candidates': { allow: ['owner', 'operator'], setup: onDeal() },
  'POST /api/deals/{id}/broker/consent': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.deal(w) }, body: { userId: w.broker.user.id } }),
  },
  'GET /api/deals/{id}/messages': { allow: DEAL_VIEWERS, setup: onDeal() },
  'GET /api/messages/unread': { allow: SIGNED_IN },
  'GET /api/deals/{id}/terms': { allow: DEAL_VIEWERS, setup: onDeal() },
  'POST /api/deals/{id}/terms': { allow: ['owner', 'broker'], setup: onDeal({ body: terms(320_000_000) }) },
  'POST /api/deals/{id}/terms/{version}/accept': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.deal(w), version: '1' } }),
  },
  'POST /api/deals/{id}/nda/accept': { allow: ['owner', 'broker'], setup: onDeal() },
  'GET /api/deals/{id}/contract': { allow: DEAL_VIEWERS, setup: onDeal({}, 'awaiting_payment') },
  'GET /api/deals/{id}/documents': { allow: DEAL_VIEWERS, setup: onDeal() },
  'POST /api/deals/{id}/documents/request': { allow: ['owner'], owner: 'buyer', setup: onDeal() },
  'POST /api/deals/{id}/documents/approve': { allow: ['owner'], setup: onDeal() },
  'POST /api/deals/{id}/documents/refuse': { allow: ['owner'], setup: onDeal() },

  // Documents.
  'GET /api/documents/{listingKind}/{listingId}/{attachmentId}': {
    allow: ['owner', 'operator'],
    setup: async (w) => {
      const { listingId, attachmentId } = await make.attachment(w);
      return { path: { listingKind: 'offer', listingId, attachmentId } };
    },
  },

  // Fees and payments.
  'GET /api/payments/providers': { allow: ALL },
  'GET /api/deals/{id}/fees': { allow: DEAL_VIEWERS, setup: onDeal({}, 'awaiting_payment') },
  'POST /api/deals/{id}/payments': {
    allow: ['owner'],
    setup: onDeal({ body: { provider: 'bank_transfer' } }, 'awaiting_payment'),
  },
  // Money is the parties' and the operators' business: the broker sees the fees, not the payments.
  'GET /api/deals/{id}/ledger': { allow: ['owner', 'operator'], setup: onDeal({}, 'awaiting_payment') },
  'GET /api/payments/{id}': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: (await make.payment(w)).paymentId } }),
  },
  'GET /api/payments/{id}/receipt': {
    allow: ['owner', 'operator'],
    alsoOk: [409],
    setup: async (w) => ({ path: { id: (await make.payment(w)).paymentId } }),
  },
  // Verified by Stripe's signature, not by a session: an unsigned delivery is a 400 for anyone.
  'POST /api/payments/stripe/webhook': { allow: ALL, alsoOk: [400] },
  'GET /api/admin/payments': { allow: OPERATOR },
  'GET /api/admin/payouts': { allow: OPERATOR },
  'POST /api/admin/payouts/{id}/paid': {
    allow: OPERATOR,
    setup: async (w) => {
      // The broker's commission falls due when the buyer's fee is confirmed.
      const { paymentId } = await make.payment(w);
      await w.operator.agent.post(`/api/admin/payments/${paymentId}/confirm`).send({}).expect(200);
      const { payouts } = (await w.operator.agent.get('/api/admin/payouts').expect(200)).body;
      const due = payouts.find((p: { paymentId: string }) => p.paymentId === paymentId);
      return { path: { id: due.id }, body: { reference: 'CK-0001' } };
    },
  },
  'GET /api/payouts/mine': { allow: SIGNED_IN },
  'POST /api/admin/payments/{id}/confirm': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: (await make.payment(w)).paymentId }, body: {} }),
  },
  'POST /api/admin/payments/{id}/refund': {
    allow: OPERATOR,
    alsoOk: [409],
    setup: async (w) => ({
      path: { id: (await make.payment(w)).paymentId },
      body: { reason: 'Hoàn tiền thử' },
    }),
  },

  'POST /api/admin/payments/{id}/forfeit': {
    allow: OPERATOR,
    // A deposit not yet held against a deal cannot be forfeited.
    alsoOk: [409],
    setup: async (w) => ({ path: { id: await pendingDeposit(w) }, body: { reason: 'Bên thắng rút lui' } }),
  },
  // A deposit without a surplus refund waiting for an operator: nothing to retry or record.
  'POST /api/admin/payments/{id}/surplus-refund/retry': {
    allow: OPERATOR,
    alsoOk: [409],
    setup: async (w) => ({ path: { id: await pendingDeposit(w) } }),
  },
  'POST /api/admin/payments/{id}/surplus-refund/recorded': {
    allow: OPERATOR,
    alsoOk: [409],
    setup: async (w) => ({ path: { id: await pendingDeposit(w) }, body: { reference: 'CK-0002' } }),
  },

  // A person's own notifications and alerts.
  'GET /api/notifications': { allow: SIGNED_IN },
  'GET /api/notifications/settings': { allow: SIGNED_IN },
  'POST /api/notifications/read-all': { allow: SIGNED_IN },
  'POST /api/notifications/{id}/read': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.notification(w) } }),
  },
  'POST /api/alerts': { allow: SIGNED_IN, setup: () => ({ path: {}, body: { q: 'nước thải' } }) },
  'GET /api/alerts': { allow: SIGNED_IN },
  'DELETE /api/alerts/{id}': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await make.alert(w) } }),
  },

  ...federationRoutes,
  ...listingRoutes('offer'),
  ...listingRoutes('demand'),
  'GET /api/admin/queue': { allow: OPERATOR },
  'GET /api/search': { allow: ALL, setup: () => ({ path: {}, query: 'q=nuoc%20thai' }) },

  // Technology fairs and brokerage events: `owner` is the seller's member, an approved participant
  // (and the invited side of the meetings); members of any verified organization may register.
  'POST /api/admin/events': { allow: OPERATOR, setup: () => ({ path: {}, body: onSiteEvent() }) },
  'PATCH /api/admin/events/{id}': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await eventOf(w) }, body: { title: 'Chợ công nghệ (đổi tên)' } }),
  },
  'POST /api/admin/events/{id}/cancel': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await eventOf(w) }, body: { reason: 'Hoãn vì bão' } }),
  },
  'PUT /api/events/{id}/registrations/mine/availability': {
    allow: ['owner'],
    setup: async (w) => {
      const id = await eventOf(w);
      await registered(w, id, 'seller', true);
      return { path: { id }, body: { availability: [period('09:00', '11:00')] } };
    },
  },
  'POST /api/admin/events/{id}/registrations/{rid}/revoke': {
    allow: OPERATOR,
    setup: async (w) => {
      const id = await eventOf(w);
      return {
        path: { id, rid: await registered(w, id, 'seller', true) },
        body: { reason: 'Vi phạm quy chế' },
      };
    },
  },
  'GET /api/events': { allow: ALL },
  'GET /api/events/{id}': { allow: ALL, setup: async (w) => ({ path: { id: await eventOf(w) } }) },
  'POST /api/events/{id}/registrations': {
    allow: MEMBERS,
    setup: async (w) => ({
      path: { id: await eventOf(w) },
      body: { role: 'visitor', availability: [period('09:00', '10:00')] },
    }),
  },
  'GET /api/events/{id}/registrations/mine': {
    allow: MEMBERS,
    setup: async (w) => {
      const id = await eventOf(w);
      await registered(w, id, 'seller', false);
      return { path: { id } };
    },
  },
  'GET /api/admin/events/{id}/registrations': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await eventOf(w) } }),
  },
  'POST /api/admin/events/{id}/registrations/{rid}/approve': {
    allow: OPERATOR,
    setup: async (w) => {
      const id = await eventOf(w);
      return { path: { id, rid: await registered(w, id, 'seller', false) } };
    },
  },
  'POST /api/admin/events/{id}/registrations/{rid}/reject': {
    allow: OPERATOR,
    setup: async (w) => {
      const id = await eventOf(w);
      return { path: { id, rid: await registered(w, id, 'seller', false) }, body: { reason: 'Hết chỗ' } };
    },
  },
  'GET /api/events/{id}/catalogue': { allow: ALL, setup: async (w) => ({ path: { id: await eventOf(w) } }) },
  'POST /api/events/{id}/meetings': {
    allow: ['owner'],
    setup: async (w) => {
      const id = await eventOf(w);
      await registered(w, id, 'seller', true);
      await registered(w, id, 'buyer', true);
      return { path: { id }, body: { withOrganizationId: w.buyer.orgId, message: 'Xin gặp' } };
    },
  },
  // Suggested meetings: approved participants only (`owner`: the seller's organization, approved).
  'GET /api/events/{id}/suggestions': {
    allow: ['owner'],
    setup: async (w) => {
      const id = await eventOf(w);
      await registered(w, id, 'seller', true);
      return { path: { id } };
    },
  },
  'GET /api/events/{id}/programme': {
    allow: ALL,
    setup: async (w) => ({ path: { id: (await sessionOf(w)).id } }),
  },
  'POST /api/admin/events/{id}/programme': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await eventOf(w) }, body: sessionBody(w) }),
  },
  'PATCH /api/admin/events/{id}/programme/{sid}': {
    allow: OPERATOR,
    setup: async (w) => ({ path: await sessionOf(w), body: { title: 'Phiên giới thiệu (đổi tên)' } }),
  },
  'DELETE /api/admin/events/{id}/programme/{sid}': {
    allow: OPERATOR,
    setup: async (w) => ({ path: await sessionOf(w) }),
  },
  'GET /api/events/{id}/my-agenda': {
    allow: MEMBERS,
    setup: async (w) => ({ path: { id: await eventOf(w) } }),
  },
  'POST /api/meetings/{id}/accept': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'requested') } }),
  },
  'POST /api/meetings/{id}/decline': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'requested') }, body: {} }),
  },
  'POST /api/meetings/{id}/cancel': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'accepted') }, body: {} }),
  },
  'POST /api/meetings/{id}/outcome': {
    allow: ['owner'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'held') }, body: { outcome: 'follow_up' } }),
  },
  // An accepted online meeting's room: its two organizations' members (`owner` is the invited side) and operators.
  'GET /api/meetings/{id}/room': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'accepted', true) } }),
  },
  'GET /api/meetings/{id}/messages': {
    allow: ['owner', 'operator'],
    setup: async (w) => ({ path: { id: await meetingAt(w, 'accepted', true) } }),
  },
  'GET /api/admin/events/{id}/report': {
    allow: OPERATOR,
    setup: async (w) => ({ path: { id: await eventOf(w) } }),
  },
};
