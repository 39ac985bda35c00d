import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Access } from '../src/platform/http/access.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { sessionCookieName } from '../src/modules/identity/session-policy.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The permission table, written out: every route of the app must appear here with the rule it must carry.
// A new route fails this test until someone decides, here, who may call it.
const expected: Record<string, Access> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /ngon-ngu': 'public',
  'GET /api/v1/procedures': 'public',
  'GET /api/v1/procedures/:code': 'public',
  'GET /api/v1/agencies': 'public',
  'GET /': 'public',
  'GET /thu-tuc': 'public',
  'GET /thu-tuc/:code': 'public',
  'GET /thu-tuc/:code/mau/:file': 'public',
  'GET /dich-vu-cong-truc-tuyen': 'public',
  'GET /co-quan': 'public',
  'GET /so-do-trang': 'public',
  'GET /sitemap.xml': 'public',
  'GET /robots.txt': 'public',
  'GET /dang-nhap': 'public',
  'POST /dang-nhap': 'public',
  'GET /dang-nhap/xac-thuc': 'public',
  'POST /dang-nhap/xac-thuc': 'public',
  'GET /dang-nhap/thiet-lap-xac-thuc': 'public',
  'POST /dang-nhap/thiet-lap-xac-thuc': 'public',
  'GET /tai-khoan': 'signedIn',
  'POST /dang-xuat': 'public',
  'GET /dang-ky': 'public',
  'POST /dang-ky': 'public',
  'GET /dang-ky/xac-minh': 'public',
  'POST /dang-ky/xac-minh': 'public',
  'GET /dang-ky/xac-minh-ma': 'public',
  'POST /dang-ky/xac-minh-ma': 'public',
  'POST /dang-ky/gui-lai': 'public',
  'GET /quen-mat-khau': 'public',
  'POST /quen-mat-khau': 'public',
  'GET /dat-lai-mat-khau': 'public',
  'POST /dat-lai-mat-khau': 'public',
  'GET /tai-khoan/mat-khau': 'signedIn',
  'POST /tai-khoan/mat-khau': 'signedIn',
  'GET /dang-nhap/oidc/cong-dan': 'public',
  'GET /dang-nhap/oidc/can-bo': 'public',
  'GET /dang-nhap/oidc/callback': 'public',
  'GET /tai-khoan/lien-ket-dinh-danh': 'signedIn',
  'GET /quan-tri/lich-lam-viec': { permission: 'calendar.manage' },
  'POST /quan-tri/lich-lam-viec': { permission: 'calendar.manage' },
  'POST /quan-tri/lich-lam-viec/xoa': { permission: 'calendar.manage' },
  'GET /api/v1/dossiers/:code/status': 'public',
  'POST /api/v1/dossiers': 'person',
  'POST /api/v1/dossiers/:id/reception': { permission: 'dossier.receive' },
  'GET /tra-cuu-ho-so': 'public',
  'GET /thu-tuc/:code/nop-ho-so': 'person',
  'POST /thu-tuc/:code/nop-ho-so': 'person',
  'GET /ho-so-cua-toi': 'person',
  'GET /ho-so-cua-toi/:reference': 'person',
  'GET /ho-so-cua-toi/:reference/phieu/:seq': 'person',
  'GET /ho-so-cua-toi/:reference/bo-sung': 'person',
  'POST /ho-so-cua-toi/:reference/bo-sung': 'person',
  'GET /mot-cua/ho-so': { permission: 'dossier.receive' },
  'GET /mot-cua/ho-so/:id': { permission: 'dossier.receive' },
  'GET /mot-cua/ho-so/:id/phieu/:seq': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/tiep-nhan': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/tu-choi': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/yeu-cau-bo-sung': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/da-bo-sung': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/chuyen-xu-ly': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/tra-ket-qua': { permission: 'dossier.receive' },
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  // The person's own profile pages (issue 3 §1)
  'GET /tai-khoan/thong-tin': 'signedIn',
  'POST /tai-khoan/thong-tin': 'signedIn',
  'GET /tai-khoan/thong-bao': 'signedIn',
  'POST /tai-khoan/thong-bao': 'signedIn',
  'GET /tai-khoan/dong-tai-khoan': 'signedIn',
  'POST /tai-khoan/dong-tai-khoan': 'signedIn',
  'GET /tai-khoan/da-dong': 'public',
  // Access statistics (issue 3 §5, P-14)
  'GET /quan-tri/thong-ke-truy-cap': { permission: 'report.read' },
  'GET /quan-tri/thong-ke-truy-cap/csv': { permission: 'report.read' },
  // Officer and role administration (issue 3 §2)
  'GET /quan-tri/can-bo': { permission: 'officer.manage' },
  'GET /quan-tri/can-bo/moi': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo': { permission: 'officer.manage' },
  'GET /quan-tri/can-bo/:accountId': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/vai-tro': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/vai-tro/thu-hoi': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/chuyen-don-vi': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/vo-hieu-hoa': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/kich-hoat-lai': { permission: 'officer.manage' },
  'POST /quan-tri/can-bo/:accountId/dat-lai-xac-thuc': { permission: 'officer.manage' },
  'GET /quan-tri/vai-tro': { permission: 'officer.manage' },
  'GET /quan-tri/vai-tro/:roleCode': { permission: 'role.manage' },
  'POST /quan-tri/vai-tro/:roleCode': { permission: 'role.manage' },
  'GET /quan-tri/don-vi': { permission: 'officer.manage' },
  'GET /quan-tri/phan-quyen': { permission: 'officer.manage' },
  // API clients of other systems (issue 3 §3)
  'POST /oauth/token': 'public',
  'POST /api/v1/catalog/import': { scope: 'catalog.import' },
  'GET /quan-tri/ung-dung': { permission: 'apiClient.manage' },
  'POST /quan-tri/ung-dung': { permission: 'apiClient.manage' },
  'POST /quan-tri/ung-dung/:id/thu-hoi': { permission: 'apiClient.manage' },
  // workflow:queues — officers' work queues, assignment, claiming and cover (issue 4 §2, §5)
  'GET /xu-ly': { permission: 'dossier.read' },
  'POST /xu-ly/phan-cong': { permission: 'dossier.assign' },
  'POST /xu-ly/ho-so/:id/nhan': { permission: 'dossier.process' },
  'POST /xu-ly/ho-so/:id/tra-lai-hang-cho': { permission: 'dossier.read' },
  'GET /xu-ly/vang-mat': { permission: 'dossier.assign' },
  'POST /xu-ly/vang-mat': { permission: 'dossier.assign' },
  // dossiers:desk-extras — walk-in and postal reception, officer search, control sheet and register (issue 4 §4, §5, §6)
  'GET /mot-cua/tiep-nhan-truc-tiep': { permission: 'dossier.receive' },
  'POST /mot-cua/tiep-nhan-truc-tiep': { permission: 'dossier.receive' },
  'GET /xu-ly/tra-cuu': { permission: 'dossier.read' },
  'GET /xu-ly/ho-so/:id/phieu-kiem-soat': { permission: 'dossier.read' },
  'GET /xu-ly/so-theo-doi': { permission: 'dossier.read' },
  'GET /xu-ly/so-theo-doi.pdf': { permission: 'dossier.read' },
  // Procedures' internal processes (issue 4 §2)
  'GET /quan-tri/quy-trinh': { permission: 'process.manage' },
  'GET /quan-tri/quy-trinh/:code': { permission: 'process.manage' },
  'POST /quan-tri/quy-trinh/:code': { permission: 'process.manage' },
  // Processing a dossier: specialist, leader, clerk and desk actions (issue 4 §5); each use case checks step, role and holder
  'GET /xu-ly/ho-so/:id': { permission: 'dossier.read' },
  'GET /xu-ly/ho-so/:id/phieu/:seq': { permission: 'dossier.read' },
  'GET /xu-ly/ho-so/:id/tep/:fileId': { permission: 'dossier.read' },
  'POST /xu-ly/ho-so/:id/chuyen-tiep': { permission: 'dossier.read' },
  'POST /xu-ly/ho-so/:id/tra-lai': { permission: 'dossier.approve' },
  'POST /xu-ly/ho-so/:id/tham-dinh': { permission: 'dossier.process' },
  'POST /xu-ly/ho-so/:id/yeu-cau-bo-sung': { permission: 'dossier.process' },
  'POST /xu-ly/ho-so/:id/da-bo-sung': { permission: 'dossier.receive' },
  'POST /xu-ly/ho-so/:id/xin-y-kien': { permission: 'dossier.process' },
  'POST /xu-ly/ho-so/:id/tra-loi-y-kien': { permission: 'dossier.read' },
  'POST /xu-ly/ho-so/:id/phe-duyet': { permission: 'dossier.approve' },
  'POST /xu-ly/ho-so/:id/ban-hanh': { permission: 'dossier.register' },
  'POST /xu-ly/ho-so/:id/tra-ket-qua': { permission: 'dossier.return' },
  'POST /xu-ly/ho-so/:id/bao-tra-som': { permission: 'dossier.read' },
  'POST /xu-ly/ho-so/:id/gia-han': { permission: 'dossier.approve' },
  'POST /xu-ly/ho-so/:id/xu-ly-rut': { permission: 'dossier.read' },
  'POST /xu-ly/ho-so/:id/dung-xu-ly': { permission: 'dossier.approve' },
  'POST /xu-ly/ho-so/:id/ghi-chu': { permission: 'dossier.read' },
  // Notifications: the in-app inbox of every signed-in person and officer (issue 4 §5)
  'GET /thong-bao': 'signedIn',
  'POST /thong-bao/da-doc': 'signedIn',
  // live-updates (issue 5 §3): the Server-Sent Events stream of every open page; what it carries is filtered per actor
  'GET /su-kien': 'signedIn',
  // dossiers:eforms — e-form pages, drafts and attachments (issue 4 §3)
  'GET /ho-so-cua-toi/:reference/tiep-tuc': 'person',
  'GET /ho-so-cua-toi/:reference/to-khai/:page': 'person',
  'POST /ho-so-cua-toi/:reference/to-khai/:page': 'person',
  'GET /ho-so-cua-toi/:reference/thanh-phan': 'person',
  'POST /ho-so-cua-toi/:reference/thanh-phan/:component': 'person',
  'POST /ho-so-cua-toi/:reference/thanh-phan/:component/dung-lai': 'person',
  'GET /ho-so-cua-toi/:reference/tep/:fileId': 'person',
  'POST /ho-so-cua-toi/:reference/tep/:fileId/go-bo': 'person',
  'GET /ho-so-cua-toi/:reference/kiem-tra': 'person',
  'POST /ho-so-cua-toi/:reference/nop': 'person',
  'POST /ho-so-cua-toi/:reference/xoa-nhap': 'person',
  'GET /mot-cua/ho-so/:id/tep/:fileId': { permission: 'dossier.read' },
  // payments (issue 5 §2)
  'GET /ho-so-cua-toi/:reference/thanh-toan': 'person',
  'POST /ho-so-cua-toi/:reference/thanh-toan': 'person',
  'GET /thanh-toan/ket-qua': 'public',
  'GET /api/v1/payments/vnpay/ipn': 'public',
  'GET /ho-so-cua-toi/:reference/bien-lai/:paymentId': 'person',
  'GET /mot-cua/ho-so/:id/bien-lai/:paymentId': { permission: 'dossier.read' },
  'GET /mot-cua/ho-so/:id/thanh-toan': { permission: 'dossier.read' },
  'POST /mot-cua/ho-so/:id/yeu-cau-thanh-toan': { permission: 'dossier.read' },
  'POST /mot-cua/ho-so/:id/thu-tai-quay': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/hoan-tien': { permission: 'dossier.receive' },
  'GET /quan-tri/thanh-toan': { permission: 'report.read' },
  // results (issue 5 §1)
  'GET /ket-qua': { permission: 'dossier.approve' },
  'GET /ket-qua/ho-so/:id': { permission: 'dossier.approve' },
  'POST /ket-qua/ho-so/:id': { permission: 'dossier.approve' },
  'POST /ket-qua/ho-so/:id/xem-truoc': { permission: 'dossier.approve' },
  'POST /ket-qua/ho-so/:id/thu-hoi': { permission: 'dossier.approve' },
  'POST /ket-qua/ho-so/:id/thay-the': { permission: 'dossier.approve' },
  'GET /ket-qua/ho-so/:id/ban-ky': { permission: 'dossier.approve' },
  'POST /ket-qua/ho-so/:id/tai-len': { permission: 'dossier.approve' },
  'GET /xac-minh/chung-thu-so-goc.pem': 'public',
  'GET /.well-known/jwks.json': 'public',
  'GET /xac-minh/:id': 'public',
  'POST /xac-minh/:id': 'public',
  'GET /ket-qua-cua-toi': 'person',
  'GET /ket-qua-cua-toi/:id/tai-ve': 'person',
  // postal service (issue 5 §4)
  'GET /ho-so-cua-toi/:reference/buu-chinh': 'person',
  'POST /ho-so-cua-toi/:reference/buu-chinh': 'person',
  'POST /api/v1/postal/callback': 'public',
  'GET /mot-cua/ho-so/:id/buu-chinh': { permission: 'dossier.read' },
  'POST /mot-cua/ho-so/:id/buu-chinh/gui-ket-qua': { permission: 'dossier.receive' },
  'POST /mot-cua/ho-so/:id/buu-chinh/huy': { permission: 'dossier.receive' },
  // sms-and-outbox: delivery failures and resend (issue 5 §3)
  'GET /quan-tri/thu-gui': { permission: 'outbox.manage' },
  'POST /quan-tri/thu-gui/:id/gui-lai': { permission: 'outbox.manage' },
  // notification templates (issue 5 §3)
  'GET /quan-tri/mau-thong-bao': { permission: 'notification.manage' },
  'GET /quan-tri/mau-thong-bao/:kind/:lang': { permission: 'notification.manage' },
  'POST /quan-tri/mau-thong-bao/:kind/:lang': { permission: 'notification.manage' },
  'POST /quan-tri/mau-thong-bao/:kind/:lang/xem-truoc': { permission: 'notification.manage' },
  'POST /quan-tri/mau-thong-bao/:kind/:lang/mac-dinh': { permission: 'notification.manage' },
};

const sample: Record<string, string> = { ':code': '1.004222', ':file': 'TP1.pdf', ':accountId': '00000000-0000-4000-8000-000000000000', ':roleCode': 'reception', ':id': '00000000-0000-4000-8000-000000000001', ':seq': '1',
  ':page': '1', ':component': 'TP1', ':fileId': '1', ':paymentId': '00000000-0000-4000-8000-000000000002',
  ':kind': 'received', ':lang': 'vi' };
const actors = ['anonymous', 'citizen', 'business', 'officerWithoutMfa', 'reception', 'specialist', 'leader', 'clerk', 'agencyAdmin', 'provinceAdmin', 'reportViewer'] as const;
type ActorName = (typeof actors)[number];

/** Who may pass each kind of rule — stated independently of the code that enforces it. */
function mayPass(actor: ActorName, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'signedIn') return actor !== 'anonymous' && actor !== 'officerWithoutMfa';
  if (access === 'person') return actor === 'citizen' || actor === 'business';
  // Machine routes are for API clients only: no person or officer passes a scope rule.
  if ('scope' in access) return false;
  const holders: Record<string, ActorName[]> = {
    'officer.manage': ['agencyAdmin', 'provinceAdmin'], 'role.manage': ['provinceAdmin'], 'catalog.manage': ['provinceAdmin'],
    'audit.read': ['agencyAdmin', 'provinceAdmin'], 'report.read': ['leader', 'agencyAdmin', 'provinceAdmin', 'reportViewer'],
    'apiClient.manage': ['provinceAdmin'], 'calendar.manage': ['provinceAdmin'], 'dossier.receive': ['reception'],
    'dossier.read': ['reception', 'specialist', 'leader', 'clerk'], 'dossier.assign': ['leader'], 'dossier.process': ['specialist'],
    'process.manage': ['provinceAdmin'], 'outbox.manage': ['provinceAdmin'], 'notification.manage': ['provinceAdmin'], 'dossier.approve': ['leader'],
    'dossier.register': ['clerk'], 'dossier.return': ['reception'],
  };
  return (holders[access.permission] ?? []).includes(actor);
}

let server: TestServer;
const cookies = new Map<ActorName, string>();

before(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
  const byEmail = async (email: string) => (await db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const officerOfRole = async (role: string) => (await db.selectFrom('officer_role').select('account_id').where('role_code', '=', role).executeTakeFirstOrThrow()).account_id;
  const ids: Record<Exclude<ActorName, 'anonymous'>, string> = {
    citizen: await byEmail('an.nguyen@demo.hoabinhxanh.vn'), business: await byEmail('ketoan@thuongmaihbx.demo.vn'),
    officerWithoutMfa: await officerOfRole('reception'),
    reception: await officerOfRole('reception'), specialist: await officerOfRole('specialist'), leader: await officerOfRole('leader'),
    clerk: await officerOfRole('clerk'), agencyAdmin: await officerOfRole('agencyAdmin'), provinceAdmin: await officerOfRole('provinceAdmin'),
    reportViewer: await officerOfRole('reportViewer'),
  };
  for (const [name, accountId] of Object.entries(ids) as [Exclude<ActorName, 'anonymous'>, string][]) {
    const officer = !['citizen', 'business'].includes(name);
    const { token } = await db.transaction().execute((trx) => startSession(trx, {
      accountId, officer, mfaVerified: name !== 'officerWithoutMfa', ip: null, userAgent: null, now: new Date(), policy,
    }));
    cookies.set(name, `${sessionCookieName}=${token}`);
  }
});
after(async () => { await server?.close(); });

describe('permission matrix (issue 3 §4, S-f)', () => {
  it('every route of the app carries exactly the access rule this table gives it', () => {
    const declared = Object.fromEntries(server.app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]));
    assert.deepEqual(Object.keys(declared).sort(), Object.keys(expected).sort(), 'a route was added or removed: decide its rule here');
    for (const [route, access] of Object.entries(expected)) assert.deepEqual(declared[route], access, route);
  });

  it('lets each kind of actor through exactly the pages its rules allow', async () => {
    const failures: string[] = [];
    for (const { method, url, access } of server.app.routeAccess) {
      if (method !== 'GET' || access === 'public') continue;
      const path = url.replace(/:\w+/g, (p) => sample[p] ?? p);
      for (const actor of actors) {
        const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookies.has(actor) ? { cookie: cookies.get(actor)! } : {} });
        const location = response.headers.get('location') ?? '';
        const denied = response.status === 401 || response.status === 403 || (response.status === 303 && /^\/dang-nhap/.test(location));
        if (denied === mayPass(actor, access)) failures.push(`${actor} ${method} ${path}: ${response.status} ${location}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
