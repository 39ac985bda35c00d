import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flat, inspectPdf } from '../../platform/pdf/inspect-pdf.ts';
import { maskIdentifier, maskName } from './mask.ts';
import { previewMark, renderResultDocument, type ResultDocumentInput } from './render-result.ts';
import { placeOf } from './result-dossier.ts';

// Issue 5 §1: the template result — an A4 letter with the national heading, the dossier's data and the QR — with
// the full Vietnamese font embedded; and how the public page masks the recipient.

const input: ResultDocumentInput = {
  issuer: { agencyName: 'Ủy ban nhân dân phường Hòa Lâm', parentAgencyName: 'Ủy ban nhân dân thành phố Hòa Lâm', place: 'Hòa Lâm' },
  number: '7/2026/KQ', issuedAt: new Date('2026-11-10T03:00:00Z'), title: 'Giấy xác nhận cư trú',
  dossier: { code: '000.00.41.H99-261105-0003', reference: 'HS-7F3K2Q', procedureName: 'Đăng ký thường trú', procedureCode: '1.004222',
    applicant: { kind: 'citizen', name: 'Nguyễn Văn An', personalId: '017090012345', address: 'Số 12 đường Lê Lợi' } },
  decision: 'Xác nhận ông Nguyễn Văn An đăng ký thường trú tại phường Hòa Lâm.\nThời hạn: không xác định.',
  signer: { title: 'Chủ tịch', name: 'Phan Thị Ngọc' },
  verificationUrl: 'https://dichvucong.hoabinhxanh.gov.vn/xac-minh/3f1c1c9e-1111-4a4a-8b8b-000000000001?t=abc.def.ghi',
};

test('the result letter carries the heading, number, dossier data, decision, signer and the verification link', async () => {
  const bytes = await renderResultDocument(input);
  const pdf = await inspectPdf(bytes);
  assert.deepEqual(pdf.sizes[0], { width: 595, height: 842 });
  for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG HÒA LÂM', 'Số: 7/2026/KQ',
    'Hòa Lâm, ngày 10 tháng 11 năm 2026', 'GIẤY XÁC NHẬN CƯ TRÚ', '000.00.41.H99-261105-0003', 'Đăng ký thường trú', 'Nguyễn Văn An', '017090012345',
    'Thời hạn: không xác định.', 'Phan Thị Ngọc', '(Đã ký số)']) {
    assert.ok(pdf.all.includes(flat(expected)), `missing "${expected}"`);
  }
  assert.deepEqual(pdf.outside, []);
  assert.match(bytes.toString('latin1'), /\/FontFile2/, 'the font is embedded');
  assert.match(bytes.toString('latin1'), /NotoSerif/);
  assert.ok(bytes.toString('latin1').includes('/URI (https://dichvucong.hoabinhxanh.gov.vn/xac-minh/3f1c1c9e-1111-4a4a-8b8b-000000000001?t=abc.def.ghi)'));
  assert.ok(!pdf.all.includes(flat(previewMark)));
});

test('a preview is marked, has no number and no verification link', async () => {
  const bytes = await renderResultDocument({ ...input, number: null, verificationUrl: null });
  const pdf = await inspectPdf(bytes);
  assert.ok(pdf.all.includes(flat(previewMark)));
  assert.ok(!pdf.all.includes('7/2026/KQ'));
  assert.doesNotMatch(bytes.toString('latin1'), /\/URI/);
});

test('the public page masks the recipient and the identifier', () => {
  assert.equal(maskName('Nguyễn Văn An'), 'Nguyễn V** A*');
  assert.equal(maskName('  Lê   Thị Ánh Tuyết '), 'Lê T** Á** T****');
  assert.equal(maskName('Công ty TNHH Thương mại Hòa Bình Xanh'), 'Công t* T*** T***** m** H** B*** X***');
  assert.equal(maskIdentifier('017090012345'), '******2345');
  assert.equal(maskIdentifier('123'), '***');
  assert.equal(maskIdentifier(null), null);
});

test('the place in the date line is the locality of the agency', () => {
  assert.equal(placeOf('Ủy ban nhân dân phường Hòa Lâm'), 'Hòa Lâm');
  assert.equal(placeOf('Sở Tư pháp tỉnh Hòa Bình Xanh'), 'Hòa Bình Xanh');
  assert.equal(placeOf('Ủy ban nhân dân xã Mường Khoa'), 'Mường Khoa');
});
