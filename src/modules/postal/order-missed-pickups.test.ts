import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { actorForAccount } from '../identity/actor-for-account.ts';
import { submitDossier } from '../dossiers/submit-dossier.ts';
import { orderMissedPickups } from './order-missed-pickups.ts';
import { listDossierPostalOrders, savePostalChoice } from './repository.ts';

const address = { recipient: 'Nguyễn Văn An', phone: '0912345678', province: 'Tỉnh Hòa Bình Xanh', district: 'Thành phố Bình Minh', ward: 'Phường Hòa Lâm', street: 'Số 5 đường Lê Lợi' };

describe('pickups missed after filing are ordered by the worker (issue 5 §4, P-15)', () => {
  let database: TestDatabase;
  before(async () => { database = await createTestDatabase(); });
  after(async () => { await database.close(); });

  it('orders a pickup once for a filed dossier whose papers go by post, and none for one whose papers do not', async () => {
    const { db } = database;
    const now = new Date();
    const citizen = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
    const file = async (key: string, sendPapers: boolean) => {
      // Filed, the choice stored, and the process gone before the pickup was ordered.
      const { id } = await submitDossier(db, citizen, now, 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: key });
      await savePostalChoice(db, { dossierId: id, sendPapers, returnResult: true, address, quotedFee: 25_000, now });
      return id;
    };
    const byPost = await file('missed-pickup-1', true);
    const atCounter = await file('missed-pickup-2', false);

    assert.equal(await orderMissedPickups(db, now), 1);
    const orders = await listDossierPostalOrders(db, byPost);
    assert.deepEqual(orders.map((o) => [o.purpose, o.status]), [['pickup', 'requested']]);
    const queued = await db.selectFrom('outbox_message').select('payload').where('topic', '=', 'postalOrder').where('idempotency_key', '=', `postal-order:${orders[0]!.id}:create`).execute();
    assert.equal(queued.length, 1, 'placed with the operator through the outbox');
    assert.deepEqual(await listDossierPostalOrders(db, atCounter), []);

    assert.equal(await orderMissedPickups(db, now), 0, 'never twice');
    assert.equal((await listDossierPostalOrders(db, byPost)).length, 1);
  });
});
