import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectDatabase } from '../src/platform/db/connect.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { demoCatalog } from './support/fixtures.ts';
import { opendvcBin as bin, startServerProcess } from './support/server-process.ts';
import { writePkcs12 } from '../src/modules/results/signing/pkcs12.ts';
import { createCertificateAuthority, issueSigningIdentity } from '../src/modules/results/signing/test-ca.ts';

// The real binary in a real process: what `npm start` and an operator's commands do.
let dir: string;
let database: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opendvc-cli-'));
  // On the PostgreSQL pass the commands use their own fresh database; otherwise an embedded one in `dir`.
  if (process.env['DATABASE_URL']) database = await createTestDatabase({ seed: false });
  env = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', NODE_ENV: 'test', ...(database?.url ? { DATABASE_URL: database.url } : {}) };
});
after(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });

describe('opendvc CLI', () => {
  it('refuses a bad setting with a message naming it', () => {
    const result = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...env, PORT: 'x' }, encoding: 'utf8' });
    assert.equal(result.status, 78);
    assert.match(result.stderr, /PORT/);
  });

  it('imports a catalogue file, reports every error with its JSON path, and is idempotent', () => {
    const bad = demoCatalog();
    bad.procedures[0]!.applicantTypes = [];
    bad.procedures[2]!.implementingAgencyCodes = ['000.00.00.Z00'];
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const rejected = run('import', 'catalog', path.join(dir, 'bad.json'));
    assert.equal(rejected.status, 1);
    assert.match(rejected.stderr, /\/procedures\/0\/applicantTypes: .*đối tượng thực hiện/);
    assert.match(rejected.stderr, /\/procedures\/2\/implementingAgencyCodes\/0: .*000\.00\.00\.Z00/);

    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(demoCatalog()));
    const first = run('import', 'catalog', path.join(dir, 'good.json'));
    assert.equal(first.status, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout).changed, true);
    const again = run('import', 'catalog', path.join(dir, 'good.json'));
    assert.equal(JSON.parse(again.stdout).changed, false);

    const exported = run('export', 'catalog', '--out', path.join(dir, 'export.json'));
    assert.equal(exported.status, 0, exported.stderr);
    const roundTrip = run('import', 'catalog', path.join(dir, 'export.json'));
    assert.equal(JSON.parse(roundTrip.stdout).changed, false);
  });

  it('imports an agency certificate and signs a sample result that pdfsig verifies (issue 5 §1)', async (t) => {
    // Runs after the catalogue import above, which created the agencies.
    const now = new Date();
    const ca = await createCertificateAuthority({ commonName: 'CA thử nghiệm của bài kiểm tra', country: 'VN' }, now);
    const identity = await issueSigningIdentity(ca, { commonName: 'Ủy ban nhân dân phường Hòa Lâm', organization: 'Tỉnh Hòa Bình Xanh', country: 'VN' }, now);
    writeFileSync(path.join(dir, 'agency.p12'), await writePkcs12(identity, 'mật khẩu p12'));
    const withSecret = { ...env, COOKIE_SECRET: 'a-cookie-secret-for-the-cli-test-0123456789' };
    const runWith = (extra: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: { ...withSecret, ...extra }, encoding: 'utf8', timeout: 120_000 });

    const noSecret = run('certificates', 'import', '--agency', '000.00.41.H99', '--file', path.join(dir, 'agency.p12'));
    assert.equal(noSecret.status, 78, 'refused without COOKIE_SECRET');
    const wrong = runWith({ OPENDVC_P12_PASSPHRASE: 'sai' }, 'certificates', 'import', '--agency', '000.00.41.H99', '--file', path.join(dir, 'agency.p12'));
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /passphrase/);
    const imported = runWith({ OPENDVC_P12_PASSPHRASE: 'mật khẩu p12' }, 'certificates', 'import', '--agency', '000.00.41.H99', '--file', path.join(dir, 'agency.p12'));
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /CN=Ủy ban nhân dân phường Hòa Lâm/);

    const none = runWith({}, 'results', 'sample', '--agency', '000.00.42.H99', '--out', path.join(dir, 'none.pdf'));
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no signing certificate/);
    const sample = runWith({}, 'results', 'sample', '--agency', '000.00.41.H99', '--out', path.join(dir, 'sample.pdf'));
    assert.equal(sample.status, 0, sample.stderr);
    if (spawnSync('pdfsig', ['-v']).status !== 0) {
      t.diagnostic('pdfsig (poppler-utils) is not installed: the sample was written but not verified independently.');
      return;
    }
    const check = spawnSync('pdfsig', [path.join(dir, 'sample.pdf')], { encoding: 'utf8' });
    assert.match(check.stdout, /Signature Validation: Signature is Valid\./, check.stdout + check.stderr);
    assert.match(check.stdout, /Signer Certificate Common Name: Ủy ban nhân dân phường Hòa Lâm/);
  });

  it('verifies the audit trail and detects a modified entry', async () => {
    // The imports above audited themselves; the chain must be intact.
    const intact = run('audit', 'verify');
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /intact: [1-9]\d* entries/);
    const handle = database?.url
      ? await connectDatabase({ databaseUrl: database.url })
      : await connectDatabase({ embeddedDir: path.join(dir, 'data', 'pg') });
    try {
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(handle.db);
      await sql`UPDATE audit_entry SET actor_label = 'kẻ xâm nhập' WHERE id = (SELECT min(id) FROM audit_entry)`.execute(handle.db);
      await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`.execute(handle.db);
    } finally {
      await handle.close();
    }
    const broken = run('audit', 'verify');
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /BROKEN at entry \d+: its content was changed/);
  });

  it('serves, answers /readyz, and shuts down cleanly on SIGTERM', async () => {
    const { child, url } = await startServerProcess({ ...env, SEED_DEMO: 'false' });
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
