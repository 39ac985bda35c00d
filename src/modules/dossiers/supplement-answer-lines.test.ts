import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supplementAnswerLines } from './supplement-answer-lines.ts';

describe('the applicant\'s supplement answers on the timeline (DL-05)', () => {
  it('gives each item its written answer and its files, and nothing for a supplement confirmed on paper', () => {
    assert.deepEqual(supplementAnswerLines({ answers: [
      { name: 'Hợp đồng thuê nhà', text: '', files: [{ name: 'hop-dong.pdf' }, { name: 'trang-2.pdf' }] },
      { name: 'Số điện thoại chủ hộ', text: ' 0912 345 678 ', files: [] },
    ] }), ['Hợp đồng thuê nhà: (hop-dong.pdf, trang-2.pdf)', 'Số điện thoại chủ hộ: 0912 345 678']);
    assert.deepEqual(supplementAnswerLines({ note: 'Nhận bản giấy tại quầy' }), []);
  });
});
