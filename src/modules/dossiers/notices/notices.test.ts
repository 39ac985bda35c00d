import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flat, inspectPdf } from '../../../platform/pdf/inspect-pdf.ts';
import { renderApologyNotice } from './apology-notice.ts';
import { renderControlSheet } from './control-sheet.ts';
import { renderDossierRegister } from './dossier-register.ts';
import { handOversFromActions } from './hand-overs-from-actions.ts';
import { base, dossier, dueAt, publicUrl, receivedAt } from './notice-fixtures.ts';
import { renderReceptionRefusal } from './reception-refusal.ts';
import { renderStopNotice } from './stop-notice.ts';
import { renderSupplementRequest } from './supplement-request.ts';

const h = (n: number) => new Date(receivedAt.getTime() + n * 3_600_000);
const has = (all: string, ...expected: string[]) => { for (const e of expected) assert.ok(all.includes(flat(e)), `missing "${e}" in ${all}`); };
const signer = { title: 'Chủ tịch', name: 'Phạm Thị Ngọc' };

test('Mẫu 02 lists every item with its reason on A5 (DL-05)', async () => {
  const pdf = await inspectPdf(await renderSupplementRequest({ ...base, dossier, receivedAt, items: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp không rõ chữ ký' }], officer: 'Lê Thị Mơ', publicUrl }));
  assert.deepEqual(pdf.sizes[0], { width: 420, height: 595 });
  has(pdf.all, 'Mẫu số 02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', dossier.code, 'Nguyễn Văn An', '1. Giấy chứng sinh', 'Lý do: Bản chụp không rõ chữ ký', 'NGƯỜI HƯỚNG DẪN');
  assert.deepEqual(pdf.outside, []);
});

test('Mẫu 03 gives the reason and, with no code yet, the reference (CODE-02)', async () => {
  const pdf = await inspectPdf(await renderReceptionRefusal({ ...base, dossier: { ...dossier, code: null }, reasons: ['Không thuộc thẩm quyền giải quyết.'], officer: 'Lê Thị Mơ' }));
  has(pdf.all, 'Mẫu số 03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Số tham chiếu: HS-7F3K2Q', 'Không thuộc thẩm quyền giải quyết.');
  assert.equal(pdf.info.Subject, 'HS-7F3K2Q');
});

test('Mẫu 04 gives the old date, the reason and the new date; TT 03/2025 renames it (FORM-01)', async () => {
  const input = { ...base, dossier, receivedAt, previousDueAt: dueAt, newDueAt: new Date('2026-03-17T08:00:00Z'), reason: 'Cần xác minh thêm.', signer, publicUrl };
  const tt01 = await inspectPdf(await renderApologyNotice(input));
  has(tt01.all, 'Mẫu số 04 – Thông tư số 01/2018/TT-VPCP', 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', '08 giờ 30 phút, ngày 10/03/2026', '15 giờ 00 phút, ngày 17/03/2026', 'Lý do: Cần xác minh thêm.', 'Phạm Thị Ngọc');
  const tt03 = await inspectPdf(await renderApologyNotice({ ...input, formSet: 'tt03-2025' }));
  has(tt03.all, 'Mẫu số 04 – Thông tư số 03/2025/TT-VPCP', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
});

test('the stop notice is Mẫu 05 under TT 03/2025 and unnumbered under TT01 (DL-11)', async () => {
  const input = { ...base, dossier, stage: 'Đang thẩm định', reason: 'Người nộp rút hồ sơ.', settlement: 'Hoàn trả lệ phí 8.000 đồng.', signer };
  const tt03 = await inspectPdf(await renderStopNotice({ ...input, formSet: 'tt03-2025' }));
  has(tt03.all, 'Mẫu số 05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Đang thẩm định', 'Hoàn trả lệ phí 8.000 đồng.');
  const tt01 = await inspectPdf(await renderStopNotice(input));
  assert.ok(!tt01.all.includes('Mẫu số'), tt01.all);
});

test('Mẫu 05 control sheet, A4, judges each step by the one lateness rule (CAL-08, DL-08)', async () => {
  const handOvers = handOversFromActions([
    { kind: 'received', at: receivedAt, actorLabel: 'Lê Thị Mơ', payload: {} },
    { kind: 'forwarded', at: h(1), actorLabel: 'Lê Thị Mơ', payload: { toUnitCode: 'TP', stepDueAt: h(26).toISOString() } },
    { kind: 'forwarded', at: h(25), actorLabel: 'Trần Văn Đức', payload: { toUnitCode: 'LD', stepDueAt: h(30).toISOString() } },
    { kind: 'resolved', at: h(50), actorLabel: 'Phạm Thị Ngọc', payload: {} },
  ], { desk: 'Bộ phận một cửa', applicant: 'Nguyễn Văn An', unitName: (code) => (code === 'TP' ? 'Công chức tư pháp' : 'Lãnh đạo UBND') }, dueAt);
  assert.equal(handOvers.length, 3);
  const pdf = await inspectPdf(await renderControlSheet({ ...base, dossier, receivedAt, dueAt, handlingUnit: 'Công chức tư pháp', handOvers }));
  assert.deepEqual(pdf.sizes[0], { width: 595, height: 842 });
  has(pdf.all, 'Mẫu số 05', 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Giao: Bộ phận một cửa – Lê Thị Mơ', 'Nhận: Công chức tư pháp', 'Đúng hạn', 'Quá hạn');
  const tt03 = await inspectPdf(await renderControlSheet({ ...base, formSet: 'tt03-2025', dossier, receivedAt, dueAt, handlingUnit: 'x', handOvers }));
  has(tt03.all, 'Mẫu số 06');
});

test('Mẫu 06 register, A4 landscape: 200 rows over many pages, header row on each, nothing outside the page', async () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    code: `000.00.02.H99-260305-${String(i + 1).padStart(4, '0')}`, applicantName: 'Nguyễn Văn An', procedureName: 'Đăng ký khai sinh',
    receivedAt: h(i), dueAt: h(i + 72), status: 4 as const,
  }));
  const pdf = await inspectPdf(await renderDossierRegister({ ...base, period: { from: h(0), to: h(24 * 30) }, rows }));
  assert.ok(pdf.totalPages > 5, `pages: ${pdf.totalPages}`);
  for (const size of pdf.sizes) assert.deepEqual(size, { width: 842, height: 595 });
  for (const page of pdf.pages) has(flat(page), 'Mã hồ sơ', 'Hẹn trả kết quả');
  has(pdf.all, 'Mẫu số 06', 'SỔ THEO DÕI HỒ SƠ', '000.00.02.H99-260305-0200', 'Đang xử lý');
  assert.deepEqual(pdf.outside, []);
});
