import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPersonalId, isValidTaxCode } from './identity-numbers.ts';

describe('identity number formats (issue 3 §1)', () => {
  it('accepts a 12-digit CCCD with a known province code and a plausible century digit', () => {
    assert.equal(isValidPersonalId('001090012345'), true);
    assert.equal(isValidPersonalId('079303001234'), true);
    assert.equal(isValidPersonalId('001090012345', '1990-03-15'), true);
  });

  it('refuses other lengths, unknown province codes, future centuries and a birth year that disagrees', () => {
    assert.equal(isValidPersonalId('00109001234'), false);
    assert.equal(isValidPersonalId('0010900123456'), false);
    assert.equal(isValidPersonalId('00109001234a'), false);
    assert.equal(isValidPersonalId('003090012345'), false);
    assert.equal(isValidPersonalId('001590012345'), false);
    assert.equal(isValidPersonalId('001090012345', '1991-03-15'), false);
  });

  it('checks the tax code check digit on published enterprise codes, branches included', () => {
    for (const code of ['0100112437', '0101248141', '0100109106', '0100109106-001']) assert.equal(isValidTaxCode(code), true, code);
    for (const code of ['0100112438', '010011243', '0100112437-01', 'ABCDEFGHIJ']) assert.equal(isValidTaxCode(code), false, code);
  });
});
