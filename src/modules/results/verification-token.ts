import type { KeyObject } from 'node:crypto';
import { SignJWT, createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

// The compact token of a result (issue 5 §1): a JWS signed with the issuing agency's EdDSA key (kid per key,
// published in /.well-known/jwks.json), so an app can check a result offline. The token printed in the QR code
// cannot carry the hash of the file it is printed in (the hash would change with it), so the QR token holds the
// result's id, number, agency, issue time and masked recipient; the token on the verification page adds `sha256`
// of the signed file, to check a digital copy.

export interface ResultClaims {
  /** The result's id (also the JWT ID). */
  rid: string;
  /** The issuing agency's code. */
  agency: string;
  /** The result's number, "15/2026/KQ". */
  num: string;
  /** The recipient as the public page shows it. */
  to: string;
  /** SHA-256 of the signed PDF, hex; absent in the token printed in the file itself. */
  sha256?: string;
}

export const tokenType = 'opendvc-result+jwt';

export function issueResultToken(key: { kid: string; privateKey: KeyObject }, claims: ResultClaims, issuedAt: Date, issuer: string): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: tokenType })
    .setIssuer(issuer).setJti(claims.rid).setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
    .sign(key.privateKey);
}

/** Checks a token against a JWKS (as an offline app would with a saved copy); null when it does not verify. */
export async function verifyResultToken(jwks: JSONWebKeySet, token: string): Promise<(ResultClaims & { iat: number; kid: string }) | null> {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], typ: tokenType });
    if (typeof payload['rid'] !== 'string' || typeof payload['agency'] !== 'string' || typeof payload.iat !== 'number') return null;
    return { ...(payload as unknown as ResultClaims), iat: payload.iat, kid: protectedHeader.kid ?? '' };
  } catch {
    return null;
  }
}

/** The public verification URL, with the token for offline checks. */
export function verificationUrl(publicUrl: string, resultId: string, token?: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/xac-minh/${resultId}`;
  return token ? `${base}?t=${token}` : base;
}
