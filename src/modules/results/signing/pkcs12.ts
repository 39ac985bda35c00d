import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer, serialHex } from './certificates.ts';

// PKCS#12 (RFC 7292) with pkijs, never node-forge: forge's signer mangles non-ASCII subject names. The key bag is
// an EncryptedPrivateKeyInfo, which node:crypto decrypts and encrypts itself (PBES2, AES-256-CBC, PBKDF2-SHA-256,
// the default of OpenSSL 3). The legacy 3DES/RC2 files of old tools are refused with a hint to re-export them.

const bagIds = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3' } as const;
const x509CertId = '1.2.840.113549.1.9.22.1';

/** What signs a document: the private key, its certificate and the chain above it (issuer first). */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: pkijs.Certificate;
  chain: pkijs.Certificate[];
}

export class Pkcs12Error extends Error {}

const utf8 = (s: string): ArrayBuffer => arrayBuffer(Buffer.from(s.normalize('NFC'), 'utf8'));

/** Reads a PKCS#12 file: checks its MAC, decrypts its bags and finds the certificate that matches the key. */
export async function readPkcs12(bytes: Uint8Array, rawPassphrase: string): Promise<SigningIdentity> {
  const passphrase = rawPassphrase.normalize('NFC');
  const password = utf8(passphrase);
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(arrayBuffer(bytes));
  } catch {
    throw new Pkcs12Error('Not a PKCS#12 (.p12/.pfx) file.');
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    throw new Pkcs12Error(`The PKCS#12 file could not be opened (wrong passphrase or unsupported protection): ${(error as Error).message}`);
  }
  const safe = pfx.parsedValue?.authenticatedSafe as pkijs.AuthenticatedSafe | undefined;
  if (!safe) throw new Pkcs12Error('The PKCS#12 file holds no authenticated safe.');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
  } catch (error) {
    throw new Pkcs12Error(`The PKCS#12 contents could not be decrypted (legacy 3DES/RC2 files: re-export with "openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC"): ${(error as Error).message}`);
  }
  const keys: KeyObject[] = [];
  const certificates: pkijs.Certificate[] = [];
  for (const content of (safe.parsedValue as { safeContents: { value: pkijs.SafeContents }[] }).safeContents) {
    for (const bag of content.value.safeBags) {
      if (bag.bagId === bagIds.shroudedKey) {
        const der = Buffer.from((bag.bagValue as pkijs.PKCS8ShroudedKeyBag).toSchema().toBER(false));
        try {
          keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase }));
        } catch (error) {
          throw new Pkcs12Error(`The private key could not be decrypted: ${(error as Error).message}`);
        }
      } else if (bag.bagId === bagIds.key) {
        keys.push(createPrivateKey({ key: Buffer.from((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)), format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === bagIds.cert) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
      }
    }
  }
  if (keys.length !== 1) throw new Pkcs12Error(`The PKCS#12 file must hold exactly one private key (found ${keys.length}).`);
  const privateKey = keys[0]!;
  const publicDer = Buffer.from(createPublicKeyDer(privateKey));
  const certificate = certificates.find((c) => Buffer.from(c.subjectPublicKeyInfo.toSchema().toBER(false)).equals(publicDer));
  if (!certificate) throw new Pkcs12Error('No certificate in the PKCS#12 file matches its private key.');
  return { privateKey, certificate, chain: orderChain(certificate, certificates.filter((c) => c !== certificate)) };
}

function createPublicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
}

/** The chain from the leaf upwards, each certificate's issuer next; certificates not on the path are dropped. */
function orderChain(leaf: pkijs.Certificate, others: pkijs.Certificate[]): pkijs.Certificate[] {
  const chain: pkijs.Certificate[] = [];
  let current = leaf;
  const sameName = (a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames) => a.isEqual(b);
  for (;;) {
    if (sameName(current.issuer, current.subject)) break;
    const issuer = others.find((c) => !chain.includes(c) && sameName(c.subject, current.issuer));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

/**
 * Writes a PKCS#12 file the way OpenSSL 3 does by default (2048 iterations): the key shrouded with PBES2 (AES-256-CBC,
 * PBKDF2-HMAC-SHA-256), the certificates in an encrypted safe, and an HMAC-SHA-256 integrity MAC.
 */
export async function writePkcs12(identity: SigningIdentity, rawPassphrase: string, friendlyName?: string): Promise<Buffer> {
  const passphrase = rawPassphrase.normalize('NFC');
  const password = utf8(passphrase);
  const encryptedKey = identity.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase });
  const attributes = friendlyName
    ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.20', values: [new asn1js.BmpString({ value: friendlyName.normalize('NFC') })] })]
    : undefined;
  const keyBag = new pkijs.SafeBag({ bagId: bagIds.shroudedKey, bagValue: pkijs.PKCS8ShroudedKeyBag.fromBER(arrayBuffer(encryptedKey)), ...(attributes ? { bagAttributes: attributes } : {}) });
  const certBags = [identity.certificate, ...identity.chain].map((certificate) => new pkijs.SafeBag({
    bagId: bagIds.cert, bagValue: new pkijs.CertBag({ certId: x509CertId, certValue: certificate, parsedValue: certificate }),
  }));
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
          ],
        },
      }),
    },
  });
  const encryption = { password, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 }, hmacHashAlgorithm: 'SHA-256', iterationCount: 2048 };
  await (pfx.parsedValue!.authenticatedSafe as pkijs.AuthenticatedSafe).makeInternalValues({ safeContents: [{}, encryption] });
  await pfx.makeInternalValues({ password, iterations: 2048, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' });
  return Buffer.from(pfx.toSchema().toBER(false));
}

/** For messages and the result record: "CN=…, O=…, C=VN" and the serial in hex. */
export { serialHex };
