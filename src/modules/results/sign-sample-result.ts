import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { loadAgencySigningKey } from './certificates/load-signing-key.ts';
import type { SealingKeys } from './certificates/seal.ts';
import { renderResultDocument } from './render-result.ts';
import { placeOf } from './result-dossier.ts';
import { describeName, serialHex } from './signing/certificates.ts';
import type { TimestampSource } from './signing/cades-signer.ts';
import { signPdf } from './signing/sign-pdf.ts';
import { TimestampError } from './signing/tsa-client.ts';

export class SampleResultError extends Error {}

/**
 * A signed sample result with an agency's configured certificate (issue 5 §1, `opendvc results sample`): an operator
 * checks a newly imported certificate — passphrase, chain, signature — before going live. Nothing is recorded; the
 * QR code leads to the published root certificates.
 */
export async function signSampleResult(db: Kysely<Database>, keys: SealingKeys, input: { agencyCode: string; now: Date; publicUrl: string; timestamp?: TimestampSource | undefined }) {
  const agency = await db.selectFrom('agency').select(['id', 'code', 'name']).where('code', '=', input.agencyCode).executeTakeFirst();
  if (!agency) throw new SampleResultError(`No agency has the code ${input.agencyCode}.`);
  const key = await loadAgencySigningKey(db, keys, agency.id);
  if (!key) throw new SampleResultError(`${agency.code} has no signing certificate: install one with "opendvc certificates import".`);
  const unsigned = await renderResultDocument({
    issuer: { agencyName: agency.name, place: placeOf(agency.name) }, number: 'MẪU', issuedAt: input.now,
    title: 'Kết quả mẫu – kiểm tra chứng thư số',
    dossier: { code: null, reference: 'MAU', procedureName: 'Kiểm tra cấu hình chữ ký số', procedureCode: '0.000000', applicant: { kind: 'citizen', name: 'Nguyễn Văn Mẫu' } },
    decision: `Văn bản mẫu do lệnh "opendvc results sample" tạo để kiểm tra chứng thư số của ${agency.name} trước khi sử dụng. Văn bản không có giá trị pháp lý.`,
    signer: { title: 'Thủ trưởng cơ quan', name: '' },
    verificationUrl: `${input.publicUrl.replace(/\/+$/, '')}/xac-minh/chung-thu-so-goc.pem`,
  });
  // With TSA_URL set the sample proves the TSA too; a TSA failure fails the sample, as it fails a real signing.
  const pdf = await signPdf(unsigned, key.identity, { reason: 'Ký thử kết quả mẫu', location: agency.name, signingTime: input.now, timestamp: input.timestamp })
    .catch((error: unknown) => {
      if (error instanceof TimestampError) throw new SampleResultError(`The TSA at TSA_URL gave no usable timestamp (${error.message}); nothing was signed.`);
      throw error;
    });
  return { pdf, timestamped: input.timestamp !== undefined, subject: describeName(key.identity.certificate.subject), serial: serialHex(key.identity.certificate), notAfter: key.identity.certificate.notAfter.value };
}
