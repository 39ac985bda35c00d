import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

// The agency's key for the compact verification token in the QR code (issue 5 §1): Ed25519 (JWS alg EdDSA), one per
// certificate, published in /.well-known/jwks.json under its kid.

export interface TokenKey { kid: string; publicJwk: Record<string, string>; privateJwk: Record<string, string> }

export function generateTokenKey(agencyCode: string, now: Date): TokenKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const kid = `${agencyCode}.${day}.${randomBytes(4).toString('hex')}`;
  const publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const privateJwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  return { kid, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'EdDSA' }, privateJwk };
}

export function tokenPrivateKey(privateJwk: Record<string, string>): KeyObject {
  return createPrivateKey({ key: privateJwk, format: 'jwk' });
}
