import { randomBytes } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { createAjv, toFieldErrors } from './platform/validation/validator.ts';

// The one place that reads the environment (ARCHITECTURE "config.ts"). Each setting is described here so
// `opendvc config` and the README can list them.
const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development', description: 'development | test | production. Production refuses demo data and insecure defaults.',
  }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 behind a load balancer).' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port (0 picks a free one).' }),
  PUBLIC_URL: Type.Optional(Type.String({ format: 'uri', description: 'Absolute URL of the portal, used in sitemap.xml and links in notices. Default http://localhost:PORT.' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR/pg.' })),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'Connections in the PostgreSQL pool (embedded mode always uses 1).' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'Folder for the embedded database and local files.' }),
  SEED_DEMO: Type.Optional(Type.Boolean({ description: 'Seed the demo province on first start. Default true outside production; refused in production.' })),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info', description: 'pino log level.' }),
  TRUST_PROXY: Type.Boolean({ default: false, description: 'Trust X-Forwarded-* headers (set behind a load balancer).' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600, description: 'Requests per minute per client IP on public routes.' }),
  RATE_LIMIT_ALLOWLIST: Type.String({ default: '', description: 'Comma-separated client IPs exempt from rate limits (monitoring, load balancer health checks).' }),
  CATALOG_CACHE_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 2, description: 'How often each instance checks the catalogue revision to refresh its caches (0 = every request).' }),
  COOKIE_SECRET: Type.Optional(Type.String({ minLength: 32, description: 'Secret (≥ 32 characters) that signs cookies such as the CSRF secret. Required in production; random per start otherwise.' })),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 30, description: 'Citizens and businesses are signed out after this many idle minutes.' }),
  SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, default: 12, description: 'Citizens and businesses sign in again after this many hours, active or not.' }),
  OFFICER_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, default: 15, description: 'Officers are signed out after this many idle minutes.' }),
  OFFICER_SESSION_ABSOLUTE_HOURS: Type.Integer({ minimum: 1, default: 10, description: 'Officers sign in again after this many hours.' }),
  OIDC_CITIZEN_ISSUER: Type.Optional(Type.String({ format: 'uri', description: 'Issuer URL of the national identity provider (VNeID/DVCQG) for citizens and businesses (OpenID Connect). Unset: the button is hidden. http only on loopback outside production.' })),
  OIDC_CITIZEN_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'Client ID registered for this portal at the citizens\' identity provider.' })),
  OIDC_CITIZEN_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'Client secret for the citizens\' identity provider (client_secret_basic). Unset: a public client (PKCE only).' })),
  OIDC_CITIZEN_SCOPES: Type.String({ minLength: 6, default: 'openid profile email phone address', description: 'Scopes asked of the citizens\' identity provider.' }),
  OIDC_CITIZEN_CLAIMS: Type.Optional(Type.String({ description: 'JSON object mapping profile attributes (fullName, personalId, dateOfBirth, gender, address, phone, email, taxCode, businessName) to claim names; merged over the defaults.' })),
  OIDC_CITIZEN_NAME: Type.String({ minLength: 1, default: 'VNeID', description: 'Name of the citizens\' identity provider on the button and as the source of verified data.' }),
  OIDC_OFFICER_ISSUER: Type.Optional(Type.String({ format: 'uri', description: 'Issuer URL of the province\'s single sign-on for officers (OpenID Connect). Unset: officers sign in with password only. TOTP is still required.' })),
  OIDC_OFFICER_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'Client ID registered for this portal at the officers\' identity provider.' })),
  OIDC_OFFICER_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'Client secret for the officers\' identity provider. Unset: a public client (PKCE only).' })),
  OIDC_OFFICER_NAME: Type.String({ minLength: 1, default: 'SSO tỉnh', description: 'Name of the officers\' identity provider on the sign-in page.' }),
  ACCESS_STATISTICS_FLUSH_SECONDS: Type.Integer({ minimum: 1, maximum: 300, default: 5, description: 'How often each instance writes the page views it counted to the database; a crash loses at most this much of the access statistics.' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'SMTP server for e-mail, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS). Unset outside production: e-mails are written to the log. Required in production.' })),
  MAIL_FROM: Type.Optional(Type.String({ minLength: 3, description: 'Sender of e-mails, e.g. "Cổng Dịch vụ công <no-reply@dichvucong.example.gov.vn>". Default: the portal name at no-reply@ the PUBLIC_URL host.' })),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 100, default: 2000, description: 'How often the worker delivers queued e-mails and SMS (milliseconds).' }),
  OUTBOX_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8, description: 'Delivery attempts (with exponential backoff from 30 s) before a message is set aside as dead.' }),
  FILES_URL: Type.Optional(Type.String({ pattern: '^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/|\\?|$)', description: 'S3-compatible object storage for attachments, e.g. s3://bucket/prefix?endpoint=https://s3.example.vn&region=hn (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY). Unset: files on local disk in DATA_DIR/files.' })),
  UPLOAD_MAX_MB: Type.Integer({ minimum: 1, maximum: 1024, default: 20, description: 'Largest single file any upload accepts (MB); each upload field shows and enforces its own, smaller or equal, limit.' }),
  // payments (issue 5 §2): the gateway's address and merchant credentials; never in the repository.
  PAYMENT_GATEWAY: Type.Union([Type.Literal('vnpay'), Type.Literal('national-platform')], { default: 'vnpay', description: 'Online payment gateway protocol: vnpay (VNPAY-style signed redirect, IPN, querydr/refund) or national-platform (the DVCQG payment platform model, docs/payments.md).' }),
  PAYMENT_GATEWAY_URL: Type.Optional(Type.String({ format: 'uri', description: 'Payment page of the gateway, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html. Unset outside production: the bundled payment simulator is started (demo); unset in production: online payment is off.' })),
  PAYMENT_GATEWAY_API_URL: Type.Optional(Type.String({ format: 'uri', description: 'Merchant API of the gateway (querydr, refund), e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction.' })),
  PAYMENT_MERCHANT_CODE: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Merchant code at the gateway (vnp_TmnCode).' })),
  PAYMENT_HASH_SECRET: Type.Optional(Type.String({ minLength: 8, description: 'Secret shared with the gateway for signing (vnp_HashSecret). Keep it out of the repository.' })),
  PAYMENT_SIMULATOR_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3010, description: 'Port of the bundled payment simulator started by `npm start` outside production when PAYMENT_GATEWAY_URL is unset (0 picks a free one).' }),
  // live-updates (issue 5 §3)
  LIVE_UPDATES_HEARTBEAT_SECONDS: Type.Integer({ minimum: 1, maximum: 300, default: 25, description: 'How often an open live-updates stream (/su-kien) sends a keep-alive comment and re-checks its session; keep proxies\' read timeouts above it.' }),
  LIVE_UPDATES_MAX_STREAMS: Type.Integer({ minimum: 1, maximum: 50, default: 5, description: 'Live-updates streams one session may hold open at once (one per open page).' }),
  // results (issue 5 §1): an RFC 3161 timestamp in every signed result (PAdES B-T) when set.
  TSA_URL: Type.Optional(Type.String({ format: 'uri', description: 'RFC 3161 Time-Stamping Authority for signed results (PAdES B-T), e.g. https://tsa.example.vn/tsr. Unset: results are signed without a timestamp (B-B). When set, a TSA failure fails the signing; nothing is signed without the timestamp.' })),
  TSA_USERNAME: Type.Optional(Type.String({ minLength: 1, description: 'User for HTTP basic authentication at the TSA, if it asks for one.' })),
  TSA_PASSWORD: Type.Optional(Type.String({ description: 'Password for HTTP basic authentication at the TSA. Keep it out of the repository.' })),
  // postal service (issue 5 §4): the postal operator's API and the secret of its signed tracking callbacks.
  POST_OPERATOR_URL: Type.Optional(Type.String({ format: 'uri', description: 'Base URL of the postal operator\'s order API (ViettelPost/VNPost-style JSON). Unset outside production: the bundled postal simulator is started (demo); unset in production: the post is off.' })),
  POST_API_TOKEN: Type.Optional(Type.String({ minLength: 8, description: 'Token sent in the Token header of every call to the postal operator. Keep it out of the repository.' })),
  POST_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16, description: 'Secret shared with the postal operator: its tracking callbacks are signed with HMAC-SHA256 of the body (X-Signature).' })),
  POST_SIMULATOR_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3011, description: 'Port of the bundled postal simulator started by `npm start` outside production when POST_OPERATOR_URL is unset (0 picks a free one).' }),
  // SMS (issue 5 §3): a brandname gateway speaking the eSMS.vn-style JSON protocol; credentials never in the repository.
  SMS_GATEWAY_URL: Type.Optional(Type.String({ format: 'uri', description: 'Send endpoint of the brandname SMS gateway (eSMS.vn-style JSON), e.g. https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/. Unset outside production: the bundled SMS simulator is started (demo); unset in production: SMS stay in the outbox, never sent nor logged.' })),
  SMS_API_KEY: Type.Optional(Type.String({ minLength: 1, description: 'ApiKey of the account at the SMS gateway.' })),
  SMS_SECRET_KEY: Type.Optional(Type.String({ minLength: 1, description: 'SecretKey of the account at the SMS gateway. Keep it out of the repository.' })),
  SMS_BRANDNAME: Type.Optional(Type.String({ minLength: 1, maxLength: 11, description: 'Registered brandname shown as the sender, e.g. HOABINHXANH (at most 11 characters).' })),
  SMS_UNICODE: Type.Boolean({ default: false, description: 'Send SMS with Vietnamese diacritics (UCS-2, 70 characters a segment). Default false: folded to plain text, 160 characters a segment.' }),
  SMS_MAX_SEGMENTS: Type.Integer({ minimum: 1, maximum: 10, default: 3, description: 'Longest SMS in segments; a longer text is cut at a word boundary with "...".' }),
  SMS_SIMULATOR_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3012, description: 'Port of the bundled SMS simulator started by `npm start` outside production when SMS_GATEWAY_URL is unset (0 picks a free one).' }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 10000, description: 'Grace period for in-flight requests on SIGTERM.' }),
});

export type Config = Static<typeof ConfigSchema> & { publicUrl: string; seedDemo: boolean; embedded: boolean; rateLimitAllowlist: string[]; cookieSecret: string };

export const configDescriptions: { name: string; description: string }[] = Object.entries(ConfigSchema.properties).map(
  ([name, schema]) => ({ name, description: String((schema as { description?: string }).description ?? '') }),
);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(ConfigSchema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const validate = createAjv({ coerceTypes: true }).compile(ConfigSchema);
  if (!validate(raw)) {
    const problems = toFieldErrors(validate.errors, 'en').map((e) => `  ${e.path.slice(1) || '(config)'}: ${e.message} (got ${JSON.stringify(raw[e.path.slice(1)] ?? null)})`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const config = raw as Static<typeof ConfigSchema>;
  const production = config.NODE_ENV === 'production';
  if (production && config.SEED_DEMO) throw new ConfigError('Invalid configuration:\n  SEED_DEMO: demo data is never seeded in production.');
  if (production && !config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  DATABASE_URL: production runs on PostgreSQL; set DATABASE_URL.');
  if (production && !config.PUBLIC_URL) throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: production needs the portal\'s public https URL.');
  if (production && !config.SMTP_URL) throw new ConfigError('Invalid configuration:\n  SMTP_URL: production sends account e-mails (verification, password reset); set SMTP_URL.');
  const payment = [config.PAYMENT_GATEWAY_URL, config.PAYMENT_GATEWAY_API_URL, config.PAYMENT_MERCHANT_CODE, config.PAYMENT_HASH_SECRET];
  if (payment.some(Boolean) && !payment.every(Boolean)) throw new ConfigError('Invalid configuration:\n  PAYMENT_GATEWAY_URL, PAYMENT_GATEWAY_API_URL, PAYMENT_MERCHANT_CODE and PAYMENT_HASH_SECRET go together; set all four or none.');
  const post = [config.POST_OPERATOR_URL, config.POST_API_TOKEN, config.POST_WEBHOOK_SECRET];
  if (post.some(Boolean) && !post.every(Boolean)) throw new ConfigError('Invalid configuration:\n  POST_OPERATOR_URL, POST_API_TOKEN and POST_WEBHOOK_SECRET go together; set all three or none.');
  if (config.SMS_GATEWAY_URL && !(config.SMS_API_KEY && config.SMS_SECRET_KEY && config.SMS_BRANDNAME)) throw new ConfigError('Invalid configuration:\n  SMS_GATEWAY_URL needs SMS_API_KEY, SMS_SECRET_KEY and SMS_BRANDNAME.');
  if (production && !config.COOKIE_SECRET) throw new ConfigError('Invalid configuration:\n  COOKIE_SECRET: production needs a secret of at least 32 characters, shared by every instance.');
  return {
    ...config,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''),
    seedDemo: config.SEED_DEMO ?? !production,
    embedded: !config.DATABASE_URL,
    rateLimitAllowlist: config.RATE_LIMIT_ALLOWLIST.split(',').map((s) => s.trim()).filter(Boolean),
    // Outside production a random secret is fine: it only invalidates open forms on restart.
    cookieSecret: config.COOKIE_SECRET ?? randomBytes(32).toString('hex'),
  };
}
