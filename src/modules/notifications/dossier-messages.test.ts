import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countSmsSegments } from '../../platform/sms/sms-text.ts';
import { announcedKinds, defaultTemplate, dossierMessage, isAnnounced, mandatoryKinds, type DossierEvent } from './dossier-messages.ts';

const dueAt = new Date('2026-11-27T10:00:00Z'); // 17:00 in Vietnam
const event = (kind: string, toStatus: number, more: Partial<DossierEvent> = {}): DossierEvent => ({
  kind, seq: 3, toStatus, reason: null, payload: {},
  dossier: { id: 'd', reference: 'HS261124-ABCDEF', code: '000.41.23.H99-261124-0001', procedureName: 'Đăng ký thường trú', applicantName: 'Nguyễn Văn An', dueAt },
  ...more,
});

/** Each announced event, with what its message must say beyond the common facts. */
const cases: { name: string; event: DossierEvent; title: RegExp; says: RegExp[]; saysNot?: RegExp[] }[] = [
  { name: 'submitted (status 1 "Mới đăng ký")', event: event('submitted', 1, { dossier: { ...event('x', 1).dossier, code: null, dueAt: null } }),
    title: /^Hồ sơ HS261124-ABCDEF đã được gửi thành công$/, says: [/Trạng thái: Mới đăng ký/], saysNot: [/Mã hồ sơ/, /Ngày hẹn/] },
  { name: 'received', event: event('received', 2), title: /đã được tiếp nhận$/, says: [/Trạng thái: Được tiếp nhận/, /Ngày hẹn trả kết quả: 17:00 27\/11\/2026/, /Giấy tiếp nhận/] },
  { name: 'receptionRefused', event: event('receptionRefused', 3, { reason: 'Không thuộc thẩm quyền của phường.' }),
    title: /không được tiếp nhận$/, says: [/Lý do: Không thuộc thẩm quyền của phường\./, /Trạng thái: Không được tiếp nhận/], saysNot: [/Ngày hẹn/] },
  { name: 'supplementRequested', event: event('supplementRequested', 5, { reason: 'Thiếu giấy tờ.', payload: { items: [{ name: 'Hợp đồng thuê nhà', reason: 'Bản chụp bị mờ' }], guidance: 'Nộp bản rõ nét.' } }),
    title: /cần bổ sung, hoàn thiện$/, says: [/Lý do: Thiếu giấy tờ\./, /- Hợp đồng thuê nhà: Bản chụp bị mờ/, /Hướng dẫn: Nộp bản rõ nét\./] },
  { name: 'supplemented', event: event('supplemented', 4), title: /đã được bổ sung$/, says: [/Trạng thái: Đang xử lý/] },
  { name: 'forwarded', event: event('forwarded', 4), title: /đang được xử lý$/, says: [/bộ phận chuyên môn/] },
  { name: 'paymentRequested', event: event('paymentRequested', 6, { payload: { items: [{ name: 'Lệ phí', amount: 15000 }] } }),
    title: /nghĩa vụ tài chính$/, says: [/- Lệ phí: 15\.000 đ/] },
  { name: 'paid', event: event('paid', 4), title: /đã ghi nhận nghĩa vụ tài chính$/, says: [/Trạng thái: Đang xử lý/] },
  { name: 'withdrawalRequested', event: event('withdrawalRequested', 7), title: /^Đã nhận yêu cầu rút hồ sơ/, says: [/Công dân yêu cầu rút hồ sơ/] },
  { name: 'withdrawalRefused', event: event('withdrawalRefused', 4, { reason: 'Đã có kết quả thẩm định.' }), title: /không được chấp nhận$/, says: [/Lý do: Đã có kết quả thẩm định\./] },
  { name: 'stopped', event: event('stopped', 8, { reason: 'Công dân rút hồ sơ.' }), title: /đã dừng xử lý$/, says: [/Lý do: Công dân rút hồ sơ\./], saysNot: [/Ngày hẹn/] },
  { name: 'resolved', event: event('resolved', 9), title: /đã có kết quả$/, says: [/Trạng thái: Đã xử lý xong/, /nhận kết quả/] },
  { name: 'returned', event: event('returned', 10), title: /đã trả kết quả$/, says: [/Trạng thái: Đã trả kết quả/], saysNot: [/Ngày hẹn/] },
  { name: 'extended', event: event('extended', 4, { reason: 'Cần xác minh thêm tại địa phương.' }), title: /^Xin lỗi và hẹn lại ngày trả kết quả/, says: [/Ngày hẹn mới: 17:00 27\/11\/2026/, /Lý do: Cần xác minh/] },
  { name: 'earlyReturnNoticed', event: event('earlyReturnNoticed', 9), title: /có thể nhận trước hẹn$/, says: [/sớm hơn/] },
  { name: 'dueDateRecomputed', event: event('dueDateRecomputed', 4), title: /^Ngày hẹn trả kết quả hồ sơ .* đã thay đổi$/, says: [/Ngày hẹn trả kết quả: 17:00 27\/11\/2026/] },
];

describe('what the applicant is told of each dossier event (issue 4 §5)', () => {
  for (const c of cases) {
    it(`${c.name}: a Vietnamese title and text with the dossier, the procedure, the status in words and the link`, () => {
      const message = dossierMessage('vi', c.event, 'Cổng Dịch vụ công tỉnh Hòa Bình Xanh');
      assert.match(message.title, c.title);
      assert.match(message.text, /^Kính gửi Ông\/Bà Nguyễn Văn An,/);
      assert.match(message.text, /Thủ tục: Đăng ký thường trú/);
      assert.match(message.text, /Số tham chiếu: HS261124-ABCDEF/);
      assert.match(message.text, /Xem chi tiết hồ sơ: \{link\}/);
      for (const pattern of c.says) {
        assert.match(message.text, pattern);
        assert.match(message.body, pattern);
      }
      for (const pattern of c.saysNot ?? []) assert.doesNotMatch(message.text, pattern);
    });
  }

  it('speaks English to an English reader', () => {
    const message = dossierMessage('en', event('receptionRefused', 3, { reason: 'Wrong agency.' }), 'Public Service Portal');
    assert.equal(message.title, 'Dossier 000.41.23.H99-261124-0001 was not accepted');
    assert.match(message.text, /^Dear Nguyễn Văn An,/);
    assert.match(message.text, /Status: \S/);
    assert.match(message.text, /Reason: Wrong agency\./);
  });

  it('announces status changes and new appointments only, and knows which notices the law requires', () => {
    assert.equal(isAnnounced('assigned', 4, 4), false);
    assert.equal(isAnnounced('noted', 2, 2), false);
    assert.equal(isAnnounced('forwarded', 4, 4), false);
    assert.equal(isAnnounced('forwarded', 2, 4), true);
    assert.equal(isAnnounced('extended', 4, 4), true);
    assert.equal(isAnnounced('dueDateRecomputed', 2, 2), true);
    assert.deepEqual([...mandatoryKinds].sort(), ['extended', 'received', 'receptionRefused', 'resolved', 'supplementRequested'].sort());
  });

  it('has a short SMS for every announced event, sent folded to plain text with the dossier and the link (issue 5 §3)', () => {
    for (const c of cases) {
      const { sms } = dossierMessage('vi', c.event, 'Cổng DVC Hòa Bình Xanh', { linkUrl: 'https://dvc.example.vn/ho-so-cua-toi/HS261124-ABCDEF' });
      assert.match(sms, /^Cong DVC Hoa Binh Xanh: /, c.name);
      assert.ok(sms.includes(c.event.dossier.code ?? c.event.dossier.reference), c.name);
      assert.equal(countSmsSegments(sms).encoding, 'GSM-7', `${c.name}: no diacritics left`);
      assert.ok(countSmsSegments(sms).segments <= 2, `${c.name}: ${sms}`);
    }
    assert.deepEqual(cases.map((c) => c.event.kind).sort(), [...announcedKinds].sort(), 'every kind is covered above');
    const received = dossierMessage('vi', event('received', 2), 'Cổng DVC', { linkUrl: 'https://dvc.example.vn/x' }).sms;
    assert.equal(received, 'Cong DVC: Ho so 000.41.23.H99-261124-0001 da duoc tiep nhan. Hen tra ket qua 17:00 27/11/2026. Xem https://dvc.example.vn/x');
    for (const kind of announcedKinds) assert.match(defaultTemplate(kind, 'vi').sms, /[ạảãàáâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/i, `${kind}: written with diacritics`);
  });

  it('uses an administrator\'s wording when given one, with every placeholder filled', () => {
    const template = { title: '{portal} – {label} ({status})', lead: 'Thủ tục {procedure}, số {reference}, hẹn {dueAt}. {link}', sms: 'Hồ sơ {code}: {reason}' };
    const message = dossierMessage('vi', event('extended', 4, { reason: 'Cần xác minh' }), 'Cổng', { template, linkPath: '/ho-so-cua-toi/HS261124-ABCDEF' });
    assert.equal(message.title, 'Cổng – 000.41.23.H99-261124-0001 (Đang xử lý)');
    assert.match(message.body, /^Thủ tục Đăng ký thường trú, số HS261124-ABCDEF, hẹn 17:00 27\/11\/2026\. \/ho-so-cua-toi\/HS261124-ABCDEF$/m);
    assert.match(message.text, /hẹn 17:00 27\/11\/2026\. \{link\}/, 'the e-mail keeps {link} for the worker');
    assert.equal(message.sms, 'Ho so 000.41.23.H99-261124-0001: Can xac minh');
  });
});
