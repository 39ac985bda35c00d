import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Argon2id with OWASP's second recommended setting (m = 19 MiB, t = 2, p = 1): about 30 ms a hash on one core,
// which keeps a sign-in burst from starving the 2-core servers provinces run on.
const argon2id = 2 as Algorithm;
const policy: Options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The PHC string (`$argon2id$v=19$m=…`) stored for a password; the salt is random per hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), policy);
}

/** Compares in constant time; a stored value that is not an Argon2 hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** True when the stored hash was made with weaker parameters than today's policy: rehash at the next sign-in. */
export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return used.algorithm !== argon2id || used.memoryCost < policy.memoryCost! || used.timeCost < policy.timeCost!;
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real verification, so an unknown account answers as slowly as a known one. */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('opendvc-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
