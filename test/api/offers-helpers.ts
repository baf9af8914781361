/** Request bodies and shortcuts shared by the offer, demand, moderation and search tests. */
import request from 'supertest';
import type { Express } from 'express';
import type { Member } from '../helpers/factories';

const DAY = 24 * 3600 * 1000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export function offerBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng MBR',
    summary: 'Xử lý nước thải giàu đạm của nhà máy chế biến thủy sản bằng bể sinh học màng.',
    description: 'Tuyển nổi DAF, thiếu khí và bể MBR; nước sau xử lý đạt cột A và được tái sử dụng.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['xử lý nước thải', 'màng mbr'],
    trl: 8,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0023456'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'fixed', amount: 1_850_000_000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['chế biến thủy sản'],
    ...overrides,
  };
}

export function demandBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Cần công nghệ sấy lạnh bảo quản trái cây xuất khẩu',
    summary: 'Doanh nghiệp cần dây chuyền sấy lạnh giữ màu và vitamin cho xoài, thanh long.',
    problem: 'Sấy nóng làm mất màu và vitamin C; tỷ lệ hao hụt sau thu hoạch trên 20%.',
    desiredOutcome: 'Dây chuyền 2 tấn/ngày, sản phẩm đạt chuẩn xuất khẩu.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'high_tech_agriculture',
    keywords: ['sấy lạnh', 'trái cây'],
    minTrl: 6,
    budget: { min: 500_000_000, max: 2_000_000_000, currency: 'VND' },
    transferModes: ['turnkey'],
    province: 'dong_thap',
    mode: 'open',
    ...overrides,
  };
}

type Kind = 'offers' | 'demands';
const one = (kind: Kind) => (kind === 'offers' ? 'offer' : 'demand');

export async function draft(member: Member, kind: Kind, body: Record<string, unknown>) {
  const res = await member.agent.post(`/api/${kind}`).send(body).expect(201);
  return res.body[one(kind)] as Record<string, any>;
}

export async function submitted(member: Member, kind: Kind, body: Record<string, unknown>) {
  const listing = await draft(member, kind, body);
  await member.agent.post(`/api/${kind}/${listing.id}/submit`).expect(200);
  return listing;
}

/** Drafted by `member`, submitted and approved by `admin`: published. */
export async function published(member: Member, admin: Member, kind: Kind, body: Record<string, unknown>) {
  const listing = await submitted(member, kind, body);
  const res = await admin.agent.post(`/api/admin/${kind}/${listing.id}/approve`).expect(200);
  return res.body[one(kind)] as Record<string, any>;
}

export function anonymous(app: Express) {
  return request(app);
}

export function fieldsOf(res: { body: { error: { details: { field: string }[] } } }): string[] {
  return res.body.error.details.map((d) => d.field);
}
