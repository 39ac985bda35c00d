// Province codes that open a 12-digit citizen identity number (CCCD), per Circular 07/2016/TT-BCA. Numbers keep
// the code of the province where the birth was registered, so the pre-2025 provinces stay valid after mergers.
const provinceCodes = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025', '026',
  '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048', '049', '051',
  '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075', '077', '079', '080',
  '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/**
 * A personal identification number (số định danh cá nhân / CCCD): 12 digits = province code, a digit for
 * gender and century (0/1 born 1900–1999, 2/3 born 2000–2099), the last two digits of the birth year, then
 * six digits. When the date of birth is known, its year must agree.
 */
export function isValidPersonalId(value: string, dateOfBirth?: string): boolean {
  if (!/^\d{12}$/.test(value) || !provinceCodes.has(value.slice(0, 3))) return false;
  const centuryDigit = Number(value[3]);
  if (centuryDigit > 3) return false;
  if (!dateOfBirth) return true;
  const year = (centuryDigit < 2 ? 1900 : 2000) + Number(value.slice(4, 6));
  return dateOfBirth.startsWith(String(year));
}

const taxCodeWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * An enterprise tax code (mã số thuế, also the enterprise code): 10 digits whose last is a check digit, or
 * 13 characters `NNNNNNNNNN-NNN` for a branch or dependent unit. Check digit = 10 − (Σ dᵢ·wᵢ mod 11).
 */
export function isValidTaxCode(value: string): boolean {
  const match = /^(\d{10})(?:-\d{3})?$/.exec(value);
  if (!match) return false;
  const digits = [...match[1]!].map(Number);
  const sum = taxCodeWeights.reduce((total, weight, i) => total + weight * digits[i]!, 0);
  return 10 - (sum % 11) === digits[9];
}
