import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPasswordPolicy } from './password-policy.ts';

describe('password policy (issue 3 §3)', () => {
  it('accepts a long passphrase, Vietnamese diacritics included', () => {
    assert.equal(checkPasswordPolicy('Sông Hồng chảy qua 7 cây cầu!'), null);
    assert.equal(checkPasswordPolicy('mây trắng bay về núi Ba Vì'), null);
  });

  it('refuses short, overlong and common passwords', () => {
    assert.equal(checkPasswordPolicy('Ab1!xyz'), 'password.tooShort');
    assert.equal(checkPasswordPolicy('a'.repeat(129)), 'password.tooLong');
    assert.equal(checkPasswordPolicy('password123'), 'password.tooCommon');
    assert.equal(checkPasswordPolicy('1234567890'), 'password.tooCommon');
    assert.equal(checkPasswordPolicy('qwertyuiop'), 'password.tooCommon');
  });

  it('refuses a password built from the person\'s own data', () => {
    assert.equal(checkPasswordPolicy('nguyenvanan7319', ['Nguyễn Văn An', 'nguyenvanan@example.vn']), 'password.tooCommon');
    assert.equal(checkPasswordPolicy('nguyenvanan7319'), null, 'the same shape is fine for someone else');
  });
});
