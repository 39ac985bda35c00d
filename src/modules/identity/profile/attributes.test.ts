import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue, displayValue, normaliseValue } from './attributes.ts';

const today = '2026-11-02';

describe('profile attribute values (issue 3 §1)', () => {
  it('stores typed dates as YYYY-MM-DD and shows them as dd/mm/yyyy', () => {
    assert.equal(normaliseValue('dateOfBirth', ' 5/3/1990 '), '1990-03-05');
    assert.equal(displayValue('vi', 'dateOfBirth', '1990-03-05'), '05/03/1990');
    assert.equal(displayValue('en', 'gender', 'female'), 'Female');
    assert.equal(displayValue('vi', 'gender', 'khác'), 'khác', 'an unknown value is shown as it is');
  });

  it('refuses impossible and future dates of birth', () => {
    assert.equal(checkValue('dateOfBirth', '1990-02-31', { today }), 'profile.error.date');
    assert.equal(checkValue('dateOfBirth', '31/02/1990', { today }), 'profile.error.date');
    assert.equal(checkValue('dateOfBirth', '2027-01-01', { today }), 'profile.error.dateRange');
    assert.equal(checkValue('dateOfBirth', '2000-02-29', { today }), null);
  });

  it('checks the citizen ID against the year of birth and the tax code against its check digit', () => {
    assert.equal(normaliseValue('personalId', '017 090 012 345'), '017090012345');
    assert.equal(checkValue('personalId', '017090012345', { dateOfBirth: '1990-03-15', today }), null);
    assert.equal(checkValue('personalId', '017090012345', { dateOfBirth: '1991-03-15', today }), 'profile.error.personalIdYear');
    assert.equal(checkValue('personalId', '999090012345', { today }), 'profile.error.personalId');
    assert.equal(checkValue('taxCode', '4601234560', { today }), null);
    assert.equal(checkValue('taxCode', '4601234567', { today }), 'profile.error.taxCode');
    assert.equal(checkValue('gender', 'other', { today }), 'profile.error.gender');
  });
});
