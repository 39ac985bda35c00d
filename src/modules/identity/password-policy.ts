import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { MessageKey } from '../../platform/i18n/messages.ts';

// zxcvbn's dictionaries hold the most common leaked passwords and keyboard walks; a score of 3 ("safely
// unguessable") is what NIST SP 800-63B's "check against commonly used passwords" asks of us in practice.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });

export const passwordLength = { min: 10, max: 128 } as const;

/**
 * The password policy for every account (registration, reset, officer activation, change): long enough, not
 * common, not built from the person's own name, e-mail or phone. Returns the message key of the first rule
 * broken, or null when the password is acceptable. No composition rules: length and guessability matter.
 */
export function checkPasswordPolicy(password: string, personalInputs: readonly string[] = []): MessageKey | null {
  const value = password.normalize('NFC');
  if ([...value].length < passwordLength.min) return 'password.tooShort';
  if ([...value].length > passwordLength.max) return 'password.tooLong';
  const inputs = personalInputs.flatMap((s) => [s, ...s.split(/[\s@._-]+/)]).filter((s) => s.length >= 3);
  if (zxcvbn.check(value, inputs).score < 3) return 'password.tooCommon';
  return null;
}
