import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateTemplate } from './validate-template.ts';

const good = { title: 'Hồ sơ {label} đã được tiếp nhận', lead: 'Kính gửi Ông/Bà. {procedure} – {reference}', sms: '{portal}: Hồ sơ {label}. Hẹn trả {dueAt}. Xem {link}' };

describe('an administrator\'s wording of a notice (issue 5 §3)', () => {
  it('accepts every known placeholder', () => {
    assert.deepEqual(validateTemplate('vi', good), []);
    assert.deepEqual(validateTemplate('vi', { ...good, lead: '{label} {code} {reference} {procedure} {status} {dueAt} {reason} {portal} {link}' }), []);
  });

  it('refuses an unknown placeholder in the field it is in, in Vietnamese and English', () => {
    assert.deepEqual(validateTemplate('vi', { ...good, sms: 'Hồ sơ {lable} của {ten}, {lable}' }), [{ path: '/sms', message: 'Trường không tồn tại: {lable}, {ten}.' }]);
    assert.deepEqual(validateTemplate('en', { ...good, title: 'Dossier {Label}' }), [{ path: '/title', message: 'Unknown field: {Label}.' }]);
    assert.deepEqual(validateTemplate('vi', { ...good, lead: 'Trống {}' }).map((e) => e.path), ['/lead']);
  });

  it('refuses an empty or blank part, each one named', () => {
    const errors = validateTemplate('vi', { title: '', lead: '  \n ', sms: good.sms });
    assert.deepEqual(errors, [{ path: '/title', message: 'Nội dung này không được để trống.' }, { path: '/lead', message: 'Nội dung này không được để trống.' }]);
    assert.deepEqual(validateTemplate('en', { ...good, sms: ' ' }), [{ path: '/sms', message: 'This part cannot be empty.' }]);
  });

  it('refuses an SMS longer than three segments of plain text', () => {
    assert.deepEqual(validateTemplate('vi', { ...good, sms: 'x'.repeat(481) }).map((e) => e.path), ['/sms']);
  });
});
