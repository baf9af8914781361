import assert from 'node:assert/strict';
import {
  DEFAULT_MATCH_WEIGHTS,
  foldVietnamese,
  reasonTexts,
  scoreMatch,
  type MatchDemand,
  type MatchInput,
  type MatchOffer,
  type MatchReasonCode,
} from '../../server/matching/match-score';

const demand: MatchDemand = {
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  minTrl: 6,
  budgetMin: 200_000_000,
  budgetMax: 800_000_000,
  currency: 'VND',
  transferModes: ['license_non_exclusive', 'turnkey'],
  province: 'ha_noi',
  keywords: ['nước thải', 'màng lọc', 'MBR'],
};

const offer: MatchOffer = {
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  trl: 7,
  pricingModel: 'fixed',
  price: 500_000_000,
  currency: 'VND',
  transferModes: ['turnkey', 'consulting'],
  province: 'ha_noi',
  keywords: ['Nuoc thai', 'mang loc', 'xử lý sinh học'],
};

const score = (o: Partial<MatchOffer> = {}, d: Partial<MatchDemand> = {}, textRelevance = 0.8) =>
  scoreMatch({ demand: { ...demand, ...d }, offer: { ...offer, ...o }, textRelevance });

const codes = (input: Partial<MatchInput> & Pick<MatchInput, 'demand' | 'offer'>) =>
  scoreMatch(input).reasons.map((r) => r.code);

const codesOf = (o: Partial<MatchOffer> = {}, d: Partial<MatchDemand> = {}): MatchReasonCode[] =>
  score(o, d).reasons.map((r) => r.code);

describe('match score', () => {
  it('a close match scores high and explains itself in both languages', () => {
    const result = score();
    assert.ok(result.score > 0.8, `score ${result.score}`);
    assert.deepEqual(reasonTexts(result.reasons, 'en'), [
      'closely related text (80%)',
      'same field: environmental engineering',
      'TRL 7 meets the minimum 6',
      'price within budget',
      'transfer mode accepted: turnkey transfer',
      'shared keywords: nước thải, màng lọc',
      'same province: Hanoi',
    ]);
    assert.deepEqual(reasonTexts(result.reasons, 'vi'), [
      'nội dung tương đồng (80%)',
      'cùng lĩnh vực: kỹ thuật môi trường',
      'TRL 7 đạt mức tối thiểu 6',
      'giá nằm trong ngân sách',
      'hình thức chuyển giao phù hợp: chuyển giao trọn gói (chìa khóa trao tay)',
      'từ khóa chung: nước thải, màng lọc',
      'cùng tỉnh/thành: Hà Nội',
    ]);
    assert.ok(result.reasons.every((r) => r.effect === 'positive'));
  });

  it('when every bonus is earned in full, then the score is exactly 1', () => {
    const result = scoreMatch({
      demand,
      offer: { ...offer, keywords: ['nuoc thai', 'mang loc', 'mbr'] },
      textRelevance: 1,
    });
    assert.equal(result.score, 1);
  });

  it('the default bonuses add up to 1', () => {
    const w = DEFAULT_MATCH_WEIGHTS;
    const sum = w.text + w.field + w.subField + w.trl + w.price + w.transferMode + w.province + w.keywords;
    assert.ok(Math.abs(sum - 1) < 1e-9);
  });

  describe('each factor moves the score the right way', () => {
    const base = score().score;

    it('higher text relevance scores higher', () => {
      assert.ok(score({}, {}, 0.2).score < score({}, {}, 0.9).score);
    });

    it('a different sub-field scores lower; a different field lower still', () => {
      const otherSub = score({ subField: 'civil_engineering' });
      const otherField = score({ field: 'medical_health', subField: 'pharmacy' });
      assert.ok(otherSub.score < base);
      assert.ok(otherField.score < otherSub.score);
      assert.deepEqual(
        otherSub.reasons.find((r) => r.code === 'same_field')?.text.en,
        'same field: engineering and technology',
      );
      assert.ok(!otherField.reasons.some((r) => r.code === 'same_field' || r.code === 'same_sub_field'));
    });

    it('a TRL below the minimum is a strong penalty, stronger than having no TRL', () => {
      const below = score({ trl: 4 });
      const unknown = score({ trl: null });
      assert.ok(unknown.score < base);
      assert.ok(below.score < unknown.score - 0.2);
      const reason = below.reasons.find((r) => r.code === 'trl_below');
      assert.equal(reason?.text.en, 'TRL 4 is below the minimum 6');
      assert.equal(reason?.effect, 'negative');
      assert.equal(below.reasons.at(-1)?.code, 'trl_below');
    });

    it('a TRL exactly at the minimum meets it', () => {
      assert.ok(codesOf({ trl: 6 }).includes('trl_meets'));
    });

    it('a price above the budget scores lower than a negotiable price, which scores lower than one within', () => {
      const above = score({ price: 900_000_000 });
      const negotiable = score({ pricingModel: 'negotiable', price: null });
      assert.ok(negotiable.score < base);
      assert.ok(above.score < negotiable.score);
      assert.ok(codesOf({ price: 900_000_000 }).includes('price_above_budget'));
      assert.equal(negotiable.reasons.find((r) => r.code === 'price_negotiable')?.effect, 'neutral');
    });

    it('budget bounds are inclusive, and a price below the minimum is neutral', () => {
      assert.ok(codesOf({ price: 200_000_000 }).includes('price_within_budget'));
      assert.ok(codesOf({ price: 800_000_000 }).includes('price_within_budget'));
      const cheap = score({ price: 1_000 });
      assert.ok(!cheap.reasons.some((r) => r.code.startsWith('price_')));
      assert.equal(cheap.score, score({ price: null, pricingModel: 'fixed' }).score);
    });

    it('an open-ended budget is respected on the side it has', () => {
      assert.ok(codesOf({ price: 5e9 }, { budgetMax: null }).includes('price_within_budget'));
      assert.ok(codesOf({ price: 1 }, { budgetMin: null }).includes('price_within_budget'));
    });

    it('a transfer mode the demand accepts scores higher than none, and a mismatch is a penalty', () => {
      const mismatch = score({ transferModes: ['assignment'] });
      const unstated = score({ transferModes: [] });
      assert.ok(unstated.score < base);
      assert.ok(mismatch.score < unstated.score);
      assert.ok(codesOf({ transferModes: ['assignment'] }).includes('transfer_mode_mismatch'));
    });

    it('another province scores a little lower', () => {
      const elsewhere = score({ province: 'da_nang' });
      assert.ok(elsewhere.score < base);
      assert.ok(base - elsewhere.score <= DEFAULT_MATCH_WEIGHTS.province + 1e-9);
    });

    it('more shared keywords score higher, compared without tones, marks or case', () => {
      const none = score({ keywords: ['điện mặt trời'] });
      const one = score({ keywords: ['NUOC THAI'] });
      const three = score({ keywords: ['nuoc thai', 'màng  lọc', 'mbr'] });
      assert.ok(none.score < one.score);
      assert.ok(one.score < base);
      assert.ok(base < three.score);
      assert.equal(
        one.reasons.find((r) => r.code === 'shared_keywords')?.text.en,
        'shared keywords: nước thải',
      );
    });

    it('the demand’s own repeated keyword counts once', () => {
      const result = score({ keywords: ['nuoc thai'] }, { keywords: ['nước thải', 'Nước Thải'] });
      assert.deepEqual(result.reasons.find((r) => r.code === 'shared_keywords')?.params, {
        keywords: ['nước thải'],
      });
    });
  });

  describe('currencies', () => {
    it('when the price is in another currency, then it is not compared and the reason says so', () => {
      const result = score({ price: 30_000_000, currency: 'USD' });
      const reason = result.reasons.find((r) => r.code === 'currency_differs');
      assert.equal(reason?.text.en, 'price in USD, budget in VND: not compared');
      assert.equal(reason?.effect, 'neutral');
      assert.ok(
        !result.reasons.some((r) => r.code === 'price_within_budget' || r.code === 'price_above_budget'),
      );
    });

    it('a price in another currency scores as a negotiable one: neutral', () => {
      assert.equal(score({ price: 30_000_000, currency: 'USD' }).score, score({ price: null }).score);
    });
  });

  describe('missing fields', () => {
    it('an empty demand and offer score 0 with no reasons and no error', () => {
      assert.deepEqual(scoreMatch({ demand: {}, offer: {} }), { score: 0, reasons: [] });
    });

    it('only the text relevance counts when nothing else is known', () => {
      assert.equal(scoreMatch({ demand: {}, offer: {}, textRelevance: 0.5 }).score, 0.15);
    });

    it('nulls everywhere are handled', () => {
      const nulls: MatchOffer = {
        field: null,
        subField: null,
        trl: null,
        pricingModel: null,
        price: null,
        currency: null,
        transferModes: null,
        province: null,
        keywords: null,
      };
      const result = scoreMatch({ demand, offer: nulls, textRelevance: null });
      assert.ok(result.score >= 0 && result.score <= 1);
    });

    it('a demand without budget says nothing about price', () => {
      assert.ok(
        !codes({ demand: { budgetMin: null, budgetMax: null }, offer }).some((c) => c.startsWith('price')),
      );
    });

    it('unknown field and province codes still produce a readable reason', () => {
      const result = scoreMatch({
        demand: { field: 'x_field', province: 'atlantis' },
        offer: { field: 'x_field', province: 'atlantis' },
      });
      assert.deepEqual(reasonTexts(result.reasons, 'en'), ['same field: x_field', 'same province: atlantis']);
    });
  });

  describe('the score stays in [0, 1]', () => {
    it('when every penalty applies, then the score is 0, not negative', () => {
      const result = score(
        {
          trl: 1,
          price: 9e9,
          transferModes: ['assignment'],
          field: 'humanities',
          subField: 'arts',
          province: 'hue',
          keywords: [],
        },
        {},
        0,
      );
      assert.equal(result.score, 0);
    });

    it('when relevance or weights are out of range, then the score is clamped', () => {
      assert.ok(score({}, {}, 7).score <= 1);
      assert.ok(score({}, {}, -3).score >= 0);
      assert.equal(score({}, {}, Number.NaN).score, score({}, {}, 0).score);
      const heavy = scoreMatch({ demand, offer, textRelevance: 1 }, { text: 5 });
      assert.equal(heavy.score, 1);
    });

    it('across many combinations every score lies in [0, 1]', () => {
      for (const trl of [null, 1, 6, 9]) {
        for (const price of [null, 0, 500_000_000, 9e9]) {
          for (const currency of ['VND', 'USD'] as const) {
            for (const relevance of [0, 0.5, 1]) {
              const s = score({ trl, price, currency }, {}, relevance).score;
              assert.ok(s >= 0 && s <= 1, `score ${s}`);
            }
          }
        }
      }
    });
  });

  describe('weights', () => {
    it('a custom weight changes only its own factor', () => {
      const noProvince = scoreMatch({ demand, offer, textRelevance: 0.8 }, { province: 0 });
      assert.ok(Math.abs(score().score - noProvince.score - DEFAULT_MATCH_WEIGHTS.province) < 1e-9);
    });
  });

  describe('fold', () => {
    it('folds tones, marks, đ and case, and collapses spaces', () => {
      assert.equal(foldVietnamese('  Công nghệ XỬ LÝ   nước thải '), 'cong nghe xu ly nuoc thai');
      assert.equal(foldVietnamese('Đắk Lắk đường'), 'dak lak duong');
    });

    it('a given fold function is used instead', () => {
      const exact = (t: string) => t;
      const result = scoreMatch({ demand, offer, fold: exact });
      assert.ok(!result.reasons.some((r) => r.code === 'shared_keywords'));
    });
  });

  describe('what the buyer turned down as too immature', () => {
    it('when an offer is at or below the TRL the buyer walked away from, then it loses points and says why; above it, it gains', () => {
      const plain = score({ trl: 8 }).score;
      const above = score({ trl: 8 }, { trlTurnedDown: 7 });
      const at = score({ trl: 7 }, { trlTurnedDown: 7 });
      assert.equal(above.score, Math.min(1, plain + DEFAULT_MATCH_WEIGHTS.trlAboveTurnedDown));
      assert.ok(at.score < score({ trl: 7 }).score);
      assert.equal(
        Math.round((score({ trl: 7 }).score - at.score) * 1e4) / 1e4,
        DEFAULT_MATCH_WEIGHTS.trlTurnedDownPenalty,
      );
      const reason = at.reasons.find((r) => r.code === 'trl_turned_down')!;
      assert.equal(reason.effect, 'negative');
      assert.deepEqual(reason.text, {
        vi: 'Bạn từng dừng một giao dịch vì TRL 7 chưa đủ chín',
        en: 'You walked away from TRL 7 as too low before',
      });
      assert.equal(above.reasons.find((r) => r.code === 'trl_above_turned_down')?.effect, 'positive');
      // Nothing turned down, or no TRL on the offer: no such reason.
      assert.ok(!score().reasons.some((r) => r.code.includes('turned_down')));
      assert.ok(
        !score({ trl: null }, { trlTurnedDown: 7 }).reasons.some((r) => r.code.includes('turned_down')),
      );
    });
  });
});
