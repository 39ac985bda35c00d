import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { ConfigError, configDescriptions, loadConfig, type Config } from './config.ts';
import { connectDatabase, type DatabaseHandle } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { buildApp } from './app.tsx';
import { seedDemoProvince } from './seed-demo.ts';
import { importCatalog } from './modules/catalog/import-catalog.ts';
import { exportCatalog } from './modules/catalog/export-catalog.ts';
import { catalogSchemaDocument } from './modules/catalog/catalog-schema-document.ts';
import { startWorker, type OutboxDelivery } from './platform/jobs/worker.ts';
import { createOutboxChannels, createOutboxHandlers } from './platform/outbox/outbox-handlers.ts';
import { defaultDeliveryPolicy } from './platform/outbox/deliver-outbox.ts';
import { defaultSite } from './platform/views/site.ts';
import { verifyAuditChain } from './platform/audit/verify-audit-chain.ts';
import { listDemoAccounts } from './modules/identity/seed-demo-accounts.ts';
import { currentTotp } from './modules/identity/totp.ts';
import { createFileStore } from './platform/files/create-file-store.ts';
import { dossierNoticeHandler } from './modules/dossiers/store-dossier-notice.ts';
import { notificationEmailHandler } from './modules/notifications/notification-email.ts';
import { notificationSmsHandler } from './modules/notifications/notification-sms.ts';
import { paymentRefundHandler } from './modules/payments/refund-payment.ts';
import { gatewayFromConfig } from './modules/payments/gateway/gateway-from-config.ts';
import { postalOrderHandler } from './modules/postal/place-postal-order.ts';
import { operatorFromConfig } from './modules/postal/operator/operator-from-config.ts';
import { CertificateImportError, importAgencyCertificate } from './modules/results/certificates/import-agency-certificate.ts';
import { sealingKeysFrom } from './modules/results/certificates/seal.ts';
import { Pkcs12Error } from './modules/results/signing/pkcs12.ts';
import { SampleResultError, signSampleResult } from './modules/results/sign-sample-result.ts';
import { timestampSourceFrom } from './modules/results/signing/timestamp-from-config.ts';
import { SealError } from './modules/results/certificates/seal.ts';

async function open(config: Config): Promise<DatabaseHandle> {
  return connectDatabase({ databaseUrl: config.DATABASE_URL, embeddedDir: path.join(config.DATA_DIR, 'pg'), poolSize: config.DATABASE_POOL_SIZE });
}

async function withDatabase<T>(work: (handle: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await open(config);
  try {
    await migrateToLatest(handle.db);
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

interface Logger { info(obj: object, msg?: string): void }

function outboxDelivery(config: Config, handle: DatabaseHandle, log: Logger): OutboxDelivery & { mailDescription: string; smsDescription: string | undefined } {
  const smsGateway = config.SMS_GATEWAY_URL && config.SMS_API_KEY && config.SMS_SECRET_KEY && config.SMS_BRANDNAME
    ? { url: config.SMS_GATEWAY_URL, apiKey: config.SMS_API_KEY, secretKey: config.SMS_SECRET_KEY, brandname: config.SMS_BRANDNAME, unicode: config.SMS_UNICODE, maxSegments: config.SMS_MAX_SEGMENTS }
    : undefined;
  const channels = createOutboxChannels({
    smtpUrl: config.SMTP_URL, mailFrom: config.MAIL_FROM, publicUrl: config.publicUrl, portalName: defaultSite.portalName, production: config.NODE_ENV === 'production', smsGateway,
  }, log);
  // Module topics: notification e-mails and SMS (their links made absolute here) and notices stored with their dossier.
  const moduleHandlers = {
    notificationEmail: notificationEmailHandler({ mail: channels.mail, publicUrl: config.publicUrl }),
    notificationSms: notificationSmsHandler({ sms: channels.sms, publicUrl: config.publicUrl }),
    dossierNotice: dossierNoticeHandler({ db: handle.db, files: createFileStore(config), publicUrl: config.publicUrl, now: () => new Date() }),
  };
  return {
    // Refunds go to the payment gateway through the outbox too (issue 5 §2).
    // Postal orders and cancels go to the postal operator the same way (issue 5 §4).
    handlers: {
      ...createOutboxHandlers(channels, moduleHandlers), paymentRefund: paymentRefundHandler(handle.db, gatewayFromConfig(config)),
      postalOrder: postalOrderHandler(handle.db, operatorFromConfig(config)),
    },
    intervalMs: config.OUTBOX_POLL_MS,
    policy: { ...defaultDeliveryPolicy, maxAttempts: config.OUTBOX_MAX_ATTEMPTS }, mailDescription: channels.mail.description,
    smsDescription: channels.smsDescription,
  };
}

/**
 * Outside production, with no gateway configured, the bundled payment simulator (src/dev/payment-simulator.ts, like
 * `npm run idp` for sign-in) is started in-process with a fresh secret, and the settings point at it (issue 5 §2).
 */
async function withDemoPaymentGateway(config: Config): Promise<{ config: Config; simulator?: { url: string; close(): Promise<void> } }> {
  if (config.NODE_ENV === 'production' || config.PAYMENT_GATEWAY_URL) return { config };
  const { startPaymentSimulator } = await import('./dev/payment-simulator.ts');
  const { randomBytes } = await import('node:crypto');
  const merchant = { tmnCode: 'OPENDVC1', hashSecret: randomBytes(24).toString('hex') };
  // Another demo (or a test) may hold the port: then any free port will do, the settings follow it.
  const simulator = await startPaymentSimulator({ port: config.PAYMENT_SIMULATOR_PORT, host: config.HOST, merchant }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return startPaymentSimulator({ port: 0, host: config.HOST, merchant });
  });
  return {
    config: { ...config, PAYMENT_GATEWAY: 'vnpay', PAYMENT_GATEWAY_URL: simulator.paymentUrl, PAYMENT_GATEWAY_API_URL: simulator.apiUrl, PAYMENT_MERCHANT_CODE: merchant.tmnCode, PAYMENT_HASH_SECRET: merchant.hashSecret },
    simulator,
  };
}

/**
 * Outside production, with no postal operator configured, the bundled postal simulator (src/dev/postal-simulator.ts)
 * is started in-process with a fresh token and secret; its parcels move one step every 20 seconds and its callbacks
 * come back to this server (issue 5 §4).
 */
async function withDemoPostalOperator(config: Config): Promise<{ config: Config; postal?: { url: string; close(): Promise<void> } }> {
  if (config.NODE_ENV === 'production' || config.POST_OPERATOR_URL) return { config };
  const { startPostalSimulator } = await import('./dev/postal-simulator.ts');
  const { randomBytes } = await import('node:crypto');
  const secrets = { token: randomBytes(16).toString('hex'), webhookSecret: randomBytes(24).toString('hex') };
  const options = { host: config.HOST, ...secrets, webhookUrl: `${config.publicUrl}/api/v1/postal/callback`, advanceEveryMs: 20_000 };
  const postal = await startPostalSimulator({ ...options, port: config.POST_SIMULATOR_PORT }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return startPostalSimulator({ ...options, port: 0 });
  });
  return { config: { ...config, POST_OPERATOR_URL: postal.url, POST_API_TOKEN: secrets.token, POST_WEBHOOK_SECRET: secrets.webhookSecret }, postal };
}

/**
 * Outside production, with no SMS gateway configured, the bundled SMS simulator (src/dev/sms-simulator.ts) is started
 * in-process with fresh keys and the settings point at it: demo users read their verification codes on its page
 * (issue 5 §3).
 */
async function withDemoSmsGateway(config: Config): Promise<{ config: Config; smsSimulator?: { url: string; close(): Promise<void> } }> {
  if (config.NODE_ENV === 'production' || config.SMS_GATEWAY_URL) return { config };
  const { startSmsSimulator } = await import('./dev/sms-simulator.ts');
  const { randomBytes } = await import('node:crypto');
  const account = { apiKey: randomBytes(12).toString('hex'), secretKey: randomBytes(12).toString('hex'), brandnames: [config.SMS_BRANDNAME ?? 'HOABINHXANH'] };
  // Another demo (or a test) may hold the port: then any free port will do, the settings follow it.
  const smsSimulator = await startSmsSimulator({ port: config.SMS_SIMULATOR_PORT, host: config.HOST, account }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return startSmsSimulator({ port: 0, host: config.HOST, account });
  });
  return {
    config: { ...config, SMS_GATEWAY_URL: smsSimulator.sendUrl, SMS_API_KEY: account.apiKey, SMS_SECRET_KEY: account.secretKey, SMS_BRANDNAME: account.brandnames[0] },
    smsSimulator,
  };
}

async function serve(options: { worker: boolean }): Promise<void> {
  const { config: withPayments, simulator } = await withDemoPaymentGateway(loadConfig());
  const { config: withPost, postal } = await withDemoPostalOperator(withPayments);
  const { config, smsSimulator } = await withDemoSmsGateway(withPost);
  const handle = await open(config);
  const applied = await migrateToLatest(handle.db);
  const app = await buildApp({ config, db: handle.db, listen: handle.listen });
  if (applied.length) app.log.info({ migrations: applied }, 'database migrated');
  if (config.seedDemo) {
    const seed = await seedDemoProvince(handle.db, new Date());
    if (seed.seeded) app.log.info({ summary: seed.summary }, 'demo province seeded');
  }
  // PGlite is single-process, so embedded mode runs the job worker here; with PostgreSQL it is a separate `worker`.
  const delivery = outboxDelivery(config, handle, app.log);
  const worker = options.worker || handle.embedded ? await startWorker(handle, app.log, delivery, config) : undefined;
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.PUBLIC_URL ?? address.replace('127.0.0.1', 'localhost');
  process.stdout.write([
    '',
    `  OpenDVC is running: ${url}`,
    `    Portal:        ${url}/`,
    `    API docs:      ${url}/api/docs  (OpenAPI: ${url}/api/openapi.json)`,
    `    Database:      ${handle.embedded ? `embedded PGlite in ${path.resolve(config.DATA_DIR, 'pg')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `    E-mail:        ${config.SMTP_URL ? delivery.mailDescription : 'not sent (no SMTP_URL): each message, links included, is written to this log'}${worker ? '' : ' — sent by the `worker` process'}`,
    smsSimulator
      ? `    SMS:           demo gateway simulator; read the messages (verification codes too) at ${smsSimulator.url}/ (\`npm run smssim\` runs it alone)`
      : delivery.smsDescription ? `    SMS:           ${delivery.smsDescription}${worker ? '' : ' — sent by the `worker` process'}` : '    SMS:           not sent (no SMS_GATEWAY_URL): messages stay in the outbox, never in the log',
    simulator ? `    Payments:      demo gateway simulator at ${simulator.url} (no real money; \`npm run paysim\` runs it alone)` : `    Payments:      ${config.PAYMENT_GATEWAY_URL ? `${config.PAYMENT_GATEWAY} gateway` : 'online payment off (no PAYMENT_GATEWAY_URL)'}`,
    postal ? `    Post:          demo postal simulator at ${postal.url} (parcels move every 20 s; \`npm run postsim\` runs it alone)` : `    Post:          ${config.POST_OPERATOR_URL ? 'postal operator configured' : 'postal service off (no POST_OPERATOR_URL)'}`,
    config.seedDemo ? '    Demo data:     Tỉnh Hòa Bình Xanh (fictional province) — demo accounts below, never in production.' : '',
    '',
  ].filter((line, i, all) => line !== '' || i === 0 || i === all.length - 1).join('\n') + '\n');
  if (config.seedDemo) process.stdout.write(await demoAccountsBanner(handle, url));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => { app.log.error('shutdown timed out'); process.exit(1); }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    await app.close();
    await worker?.stop();
    await simulator?.close();
    await postal?.close();
    await smsSimulator?.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function demoAccountsBanner(handle: DatabaseHandle, url: string): Promise<string> {
  const demo = await listDemoAccounts(handle.db);
  const lines = demo.accounts.map((a) => `    ${a.email.padEnd(38)} ${(a.roles || a.kind).padEnd(14)} ${a.name}${a.totpSecret ? `  TOTP secret: ${a.totpSecret}` : ''}`);
  return [
    `  Demo accounts (password for all: ${demo.password}) — sign in at ${url}/dang-nhap`,
    ...lines,
    '    Officers: add the TOTP secret to an authenticator app (or run `npm run opendvc -- demo totp EMAIL`).',
    '',
  ].join('\n') + '\n';
}

async function worker(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new ConfigError('The worker runs as its own process only with PostgreSQL (DATABASE_URL); in embedded mode `serve` runs it.');
  const handle = await open(config);
  await migrateToLatest(handle.db);
  const { default: pino } = await import('pino');
  const log = pino({ level: config.LOG_LEVEL });
  const running = await startWorker(handle, log, outboxDelivery(config, handle, log), config);
  const stop = async () => { await running.stop(); await handle.close(); process.exit(0); };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

const program = new Command('opendvc').description('OpenDVC — Public Service Portal and Single-Window Information System');

program.command('serve').description('Serve the portal, back office and API (migrates and, outside production, seeds the demo province)')
  .option('--worker', 'also run the job worker in this process (always so with the embedded database)')
  .action((o: { worker?: boolean }) => serve({ worker: Boolean(o.worker) }));

program.command('worker').description('Run background jobs (PostgreSQL only)').action(worker);

program.command('migrate').description('Apply pending SQL migrations').action(() => withDatabase(async (handle) => {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
}));

program.command('seed').description('Seed the demo province (once per database; never in production)').action(() => withDatabase(async (handle, config) => {
  if (config.NODE_ENV === 'production') throw new ConfigError('Demo data is never seeded in production.');
  const result = await seedDemoProvince(handle.db, new Date());
  console.log(result.seeded ? `Seeded: ${JSON.stringify(result.summary)}` : 'The demo province was already seeded.');
}));

const importCommand = program.command('import').description('Import data');
importCommand.command('catalog <file>').description('Import a catalogue file (docs/catalog-format.md): validated whole, applied in one transaction')
  .option('--lang <lang>', 'language of error messages (vi|en)', 'vi')
  .action((file: string, o: { lang: string }) => withDatabase(async (handle) => {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      process.exitCode = 2;
      return;
    }
    const result = await importCatalog(handle.db, input, { source: `import:${path.basename(file)}`, now: new Date(), lang: o.lang === 'en' ? 'en' : 'vi' });
    if (!result.ok) {
      console.error(`${file}: ${result.errors.length} error(s); nothing was imported.`);
      for (const e of result.errors) console.error(`  ${e.path}: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify(result.summary, null, 2));
  }));

const exportCommand = program.command('export').description('Export data');
exportCommand.command('catalog').description('Export the whole catalogue in the import format')
  .option('-o, --out <file>', 'write to a file instead of standard output')
  .action((o: { out?: string }) => withDatabase(async (handle) => {
    const text = `${JSON.stringify(await exportCatalog(handle.db), null, 2)}\n`;
    if (o.out) await writeFile(o.out, text);
    else process.stdout.write(text);
  }));
exportCommand.command('catalog-schema').description('Print the JSON Schema of the catalogue format')
  .action(() => { process.stdout.write(`${JSON.stringify(catalogSchemaDocument(), null, 2)}\n`); });

const auditCommand = program.command('audit').description('Audit trail');
auditCommand.command('verify').description('Recompute the hash chain of the audit trail; exit 1 if any entry was changed or removed')
  .action(() => withDatabase(async (handle) => {
    const verdict = await verifyAuditChain(handle.db);
    if (verdict.ok) {
      console.log(`Audit trail intact: ${verdict.entries} entries.`);
      return;
    }
    const why = { hashMismatch: 'its content was changed', linkMismatch: 'the entry before it was removed or changed', headMismatch: 'entries after it were removed' }[verdict.reason];
    console.error(`Audit trail BROKEN at entry ${verdict.brokenAt}: ${why}.`);
    process.exitCode = 1;
  }));

program.command('demo').description('Demo installation helpers').command('totp <email>')
  .description('Print the current TOTP code of a demo officer (demo data only)')
  .action((email: string) => withDatabase(async (handle, config) => {
    if (!config.seedDemo) throw new ConfigError('Demo helpers are available only where the demo province is seeded.');
    const account = (await listDemoAccounts(handle.db)).accounts.find((a) => a.email === email.toLowerCase());
    if (!account?.totpSecret) {
      console.error(`${email}: not a demo officer.`);
      process.exitCode = 1;
      return;
    }
    console.log(currentTotp(account.totpSecret, new Date()));
  }));

// Issue 5 §1: agencies' signing certificates. The passphrase never goes on the command line (it would sit in the
// shell history and the process list): it is read from an environment variable.
const certificatesCommand = program.command('certificates').description('Signing certificates of agencies (signed results)');
certificatesCommand.command('import').description('Install a PKCS#12 (.p12/.pfx) as an agency\'s signing certificate; the previous one is retired')
  .requiredOption('--agency <code>', 'the agency\'s code, e.g. 000.00.41.H99')
  .requiredOption('--file <p12>', 'the PKCS#12 file')
  .option('--passphrase-env <name>', 'environment variable holding the passphrase', 'OPENDVC_P12_PASSPHRASE')
  .action((o: { agency: string; file: string; passphraseEnv: string }) => withDatabase(async (handle, config) => {
    if (!config.COOKIE_SECRET) throw new ConfigError('Invalid configuration:\n  COOKIE_SECRET: set it (the same on every instance) before importing certificates; their passphrases are sealed with it.');
    const passphrase = process.env[o.passphraseEnv];
    if (passphrase === undefined) {
      console.error(`Set the passphrase in the environment variable ${o.passphraseEnv}.`);
      process.exitCode = 2;
      return;
    }
    try {
      const imported = await importAgencyCertificate(handle.db, sealingKeysFrom(config), { agencyCode: o.agency, pkcs12: await readFile(o.file), passphrase, now: new Date() });
      console.log(`Installed for ${imported.agencyCode}: ${imported.subject} (issuer ${imported.issuer}, serial ${imported.serial}, valid to ${imported.notAfter.toISOString()}); token key ${imported.kid}.`);
    } catch (error) {
      if (!(error instanceof CertificateImportError || error instanceof Pkcs12Error)) throw error;
      console.error(`${o.file}: ${error.message}`);
      process.exitCode = 1;
    }
  }));

program.command('results').description('Signed results').command('sample')
  .description('Write a result signed with an agency\'s configured certificate, to check the certificate before going live')
  .requiredOption('--agency <code>', 'the agency\'s code, e.g. 000.00.41.H99')
  .requiredOption('--out <file>', 'where to write the signed PDF')
  .action((o: { agency: string; out: string }) => withDatabase(async (handle, config) => {
    try {
      const sample = await signSampleResult(handle.db, sealingKeysFrom(config), { agencyCode: o.agency, now: new Date(), publicUrl: config.publicUrl, timestamp: timestampSourceFrom(config) });
      await writeFile(o.out, sample.pdf);
      console.log(`Signed ${o.out} with ${sample.subject} (serial ${sample.serial}, valid to ${sample.notAfter.toISOString()})${sample.timestamped ? ', timestamped by the TSA at TSA_URL' : ''}. Check it, e.g. with "pdfsig ${o.out}".`);
    } catch (error) {
      if (!(error instanceof SampleResultError || error instanceof SealError || error instanceof Pkcs12Error)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  }));

program.command('config').description('List every setting and what it does').action(() => {
  for (const c of configDescriptions) console.log(`${c.name.padEnd(24)} ${c.description}`);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
