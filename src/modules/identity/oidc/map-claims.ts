/** Our canonical profile attribute names (profile_attribute.name), whatever the provider calls them. */
export const profileAttributeNames = ['fullName', 'personalId', 'dateOfBirth', 'gender', 'address', 'phone', 'email', 'taxCode', 'businessName'] as const;
export type ProfileAttributeName = (typeof profileAttributeNames)[number];
export type ClaimMapping = Record<ProfileAttributeName, string>;

/**
 * Standard OpenID Connect claims where one exists (OIDC Core §5.1); the identity number, tax code and
 * business name have none, so they get plain names a provider can be configured to match.
 */
export const defaultClaimMapping: ClaimMapping = {
  fullName: 'name', personalId: 'personal_id', dateOfBirth: 'birthdate', gender: 'gender', address: 'address',
  phone: 'phone_number', email: 'email', taxCode: 'tax_code', businessName: 'organization_name',
};

export interface MappedIdentity {
  attributes: Partial<Record<ProfileAttributeName, string>>;
  /** A claim set carrying a tax code is a business (P-06); anyone else is a citizen. */
  accountKind: 'citizen' | 'business';
}

const normalisers: Partial<Record<ProfileAttributeName, (value: string) => string | undefined>> = {
  // The 12-digit citizen identity number (CCCD); anything else is not what we think it is.
  personalId: (v) => (/^\d{12}$/.test(v.replace(/\s/g, '')) ? v.replace(/\s/g, '') : undefined),
  dateOfBirth: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined),
  email: (v) => (v.includes('@') ? v.toLowerCase() : undefined),
  phone: (v) => v.replace(/[\s.-]/g, '') || undefined,
  taxCode: (v) => v.replace(/\s/g, '') || undefined,
};

function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().normalize('NFC') || undefined;
  if (typeof value === 'number') return String(value);
  // The standard address claim is an object; its `formatted` member is the whole address (OIDC Core §5.1.1).
  if (value && typeof value === 'object' && 'formatted' in value) return claimText((value as { formatted: unknown }).formatted);
  return undefined;
}

/**
 * Provider claims → our verified attributes. A claim the provider itself marks unverified (`email_verified:
 * false`, `phone_number_verified: false`) is left out: only what the provider vouches for is stored as verified.
 */
export function mapClaims(claims: Record<string, unknown>, mapping: ClaimMapping = defaultClaimMapping): MappedIdentity {
  const attributes: MappedIdentity['attributes'] = {};
  for (const name of profileAttributeNames) {
    const claim = mapping[name];
    if (claims[`${claim}_verified`] === false) continue;
    const text = claimText(claims[claim]);
    const value = text === undefined ? undefined : normalisers[name] ? normalisers[name](text) : text;
    if (value !== undefined) attributes[name] = value;
  }
  return { attributes, accountKind: attributes.taxCode ? 'business' : 'citizen' };
}
