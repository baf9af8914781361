import assert from 'node:assert/strict';
import {
  DEMO_DEMANDS,
  DEMO_OFFERS,
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  MATCH_LABELS,
  type DemoDemand,
  type DemoOffer,
} from '../../server/demo/data';
import {
  CURRENCIES,
  IP_STATUSES,
  LISTING_STATUSES,
  ORGANIZATION_KINDS,
  PROVINCE_CODES,
  TRANSFER_MODES,
  TRL_MAX,
  TRL_MIN,
} from '../../server/api-contract/enums';
import { FIELD_CODES, isSubFieldOf } from '../../server/api-contract/taxonomy';

type Listing = DemoOffer | DemoDemand;

const listings: readonly Listing[] = [...DEMO_OFFERS, ...DEMO_DEMANDS];
const describeListing = (l: Listing) => `${'trl' in l ? 'offer' : 'demand'} ${l.key}`;

function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function textsOf(l: Listing): string[] {
  const own = 'trl' in l ? [l.description, ...l.sectors] : [l.problem, l.desiredOutcome];
  return [l.title, l.summary, ...own, ...l.keywords];
}

describe('demo seed data', () => {
  describe('keys and references', () => {
    it('every organization, user, offer and demand key is unique within its list', () => {
      assert.deepEqual(duplicatesOf(DEMO_ORGANIZATIONS.map((o) => o.key)), []);
      assert.deepEqual(duplicatesOf(DEMO_USERS.map((u) => u.key)), []);
      assert.deepEqual(duplicatesOf(DEMO_OFFERS.map((o) => o.key)), []);
      assert.deepEqual(duplicatesOf(DEMO_DEMANDS.map((d) => d.key)), []);
    });

    it('no two users share an email address, whatever its case', () => {
      assert.deepEqual(duplicatesOf(DEMO_USERS.map((u) => u.email.toLowerCase())), []);
    });

    it('every user, offer and demand belongs to an existing organization', () => {
      const orgKeys = new Set(DEMO_ORGANIZATIONS.map((o) => o.key));
      const orphans = [...DEMO_USERS, ...listings]
        .filter((x) => !orgKeys.has(x.organizationKey))
        .map((x) => `${x.key} → ${x.organizationKey}`);
      assert.deepEqual(orphans, []);
    });

    it('every organization has a known kind and province', () => {
      for (const o of DEMO_ORGANIZATIONS) {
        assert.ok((ORGANIZATION_KINDS as readonly string[]).includes(o.kind), `${o.key}: kind ${o.kind}`);
        assert.ok(PROVINCE_CODES.includes(o.province), `${o.key}: province ${o.province}`);
      }
    });
  });

  describe('vocabulary of the contract', () => {
    it('every offer and demand has a field, a sub-field of that field and a known province', () => {
      for (const l of listings) {
        assert.ok(
          isSubFieldOf(l.field, l.subField),
          `${describeListing(l)}: ${l.subField} is not in ${l.field}`,
        );
        assert.ok(PROVINCE_CODES.includes(l.province), `${describeListing(l)}: province ${l.province}`);
      }
    });

    it('every listing accepts at least one transfer mode, and only modes the contract knows', () => {
      for (const l of listings) {
        assert.ok(l.transferModes.length > 0, `${describeListing(l)} has no transfer mode`);
        for (const m of l.transferModes) {
          assert.ok(
            (TRANSFER_MODES as readonly string[]).includes(m),
            `${describeListing(l)}: transfer mode ${m}`,
          );
        }
      }
    });

    it('every offer has a known IP status, and every listing a known status and language', () => {
      for (const o of DEMO_OFFERS) {
        assert.ok(
          (IP_STATUSES as readonly string[]).includes(o.ipStatus),
          `offer ${o.key}: IP status ${o.ipStatus}`,
        );
      }
      for (const l of listings) {
        assert.ok(
          (LISTING_STATUSES as readonly string[]).includes(l.status),
          `${describeListing(l)}: status ${l.status}`,
        );
        assert.ok(
          l.language === 'vi' || l.language === 'en',
          `${describeListing(l)}: language ${l.language}`,
        );
      }
    });

    it('the TRL of offers and the minimum TRL of demands are whole numbers from 1 to 9', () => {
      const levels = [
        ...DEMO_OFFERS.map((o) => [`offer ${o.key}`, o.trl] as const),
        ...DEMO_DEMANDS.map((d) => [`demand ${d.key}`, d.minTrl] as const),
      ];
      for (const [who, level] of levels) {
        assert.ok(Number.isInteger(level) && level >= TRL_MIN && level <= TRL_MAX, `${who}: TRL ${level}`);
      }
    });
  });

  describe('money', () => {
    const isMinorUnits = (n: number) => Number.isSafeInteger(n) && n > 0;

    it('every price is a positive integer in minor units of a known currency', () => {
      for (const o of DEMO_OFFERS) {
        const p = o.pricing;
        assert.ok(
          (CURRENCIES as readonly string[]).includes(p.currency),
          `offer ${o.key}: currency ${p.currency}`,
        );
        if (p.amount !== undefined) assert.ok(isMinorUnits(p.amount), `offer ${o.key}: amount ${p.amount}`);
        if (p.reservePrice !== undefined)
          assert.ok(isMinorUnits(p.reservePrice), `offer ${o.key}: reserve ${p.reservePrice}`);
      }
    });

    it('every auction has a reserve price and closes after seeding, one of them within the hour for the demo', () => {
      const auctions = DEMO_OFFERS.filter((x) => x.pricing.model === 'auction');
      for (const o of auctions) {
        assert.ok(o.pricing.reservePrice !== undefined, `auction ${o.key} has no reserve price`);
        const days = o.pricing.closesInDays;
        assert.ok(days !== undefined && days > 0, `auction ${o.key}: closesInDays ${days}`);
      }
      assert.ok(auctions.some((o) => o.pricing.closesInDays! <= 1 / 24));
    });

    it('every budget is in integer minor units of a known currency, its minimum not above its maximum', () => {
      for (const d of DEMO_DEMANDS) {
        const b = d.budget;
        assert.ok(
          (CURRENCIES as readonly string[]).includes(b.currency),
          `demand ${d.key}: currency ${b.currency}`,
        );
        assert.ok(isMinorUnits(b.min) && isMinorUnits(b.max), `demand ${d.key}: budget ${b.min}–${b.max}`);
        assert.ok(b.min <= b.max, `demand ${d.key}: budget minimum ${b.min} above maximum ${b.max}`);
      }
    });
  });

  describe('demands', () => {
    it('every call for proposals has a deadline a whole number of days away, and open demands have none', () => {
      for (const d of DEMO_DEMANDS) {
        if (d.mode === 'call_for_proposals') {
          const days = d.deadlineInDays;
          assert.ok(
            days !== undefined && Number.isInteger(days) && days > 0,
            `call ${d.key}: deadlineInDays ${days}`,
          );
        } else {
          assert.equal(d.deadlineInDays, undefined, `open demand ${d.key} has a deadline`);
        }
      }
    });
  });

  describe('coverage for the demo and the search benchmarks', () => {
    it('there are at least 60 offers and 30 demands', () => {
      assert.ok(DEMO_OFFERS.length >= 60, `only ${DEMO_OFFERS.length} offers`);
      assert.ok(DEMO_DEMANDS.length >= 30, `only ${DEMO_DEMANDS.length} demands`);
    });

    it('every top-level field has offers and demands', () => {
      const offerFields = new Set(DEMO_OFFERS.map((o) => o.field));
      const demandFields = new Set(DEMO_DEMANDS.map((d) => d.field));
      assert.deepEqual(
        FIELD_CODES.filter((f) => !offerFields.has(f)),
        [],
        'fields without offers',
      );
      assert.deepEqual(
        FIELD_CODES.filter((f) => !demandFields.has(f)),
        [],
        'fields without demands',
      );
    });

    it('at least 80% of all listings are in Vietnamese', () => {
      const vietnamese = listings.filter((l) => l.language === 'vi').length;
      assert.ok(
        vietnamese * 5 >= listings.length * 4,
        `${vietnamese} of ${listings.length} listings are Vietnamese`,
      );
    });

    it('every listing marked Vietnamese has a title written with Vietnamese diacritics', () => {
      const bare = listings
        .filter((l) => l.language === 'vi' && !VIETNAMESE_LETTER.test(l.title))
        .map(describeListing);
      assert.deepEqual(bare, []);
    });

    it('all listing text is in Unicode NFC, so search folds diacritics the same way everywhere', () => {
      const decomposed = listings
        .filter((l) => textsOf(l).some((t) => t !== t.normalize('NFC')))
        .map(describeListing);
      assert.deepEqual(decomposed, []);
    });

    it('a published offer has "công nghệ xử lý nước thải" in its title', () => {
      const phrase = 'công nghệ xử lý nước thải';
      const found = DEMO_OFFERS.some(
        (o) => o.status === 'published' && o.title.normalize('NFC').toLowerCase().includes(phrase),
      );
      assert.ok(found, `no published offer title contains "${phrase}"`);
    });
  });

  describe('match labels', () => {
    it('there are at least 20 labels, one per demand at most, each naming at least one offer', () => {
      assert.ok(MATCH_LABELS.length >= 20, `only ${MATCH_LABELS.length} match labels`);
      assert.deepEqual(duplicatesOf(MATCH_LABELS.map((m) => m.demandKey)), []);
      for (const m of MATCH_LABELS)
        assert.ok(m.relevantOfferKeys.length > 0, `label for ${m.demandKey} names no offer`);
    });

    it('every label refers to an existing demand and existing offers', () => {
      const demandKeys = new Set(DEMO_DEMANDS.map((d) => d.key));
      const offerKeys = new Set(DEMO_OFFERS.map((o) => o.key));
      const unknown = MATCH_LABELS.flatMap((m) => [
        ...(demandKeys.has(m.demandKey) ? [] : [`demand ${m.demandKey}`]),
        ...m.relevantOfferKeys
          .filter((k) => !offerKeys.has(k))
          .map((k) => `offer ${k} (label of ${m.demandKey})`),
      ]);
      assert.deepEqual(unknown, []);
    });
  });
});
