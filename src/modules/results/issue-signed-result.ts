import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeUpload } from '../../platform/files/store-upload.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { SignPdfError } from '@signpdf/signpdf';
import { attachDossierFile } from '../dossiers/dossier-files.ts';
import { loadAgencySigningKey } from './certificates/load-signing-key.ts';
import { SealError, type SealingKeys } from './certificates/seal.ts';
import { Pkcs12Error } from './signing/pkcs12.ts';
import { maskName } from './mask.ts';
import { renderResultDocument } from './render-result.ts';
import { allocateResultNumber, insertResult } from './repository.ts';
import { resultTemplateInput, type ResultDossier } from './result-dossier.ts';
import { commonName, describeName, serialHex } from './signing/certificates.ts';
import type { TimestampSource } from './signing/cades-signer.ts';
import { signPdf, type PdfSignatureInput } from './signing/sign-pdf.ts';
import type { SigningIdentity } from './signing/pkcs12.ts';
import { TimestampError } from './signing/tsa-client.ts';
import { issueResultToken, verificationUrl } from './verification-token.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';

export interface ResultDeps {
  db: Kysely<Database>;
  files: FileStore;
  keys: SealingKeys;
  publicUrl: string;
  /** The configured TSA (TSA_URL): every result is then signed with a timestamp (PAdES B-T) or not at all. */
  timestamp?: TimestampSource | undefined;
}

/** What is signed: the template filled with the dossier's data, or a PDF the leader uploaded (P-16), signed as is. */
export type ResultSource = { kind: 'template' } | { kind: 'upload'; pdf: Buffer };

export interface ResultText { title: string; decision: string }

export interface SignedResult { id: string; number: string; sha256: string; storedFileId: string; qrToken: string; certificateId: number; signerSubject: string; signerSerial: string; source: ResultSource['kind'] }

/**
 * Generates the result from the template, with its number and verification QR — or takes the uploaded PDF as it is
 * (no dependency here can edit a PDF, so its number and QR code live on the verification page) — signs it with the
 * agency's certificate (PAdES; B-T with the TSA's timestamp when one is configured) and stores the signed PDF
 * (issue 5 §1). Nothing touches the dossier yet: the caller records the action, the dossier file and the result row
 * in one transaction.
 */
export async function produceSignedResult(deps: ResultDeps, actor: Actor, now: Date, lang: Lang, loaded: ResultDossier, text: ResultText,
  source: ResultSource = { kind: 'template' }): Promise<SignedResult> {
  let key;
  try {
    key = await loadAgencySigningKey(deps.db, deps.keys, loaded.agency.id);
  } catch (error) {
    if (error instanceof SealError || error instanceof Pkcs12Error) throw new AppError('signingCertificateMissing', [], { agency: loaded.agency.name });
    throw error;
  }
  if (!key) throw new AppError('signingCertificateMissing', [], { agency: loaded.agency.name });
  const id = randomUUID();
  const year = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  const number = await allocateResultNumber(deps.db, loaded.agency.id, year);
  const applicant = loaded.dossier.applicant as ApplicantSnapshot;
  const qrToken = await issueResultToken(key.token, { rid: id, agency: loaded.agency.code, num: number, to: maskName(applicant.name) }, now, deps.publicUrl);
  const unsigned = source.kind === 'upload'
    ? source.pdf
    : await renderResultDocument(resultTemplateInput(loaded, actor, { ...text, issuedAt: now, number, verificationUrl: verificationUrl(deps.publicUrl, id, qrToken) }));
  const signed = await signResultPdf(unsigned, key.identity, {
    reason: `Ký ban hành ${text.title} số ${number}`, location: loaded.agency.name, signingTime: now, timestamp: deps.timestamp,
  }, source.kind, lang);
  const stored = await storeUpload({ db: deps.db, actor, now, store: deps.files, lang }, {
    stream: Readable.from([signed]), fileName: `ket-qua-${number.replaceAll('/', '-')}.pdf`, policy: { kinds: ['pdf'], maxBytes: 20 * 1024 * 1024 },
  });
  return {
    id, number, sha256: createHash('sha256').update(signed).digest('hex'), storedFileId: stored.id, qrToken, certificateId: key.row.id,
    signerSubject: describeName(key.identity.certificate.subject) || commonName(key.identity.certificate.subject), signerSerial: serialHex(key.identity.certificate),
    source: source.kind,
  };
}

/**
 * `signPdf` with its failures as the leader should read them: a TSA that cannot be reached or answers wrongly fails
 * the signing (never a silent signature without the timestamp the province configured), and a PDF the signer cannot
 * extend (an uploaded file with compressed cross-reference streams) is refused with how to fix it.
 */
export async function signResultPdf(pdf: Buffer, identity: SigningIdentity, input: PdfSignatureInput, source: ResultSource['kind'], lang: Lang): Promise<Buffer> {
  try {
    return await signPdf(pdf, identity, input);
  } catch (error) {
    if (error instanceof TimestampError) throw new AppError('timestampFailed', [], { reason: error.message });
    // The template's own PDFs always parse; an uploaded file that the plain-PDF signer cannot read is the file's fault.
    if (source === 'upload' && (error instanceof SignPdfError || error instanceof TypeError || error instanceof RangeError)) {
      throw new AppError('resultPdfUnsupported', [{ path: '/file', message: t(lang, 'error.resultPdfUnsupported') }]);
    }
    throw error;
  }
}

/** Records a signed result: the dossier file (purpose result) and the result row, under the action that issued it. */
export async function recordSignedResult(trx: Transaction<Database>, actor: Actor, now: Date, loaded: ResultDossier, text: ResultText, signed: SignedResult,
  actionSeq: number, replaces?: string): Promise<void> {
  const applicant = loaded.dossier.applicant as ApplicantSnapshot;
  await attachDossierFile(trx, { dossierId: loaded.dossier.id, storedFileId: signed.storedFileId, purpose: 'result', actionSeq, addedBy: actor.kind === 'officer' ? actor.accountId : null, now });
  await insertResult(trx, {
    id: signed.id, dossier_id: loaded.dossier.id, agency_id: loaded.agency.id, number: signed.number, title: text.title, issued_at: now,
    recipient_name: applicant.name, recipient_id: applicant.personalId ?? applicant.taxCode ?? null, recipient_account_id: loaded.dossier.applicant_account_id,
    stored_file_id: signed.storedFileId, sha256: signed.sha256, certificate_id: signed.certificateId, signer_subject: signed.signerSubject,
    signer_serial: signed.signerSerial, signed_by: actor.kind === 'officer' ? actor.accountId : null, action_seq: actionSeq, replaces: replaces ?? null,
    source: signed.source,
  });
}

/** The seq of the dossier's latest action (the one just appended in this transaction). */
export async function lastActionSeq(trx: Transaction<Database>, dossierId: string): Promise<number> {
  const row = await trx.selectFrom('dossier_action').select((eb) => eb.fn.max('seq').as('seq')).where('dossier_id', '=', dossierId).executeTakeFirstOrThrow();
  return Number(row.seq);
}
