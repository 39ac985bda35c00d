import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listTokenKeys } from './certificates/repository.ts';
import { maskIdentifier, maskName } from './mask.ts';
import { findResultView } from './repository.ts';
import { issueResultToken, verificationUrl, verifyResultToken } from './verification-token.ts';
import { makeQrPng } from '../../platform/pdf/qr-code.ts';
import { loadAgencyTokenKey } from './certificates/load-signing-key.ts';
import type { SealingKeys } from './certificates/seal.ts';

/** The public JWKS (RFC 7517) of every agency token key, retired ones included. */
export async function publicJwks(db: Kysely<Database>): Promise<{ keys: Record<string, string>[] }> {
  return { keys: (await listTokenKeys(db)).map((k) => k.token_public_jwk) };
}

/**
 * What anyone may learn about a result (issue 5 §1): issuer, signer, time, the recipient masked, the signed file's
 * hash and its status (valid; revoked with reason and date; replaced, with the new one). With the token from the
 * QR code, whether it verifies against the published keys and names this very result. Unknown ids: resultNotFound.
 */
export async function getVerification(db: Kysely<Database>, keys: SealingKeys, publicUrl: string, id: string, token?: string) {
  const result = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await findResultView(db, id) : undefined;
  if (!result) throw new AppError('resultNotFound');
  const replacement = result.replaced_by ? await findResultView(db, result.replaced_by) : undefined;
  let tokenCheck: { valid: boolean } | null = null;
  if (token) {
    const claims = await verifyResultToken(await publicJwks(db), token);
    tokenCheck = { valid: claims !== null && claims.rid === result.id && claims.agency === result.agencyCode };
  }
  // The offline token with the file's hash, signed now with the key of the certificate that signed the result.
  const key = await loadAgencyTokenKey(db, keys, result.certificate_id).catch(() => undefined);
  const offlineToken = key
    ? await issueResultToken(key, { rid: result.id, agency: result.agencyCode, num: result.number, to: maskName(result.recipient_name), sha256: result.sha256 }, new Date(result.issued_at), publicUrl)
    : null;
  // An uploaded result is signed as it was drafted, without our QR code in it (no dependency here can edit a PDF):
  // the page shows the code the template would have printed — the same claims, issued at the signing time — to print
  // with the paper copy.
  const qrToken = key && result.source === 'upload'
    ? await issueResultToken(key, { rid: result.id, agency: result.agencyCode, num: result.number, to: maskName(result.recipient_name) }, new Date(result.issued_at), publicUrl)
    : null;
  const qrImage = qrToken ? `data:image/png;base64,${(await makeQrPng(verificationUrl(publicUrl, result.id, qrToken))).toString('base64')}` : null;
  return {
    id: result.id, source: result.source, qrImage, number: result.number, title: result.title, issuedAt: new Date(result.issued_at), agencyName: result.agencyName, agencyCode: result.agencyCode,
    signerSubject: result.signer_subject, signerSerial: result.signer_serial,
    recipient: maskName(result.recipient_name), recipientId: maskIdentifier(result.recipient_id), sha256: result.sha256,
    status: result.status, statusReason: result.status_reason, statusChangedAt: result.status_changed_at ? new Date(result.status_changed_at) : null,
    replacement: replacement ? { id: replacement.id, number: replacement.number } : null,
    tokenCheck, offlineToken,
  };
}

export type VerificationView = Awaited<ReturnType<typeof getVerification>>;
