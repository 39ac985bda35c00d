import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countSmsSegments, plainSmsText } from './sms-text.ts';

describe('SMS text without diacritics (issue 5 §3)', () => {
  it('drops the marks of Vietnamese letters and keeps their case', () => {
    assert.equal(plainSmsText('Hồ sơ ĐĂNG KÝ thường trú đã được tiếp nhận'), 'Ho so DANG KY thuong tru da duoc tiep nhan');
  });

  it('turns typographic punctuation into ASCII and other symbols into spaces, so the message stays GSM-7', () => {
    const text = plainSmsText('“Giấy tiếp nhận” – hẹn 17:00… ★ xem');
    assert.equal(text, '"Giay tiep nhan" - hen 17:00... xem');
    assert.equal(countSmsSegments(text).encoding, 'GSM-7');
  });

  it('counts 160 plain characters as one segment, 161 as two, and a message with diacritics in 70-character segments', () => {
    assert.deepEqual(countSmsSegments('a'.repeat(160)), { encoding: 'GSM-7', segments: 1, characters: 160 });
    assert.equal(countSmsSegments('a'.repeat(161)).segments, 2);
    assert.equal(countSmsSegments('a'.repeat(306)).segments, 2);
    assert.equal(countSmsSegments('a'.repeat(307)).segments, 3);
    assert.deepEqual(countSmsSegments('ồ'.repeat(71)), { encoding: 'UCS-2', segments: 2, characters: 71 });
  });
});
