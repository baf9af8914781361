/**
 * People, deals and signed-in sessions for the soak's negotiation rooms, written straight into
 * the database (signing a thousand people in through argon2 would take longer than the soak's
 * first minutes). Each room: a seller side, a buyer side and a broker.
 */
import { createHmac, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { organizationMembersKey } from '../../server/read-models/owner-list-keys';
import { packOwnerList } from '../../server/read-models';

export interface SoakRoom {
  dealId: string;
  cookies: string[];
}

function signedCookie(sid: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return `tx.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`;
}

export async function seedRooms(
  mongodbUri: string,
  rooms: number,
  perRoom: number,
  secret: string,
): Promise<SoakRoom[]> {
  const conn = await mongoose.createConnection(mongodbUri).asPromise();
  try {
    const now = new Date();
    const expires = new Date(Date.now() + 24 * 3600_000);
    const orgs: Record<string, unknown>[] = [];
    const users: Record<string, unknown>[] = [];
    const deals: Record<string, unknown>[] = [];
    const sessions: Record<string, unknown>[] = [];
    const out: SoakRoom[] = [];
    for (let r = 0; r < rooms; r++) {
      const seller = new mongoose.Types.ObjectId();
      const buyer = new mongoose.Types.ObjectId();
      for (const [id, kind] of [
        [seller, 'institute'],
        [buyer, 'enterprise'],
      ] as const) {
        orgs.push({
          _id: id,
          name: `Soak ${kind} ${r}`,
          kind,
          verified: true,
          createdAt: now,
          updatedAt: now,
        });
      }
      const cookies: string[] = [];
      let broker: mongoose.Types.ObjectId | undefined;
      for (let i = 0; i < perRoom; i++) {
        const id = new mongoose.Types.ObjectId();
        const isBroker = perRoom >= 3 && i === perRoom - 1;
        if (isBroker) broker = id;
        users.push({
          _id: id,
          email: `soak-${r}-${i}@example.vn`,
          passwordHash: 'not-used-by-the-soak',
          name: `Người ${r}-${i}`,
          role: isBroker ? 'broker' : 'member',
          locale: 'vi',
          ...(isBroker ? {} : { organizationId: i % 2 === 0 ? seller : buyer }),
          membershipStatus: isBroker ? 'none' : 'active',
          createdAt: now,
          updatedAt: now,
        });
        const sid = randomBytes(18).toString('base64url');
        sessions.push({
          _id: sid,
          expires,
          session: {
            cookie: { originalMaxAge: 24 * 3600_000, expires, httpOnly: true, path: '/', sameSite: 'lax' },
            passport: { user: String(id) },
          },
        });
        cookies.push(signedCookie(sid, secret));
      }
      const dealId = new mongoose.Types.ObjectId();
      deals.push({
        _id: dealId,
        listingKind: 'offer',
        offerId: new mongoose.Types.ObjectId(),
        listingTitle: `Công nghệ thử tải ${r}`,
        sellerOrgId: seller,
        buyerOrgId: buyer,
        ...(broker ? { brokerUserId: broker } : {}),
        status: 'negotiating',
        createdBy: users[users.length - perRoom]._id,
        termSheets: [],
        latestVersion: 0,
        timeline: [],
        ndaAcceptances: [],
        messageSeq: 0,
        createdMonth: now.toISOString().slice(0, 7),
        createdAt: now,
        updatedAt: now,
      });
      out.push({ dealId: String(dealId), cookies });
    }
    await conn.db!.collection('organizations').insertMany(orgs);
    await conn.db!.collection('users').insertMany(users);
    await conn.db!.collection('deals').insertMany(deals);
    await conn.db!.collection('sessions').insertMany(sessions as never[]);
    // The member lists the exchange keeps by organisation (server/read-models), as its user
    // store's writes would have left them: the away notices of each message read them.
    const members = new Map<string, { id: string; s: string; at: number }[]>();
    for (const u of users) {
      if (!u.organizationId) continue;
      const key = organizationMembersKey(String(u.organizationId));
      members.set(key, [...(members.get(key) ?? []), { id: String(u._id), s: 'active', at: now.getTime() }]);
    }
    await conn
      .db!.collection('owner_lists')
      .insertMany([...members].map(([_id, entries]) => ({ _id, packed: packOwnerList(entries) })) as never[]);
    return out;
  } finally {
    await conn.close();
  }
}
