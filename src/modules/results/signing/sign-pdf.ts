import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { CadesSigner, type TimestampSource } from './cades-signer.ts';
import { commonName } from './certificates.ts';
import type { SigningIdentity } from './pkcs12.ts';

export interface PdfSignatureInput {
  /** Why it is signed, shown by PDF readers ("Ký ban hành kết quả giải quyết thủ tục hành chính"). */
  reason: string;
  location: string;
  contactInfo?: string | undefined;
  /** The signing time, written as /M in the signature dictionary (PAdES keeps it out of the CMS). */
  signingTime: Date;
  timestamp?: TimestampSource | undefined;
}

// Room for the CMS: two certificates, the signature and, with a TSA, its token with the TSA's own certificates.
const signatureLength = 16_384;

/**
 * Signs a PDF (PAdES baseline B-B; B-T with a timestamp source): adds an invisible signature field with
 * /SubFilter /ETSI.CAdES.detached as an incremental update and fills it with the CMS from `CadesSigner`.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, input: PdfSignatureInput): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: input.reason.normalize('NFC'),
    contactInfo: input.contactInfo ?? '',
    name: commonName(identity.certificate.subject),
    location: input.location.normalize('NFC'),
    signingTime: input.signingTime,
    signatureLength,
    subFilter: 'ETSI.CAdES.detached',
    appName: 'OpenDVC',
  });
  return new SignPdf().sign(withPlaceholder, new CadesSigner(identity, input.timestamp));
}
