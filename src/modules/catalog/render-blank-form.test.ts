import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { renderBlankFormPdf, type BlankFormInput } from './render-blank-form.ts';

const baseInput: BlankFormInput = {
  title: 'Tờ khai thay đổi thông tin cư trú',
  legalRef: 'Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA',
  fields: ['Họ, chữ đệm và tên', 'Ngày, tháng, năm sinh', 'Số định danh cá nhân', 'Nơi thường trú'],
  procedureName: 'Đăng ký thường trú',
  procedureCode: '1.004222',
  componentName: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
  agencyName: 'Ủy ban nhân dân tỉnh Hòa Bình Xanh',
  sourceUrl: 'https://dichvucong.example.vn/thu-tuc/1.004222',
};

// Extraction splits text into lines wherever the layout wrapped it; comparisons should not care.
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

async function read(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const { info } = await getMeta(doc);
  return { totalPages, pages: text, info: info as Record<string, unknown> };
}

test('renders a PDF whose text keeps its Vietnamese diacritics', async () => {
  const pdf = await renderBlankFormPdf(baseInput);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

  const { pages, info } = await read(pdf);
  const text = flat(pages.join('\n'));
  assert.ok(text.includes(flat('TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ')), text);
  assert.ok(text.includes(flat('Số định danh cá nhân')), text);
  assert.ok(text.includes(flat('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')), text);
  assert.ok(text.includes(flat('Độc lập - Tự do - Hạnh phúc')), text);
  assert.ok(text.includes(flat('ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH')), text);
  assert.ok(text.includes(flat(baseInput.legalRef)), text);
  assert.ok(text.includes(flat('NGƯỜI KÊ KHAI')), text);

  assert.equal(info.Title, baseInput.title);
  assert.equal(info.Author, baseInput.agencyName);
  assert.equal(info.Creator, 'OpenDVC');
});

test('embeds its own font rather than relying on a viewer font', async () => {
  const raw = (await renderBlankFormPdf(baseInput)).toString('latin1');
  assert.match(raw, /\/FontFile[23]\b/);
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSerif-Bold\b/);
  assert.doesNotMatch(raw, /\/BaseFont \/Helvetica/);
});

test('draws decomposed input as composed text', async () => {
  const nfd = (s: string) => s.normalize('NFD');
  const input = { ...baseInput, title: nfd(baseInput.title), fields: baseInput.fields.map(nfd) };
  assert.notEqual(input.title, baseInput.title);

  const { pages } = await read(await renderBlankFormPdf(input));
  // Deliberately not normalised: decomposed input drawn as is would extract as decomposed text.
  const text = pages.join('\n');
  assert.ok(text.includes('Số định danh cá nhân'.normalize('NFC')), text);
  assert.ok(text.includes('TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ'.normalize('NFC')), text);
});

test('a long form flows onto more pages, each with its footer, and ends with the signature block', async () => {
  const fields = Array.from({ length: 40 }, (_, i) => `Trường số ${i + 1} của tờ khai`);
  const { totalPages, pages } = await read(await renderBlankFormPdf({ ...baseInput, fields }));
  assert.ok(totalPages >= 2, `expected at least 2 pages, got ${totalPages}`);
  assert.equal(pages.length, totalPages);

  pages.forEach((page, i) => {
    const text = flat(page);
    assert.ok(text.includes(flat(`${baseInput.procedureCode} – ${baseInput.procedureName}`)), `footer missing on page ${i + 1}`);
    assert.ok(text.includes(baseInput.sourceUrl), `source URL missing on page ${i + 1}`);
  });
  const all = flat(pages.join('\n'));
  for (const n of [1, 20, 40]) assert.ok(all.includes(flat(`${n}. Trường số ${n} của tờ khai:`)), `field ${n} missing`);
  const last = flat(pages.at(-1) ?? '');
  assert.ok(last.includes(flat('40. Trường số 40 của tờ khai:')), last);
  assert.ok(last.includes(flat('NGƯỜI KÊ KHAI')), last);
  assert.ok(last.includes(flat('(Ký, ghi rõ họ tên)')), last);
});
