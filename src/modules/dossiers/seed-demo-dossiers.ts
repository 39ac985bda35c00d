import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { addDays, fromLocal, parseClock, toLocal } from '../../platform/clock/local-time.ts';
import { deletePendingOutboxMessages } from '../../platform/outbox/repository.ts';
import { actorForAccount } from '../identity/actor-for-account.ts';
import { loadWorkingCalendar } from '../workflow/calendar/load-working-calendar.ts';
import { completeSupplement } from './complete-supplement.ts';
import { forwardDossier } from './forward-dossier.ts';
import { receiveDossier } from './receive-dossier.ts';
import { refuseReception } from './refuse-reception.ts';
import { requestFinancialObligation } from './request-financial-obligation.ts';
import { requestSupplement } from './request-supplement.ts';
import { resolveDossier } from './resolve-dossier.ts';
import { noticeEarlyReturn, returnResult } from './return-result.ts';
import { submitDossier } from './submit-dossier.ts';
import { decideWithdrawal, requestWithdrawal } from './withdraw-dossier.ts';

const ward = '000.00.41.H99';

/**
 * Demo dossiers at the Hòa Lâm ward desk in every status 1–10 (one of them late), filed and handled through
 * the real use cases so their timelines, codes and due dates are exactly what the product would produce.
 * Everything happens on working days before `now`, so a demo started at any hour has a consistent history.
 */
export async function seedDemoDossiers(db: Kysely<Database>, now: Date): Promise<void> {
  // A seed interrupted half-way is not replayed: its dossiers already moved on and would refuse the same steps.
  if (await db.selectFrom('dossier').select('id').where('idempotency_key', 'like', 'demo-seed-%').executeTakeFirst()) return;
  const [citizen, business, desk, leader] = await Promise.all([
    actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn'), actorForAccount(db, 'ketoan@thuongmaihbx.demo.vn'),
    actorForAccount(db, 'mo.lt@demo.hoabinhxanh.vn'), actorForAccount(db, 'ngoc.pt@demo.hoabinhxanh.vn'),
  ]);
  const calendar = await loadWorkingCalendar(db);
  // The n-th working day before today, at a local time of day.
  const day = (n: number, time: string) => {
    let date = toLocal(now).date;
    for (let left = n; left > 0;) {
      date = addDays(date, -1);
      if (calendar.isWorkingDay(date)) left--;
    }
    return fromLocal(date, parseClock(time));
  };
  let n = 0;
  const file = async (who: typeof citizen, procedureCode: string, when: Date, caseCode = 'TH1') =>
    (await submitDossier(db, who, when, 'vi', { procedureCode, caseCode, receivingAgencyCode: ward, formData: {}, idempotencyKey: `demo-seed-${n++}` })).id;
  const receiveAndForward = async (id: string, received: Date, forwarded: Date) => {
    await receiveDossier(db, desk, received, id);
    await forwardDossier(db, desk, forwarded, { dossierId: id });
  };

  await file(citizen, '1.004194', day(1, '20:15'));

  await receiveDossier(db, desk, day(1, '08:10'), await file(citizen, '1.010052', day(2, '21:00')));

  const refused = await file(citizen, '1.004206', day(2, '10:00'));
  await refuseReception(db, desk, day(2, '14:00'), 'vi', { dossierId: refused, reason: 'Không thuộc thẩm quyền của phường Hòa Lâm: nơi thường trú của công dân ở xã Tân Lạc.' });

  await receiveAndForward(await file(citizen, '1.004222', day(3, '19:00')), day(2, '09:00'), day(2, '09:20'));

  // Three working days allowed, received seven working days ago: overdue in every queue.
  await receiveAndForward(await file(citizen, '1.003197', day(8, '09:00')), day(7, '09:30'), day(7, '10:00'));

  const supplement = await file(citizen, '1.004203', day(4, '08:00'));
  await receiveAndForward(supplement, day(4, '08:30'), day(4, '09:00'));
  await requestSupplement(db, desk, day(3, '10:00'), 'vi', {
    dossierId: supplement, items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản chụp hợp đồng thuê nhà bị mờ, không đọc được thời hạn thuê.' }],
    guidance: 'Nộp bản chụp rõ nét hoặc bản sao có chứng thực qua Cổng Dịch vụ công.',
  });

  const fee = await file(citizen, '1.004873', day(3, '08:00'));
  await receiveAndForward(fee, day(3, '08:40'), day(3, '09:00'));
  await requestFinancialObligation(db, desk, day(2, '15:00'), 'vi', { dossierId: fee, items: [{ name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', amount: 15_000 }] });

  const withdrawing = await file(citizen, '1.003677', day(2, '08:00'));
  await receiveDossier(db, desk, day(2, '08:30'), withdrawing);
  await requestWithdrawal(db, citizen, day(1, '10:00'), 'vi', { dossierId: withdrawing, reason: 'Gia đình đã thay đổi kế hoạch đi công tác.' });

  const stopped = await file(citizen, '1.004859', day(5, '08:00'));
  await receiveAndForward(stopped, day(5, '08:30'), day(5, '09:00'));
  await requestWithdrawal(db, citizen, day(4, '09:00'), 'vi', { dossierId: stopped, reason: 'Đã nộp hồ sơ tại nơi đăng ký khai sinh.' });
  await decideWithdrawal(db, desk, day(4, '14:00'), 'vi', { dossierId: stopped, accept: true, reason: 'Chấp nhận đề nghị rút hồ sơ của công dân.' });

  const resolved = await file(citizen, '1.001193', day(2, '07:00'));
  await receiveAndForward(resolved, day(2, '07:45'), day(2, '08:00'));
  await resolveDossier(db, leader, day(2, '15:00'), 'vi', { dossierId: resolved, outcome: 'granted' });

  const returned = await file(citizen, '2.000635', day(4, '08:00'));
  await receiveAndForward(returned, day(4, '09:00'), day(4, '09:10'));
  await resolveDossier(db, leader, day(4, '14:00'), 'vi', { dossierId: returned, outcome: 'granted' });
  await noticeEarlyReturn(db, desk, day(4, '14:10'), { dossierId: returned, readyAt: day(4, '16:00') });
  await returnResult(db, desk, day(4, '16:00'), 'vi', { dossierId: returned, channel: 'desk' });

  const completed = await file(business, '2.000815', day(6, '10:00'), 'TH2');
  await receiveAndForward(completed, day(6, '10:30'), day(6, '11:00'));
  await requestSupplement(db, desk, day(6, '14:00'), 'vi', { dossierId: completed, items: [{ name: 'Bản chính giấy tờ cần chứng thực', reason: 'Cần đối chiếu bản chính tại quầy.' }] });
  await completeSupplement(db, desk, day(5, '09:00'), { dossierId: completed, note: 'Doanh nghiệp mang bản chính đến đối chiếu tại quầy.' });

  // The demo's past is kept in the applicants' inboxes but not e-mailed or texted to its made-up contacts (the
  // seed runs once, on a fresh database, so the only pending SMS are these), and its notices are rendered on
  // demand rather than stored by the worker all at once (issue 4 §5, issue 5 §3).
  await deletePendingOutboxMessages(db, ['notificationEmail', 'notificationSms', 'sms', 'dossierNotice']);
}
