import { test } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { flat, inspectPdf } from '../../../platform/pdf/inspect-pdf.ts';
import { qrPixelsPerModule } from '../../../platform/pdf/qr-code.ts';
import { base, dossier, dueAt, publicUrl, receivedAt } from './notice-fixtures.ts';
import { renderReceipt, type ReceiptInput } from './receipt.ts';

const input: ReceiptInput = {
  ...base, dossier, receivedAt, dueAt, receivingOfficer: 'Lê Thị Mơ', publicUrl, returnPlace: 'Bộ phận một cửa UBND phường Hòa Lâm',
  components: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }, { name: 'Giấy chứng sinh', originals: 1, copies: 0 }],
  dueDateExplanation: ['Thời hạn giải quyết: 3 ngày làm việc, tức 24 giờ làm việc tính từ lúc tiếp nhận.'],
};

test('Mẫu 01 prints the receipt on one A5 page with its Vietnamese text, code, applicant and appointment (FORM-01, FORM-02)', async () => {
  const pdf = await inspectPdf(await renderReceipt(input));
  assert.equal(pdf.totalPages, 1);
  assert.deepEqual(pdf.sizes[0], { width: 420, height: 595 });
  for (const expected of [
    'Mẫu số 01 – Thông tư số 01/2018/TT-VPCP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND PHƯỜNG HÒA LÂM',
    'Hòa Lâm, ngày 05 tháng 03 năm 2026', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mã hồ sơ: 000.00.02.H99-260305-0001',
    'Tiếp nhận hồ sơ của: Nguyễn Văn An', 'Số định danh cá nhân: 001090012345', 'Giấy chứng sinh', 'Đăng ký khai sinh (1.001193)',
    'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05/03/2026', 'Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 30 phút, ngày 10/03/2026',
    'tức 24 giờ làm việc', 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN', 'Lê Thị Mơ', 'Quét mã để tra cứu',
  ]) assert.ok(pdf.all.includes(flat(expected)), `missing "${expected}" in ${pdf.all}`);
  assert.equal(pdf.info.Title, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  assert.equal(pdf.info.Author, 'UBND phường Hòa Lâm');
  assert.equal(pdf.info.Subject, dossier.code);
  assert.equal(pdf.info.Language, 'vi-VN');
  assert.deepEqual(pdf.outside, []);
});

test('Mẫu 01 embeds Noto Serif and no standard font', async () => {
  const raw = (await renderReceipt(input)).toString('latin1');
  assert.match(raw, /\/FontFile2\b/);
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSerif-Bold\b/);
  assert.doesNotMatch(raw, /\/BaseFont \/(Helvetica|Times)/);
});

test('the receipt carries a QR image of the size of the tracking link\'s symbol (CODE-01)', async () => {
  // Decoding is left out: pdf.js image extraction needs Node 22. The image is the symbol at whole pixels per module.
  const raw = (await renderReceipt(input)).toString('latin1');
  const expected = QRCode.create(`${publicUrl}/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.code)}`, { errorCorrectionLevel: 'M' }).modules;
  const side = expected.size * qrPixelsPerModule;
  assert.match(raw, new RegExp(`/Subtype /Image[^>]*?/Width ${side}|/Width ${side}[^>]*?/Subtype /Image`, 's'));
  const longer = (await renderReceipt({ ...input, publicUrl: `${publicUrl}/a-much-longer-base-path-for-a-bigger-symbol/and-more` })).toString('latin1');
  assert.doesNotMatch(longer, new RegExp(`/Width ${side}\\b`));
});

test('30 components flow onto further pages with the table header repeated, nothing outside the page', async () => {
  const components = Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}: bản sao giấy chứng nhận quyền sử dụng đất có chứng thực`, originals: 0, copies: 1 }));
  const pdf = await inspectPdf(await renderReceipt({ ...input, components }));
  assert.ok(pdf.totalPages >= 2, `pages: ${pdf.totalPages}`);
  for (const page of pdf.pages.slice(0, -1)) assert.ok(flat(page).includes('Tên giấy tờ'), flat(page));
  assert.ok(pdf.all.includes(flat('Giấy tờ số 30:')));
  assert.ok(flat(pdf.pages.at(-1)!).includes('NGƯỜI TIẾP NHẬN'));
  assert.deepEqual(pdf.outside, []);
});

test('decomposed input is drawn composed', async () => {
  const nfd = (s: string) => s.normalize('NFD');
  const pdf = await inspectPdf(await renderReceipt({ ...input, dossier: { ...dossier, applicant: { ...dossier.applicant, name: nfd('Nguyễn Văn An') } } }));
  assert.ok(pdf.pages.join('\n').includes('Nguyễn Văn An'.normalize('NFC')));
});
