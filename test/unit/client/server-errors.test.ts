/** The server's refusals are worded in the reader's language from the codes the error body names. */
import assert from 'node:assert/strict';
import i18next, { type TFunction } from 'i18next';
import en from '../../../client/src/i18n/en.json';
import vi from '../../../client/src/i18n/vi.json';
import {
  translateDetail,
  translatedFieldErrors,
  translateServerMessage,
} from '../../../client/src/i18n/server-errors';

describe('server errors in the reader’s language', () => {
  const t: Record<'vi' | 'en', TFunction> = {} as never;
  before(async () => {
    for (const lng of ['vi', 'en'] as const) {
      const instance = i18next.createInstance();
      await instance.init({ lng, resources: { [lng]: { translation: lng === 'vi' ? vi : en } } });
      t[lng] = instance.t;
    }
  });

  it('a field refused by joi is worded from its type and limit, never the server’s English', () => {
    const royalty = {
      field: 'royaltyPct',
      message: 'royaltyPct must be less than or equal to 100',
      type: 'number.max',
      limit: 100,
    };
    assert.equal(translateDetail(royalty, t.vi), 'Giá trị không được vượt quá 100.');
    assert.equal(translateDetail(royalty, t.en), 'Must be at most 100.');
    const name = {
      field: 'organization.name',
      message: 'name is not allowed to be empty',
      type: 'string.empty',
    };
    assert.equal(translateDetail(name, t.vi), 'Vui lòng nhập thông tin này.');
    const short = {
      field: 'password',
      message: 'password length must be at least 10',
      type: 'string.min',
      limit: 10,
    };
    assert.equal(translateDetail(short, t.vi), 'Cần ít nhất 10 ký tự.');
    const odd = {
      field: 'taxCode',
      message: 'taxCode with value x fails to match the pattern',
      type: 'string.pattern.base',
    };
    assert.equal(translateDetail(odd, t.vi), 'Giá trị này không hợp lệ.');
  });

  it('each field gets its first refusal, by its dotted name (field or path)', () => {
    const errors = translatedFieldErrors(
      [
        { field: 'email', message: 'email must be a valid email', type: 'string.email' },
        { field: 'email', message: 'second', type: 'any.required' },
        { path: ['pricing', 'amount'], message: 'amount must be an integer', type: 'number.integer' },
      ],
      t.vi,
    );
    assert.deepEqual(errors, {
      email: 'Địa chỉ email không hợp lệ.',
      'pricing.amount': 'Vui lòng nhập số nguyên.',
    });
  });

  it('a wrong current password and a refused reset link are worded in both languages', () => {
    const wrong = {
      field: 'currentPassword',
      message: 'currentPassword is incorrect',
      type: 'password.incorrect',
    };
    assert.equal(translateDetail(wrong, t.vi), 'Mật khẩu hiện tại không đúng.');
    assert.equal(translateDetail(wrong, t.en), 'The current password is not correct.');
    const link = {
      field: 'token',
      message: 'token is expired, already used or unknown',
      type: 'token.invalid',
    };
    assert.equal(translateDetail(link, t.vi), 'Liên kết đặt lại mật khẩu đã hết hạn hoặc đã được dùng.');
    assert.equal(translateDetail(link, t.en), 'The reset link has expired or was already used.');
  });

  it('a known message is worded again; an unknown one is kept in English only', () => {
    assert.equal(
      translateServerMessage('Email or password is incorrect', 'vi', t.vi),
      'Email hoặc mật khẩu không đúng.',
    );
    assert.equal(
      translateServerMessage(
        'Your organization already has an open deal on this listing: GD-2026-000007.',
        'vi',
        t.vi,
      ),
      'Tổ chức của bạn đã có một giao dịch đang mở về tin này: GD-2026-000007.',
    );
    assert.equal(translateServerMessage('The deal is agreed; it cannot walk away.', 'vi', t.vi), '');
    assert.equal(
      translateServerMessage('The deal is agreed; it cannot walk away.', 'en', t.en),
      'The deal is agreed; it cannot walk away.',
    );
  });
});
