import type { PostalPurpose } from './tables.ts';

/**
 * The postal fees shown to the applicant (issue 5 §4), VND per parcel of documents inside the province: a small
 * table, as the public postal service's tariff for administrative documents (BCCI) is flat per parcel. The post
 * collects them itself; they are not fees of the dossier.
 */
export const postalFees: Readonly<Record<PostalPurpose, number>> = { pickup: 25_000, result: 25_000 };

export function quotePostalFee(choice: { sendPapers: boolean; returnResult: boolean }): number {
  return (choice.sendPapers ? postalFees.pickup : 0) + (choice.returnResult ? postalFees.result : 0);
}
