import assert from 'node:assert/strict';
import { formatMoney, minorToMajorString, parseMajorInput } from '../../../client/src/money';

describe('client money helpers', () => {
  it('when a person types VND with thousands separators, then the amount is the same integer', () => {
    assert.equal(parseMajorInput('1.500.000', 'VND'), 1500000);
    assert.equal(parseMajorInput('1,500,000', 'VND'), 1500000);
    assert.equal(parseMajorInput(' 1500000 ', 'VND'), 1500000);
  });

  it('when a person types USD dollars and cents, then the amount is in cents without rounding errors', () => {
    assert.equal(parseMajorInput('1,500.50', 'USD'), 150050);
    assert.equal(parseMajorInput('0.29', 'USD'), 29);
    assert.equal(parseMajorInput('19.9', 'USD'), 1990);
    assert.equal(parseMajorInput('7', 'USD'), 700);
  });

  it('when the text is not an amount in that currency, then nothing is parsed', () => {
    for (const [text, currency] of [
      ['', 'VND'],
      ['abc', 'VND'],
      ['-5', 'VND'],
      ['1.5', 'VND'],
      ['1.505', 'USD'],
      ['1e6', 'USD'],
      ['99999999999999999999', 'VND'],
    ] as const) {
      assert.equal(parseMajorInput(text, currency), null, `${text} ${currency}`);
    }
  });

  it('when an amount goes back into a form, then it reads in major units', () => {
    assert.equal(minorToMajorString(150050, 'USD'), '1500.50');
    assert.equal(minorToMajorString(5, 'USD'), '0.05');
    assert.equal(minorToMajorString(1500000, 'VND'), '1500000');
    assert.equal(parseMajorInput(minorToMajorString(123456789, 'USD'), 'USD'), 123456789);
  });

  it('shows VND without decimals and USD cents as dollars, in the interface language', () => {
    assert.match(formatMoney(1500000, 'VND', 'vi'), /^1\.500\.000\s?₫$/);
    assert.equal(formatMoney(150050, 'USD', 'en'), '$1,500.50');
  });
});
