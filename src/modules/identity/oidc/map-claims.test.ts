import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultClaimMapping, mapClaims } from './map-claims.ts';

describe('mapping identity provider claims to verified profile attributes (issue 3 §1, P-06)', () => {
  it('maps the standard and VNeID claims, flattening the address object', () => {
    const mapped = mapClaims({
      sub: 'x', name: ' Nguyễn Văn An ', personal_id: '001 090 012 345', birthdate: '1990-03-15', gender: 'male',
      address: { formatted: 'Số 12 đường Lê Lợi, phường Hòa Lâm', country: 'VN' }, phone_number: '0912 345 678', phone_number_verified: true,
      email: 'An.Nguyen@Demo.vn', email_verified: true,
    });
    assert.deepEqual(mapped, {
      accountKind: 'citizen',
      attributes: {
        fullName: 'Nguyễn Văn An', personalId: '001090012345', dateOfBirth: '1990-03-15', gender: 'male',
        address: 'Số 12 đường Lê Lợi, phường Hòa Lâm', phone: '0912345678', email: 'an.nguyen@demo.vn',
      },
    });
  });

  it('makes a business of a claim set with a tax code', () => {
    const mapped = mapClaims({ name: 'Lê Minh Châu', tax_code: '4601234567', organization_name: 'Công ty TNHH Thương mại Hòa Bình Xanh' });
    assert.equal(mapped.accountKind, 'business');
    assert.equal(mapped.attributes.businessName, 'Công ty TNHH Thương mại Hòa Bình Xanh');
    assert.equal(mapped.attributes.taxCode, '4601234567');
  });

  it('leaves out what the provider marks unverified and values of the wrong shape', () => {
    const mapped = mapClaims({ name: 'A', email: 'a@b.vn', email_verified: false, personal_id: '12345', birthdate: '15/03/1990', phone_number: 42 });
    assert.deepEqual(mapped.attributes, { fullName: 'A', phone: '42' });
  });

  it('follows a configured mapping to other claim names', () => {
    const mapped = mapClaims({ ho_ten: 'Trần Thị Bình', so_dinh_danh: '046195001234', name: 'ignored' },
      { ...defaultClaimMapping, fullName: 'ho_ten', personalId: 'so_dinh_danh' });
    assert.deepEqual(mapped.attributes, { fullName: 'Trần Thị Bình', personalId: '046195001234' });
  });

  it('stores Vietnamese text in its composed form (NFC), so equal names compare equal', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    assert.equal(mapClaims({ name: decomposed }).attributes.fullName, 'Nguyễn');
  });
});
