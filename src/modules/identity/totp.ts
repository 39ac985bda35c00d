import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const params = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A new 160-bit secret, base32 (32 characters), as RFC 4226 recommends. */
export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return new TOTP({ ...params, issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * Checks a code against the step before, the current step and the one after (clock drift of ±30 s). A step at
 * or before `lastUsedStep` is refused, so a code seen over someone's shoulder cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastUsedStep?: number): { ok: true; step: number } | { ok: false } {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const totp = new TOTP({ ...params, secret: Secret.fromBase32(secret) });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return { ok: false };
  const step = TOTP.counter({ period: params.period, timestamp: now.getTime() }) + delta;
  if (lastUsedStep !== undefined && step <= lastUsedStep) return { ok: false };
  return { ok: true, step };
}

/** The code an authenticator app shows now (for the demo helper and tests acting as the officer's phone). */
export function currentTotp(secret: string, now: Date): string {
  return new TOTP({ ...params, secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}
