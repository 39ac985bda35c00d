import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O or 1/I/L: the codes are read off paper.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten one-time codes of 10 characters (about 49 bits each), shown in two groups of five, e.g. `K7MQP-3HZRA`. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

const normalise = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

// The codes are random and long, so a fast hash suffices; only hashes are stored.
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalise(code)).digest('hex');
}

/** The index of the stored hash this code matches (case, spaces and dashes ignored), or -1. */
export function findRecoveryCode(code: string, hashes: readonly string[]): number {
  const candidate = Buffer.from(hashRecoveryCode(code), 'hex');
  return hashes.findIndex((h) => {
    const stored = Buffer.from(h, 'hex');
    return stored.length === candidate.length && timingSafeEqual(stored, candidate);
  });
}
