import { createHash } from 'node:crypto';

/**
 * The JSON protocol of a widely used Vietnamese brandname SMS gateway, modelled on eSMS.vn's
 * `SendMultipleMessage_V4_post_json` (issue 5 §3). Shared by the adapter and the simulator so both speak it alike.
 */
export const sendPath = '/MainService.svc/json/SendMultipleMessage_V4_post_json/';

export interface BrandnameSendRequest {
  ApiKey: string;
  SecretKey: string;
  Phone: string;
  Content: string;
  Brandname: string;
  /** "2": customer care (chăm sóc khách hàng) through a registered brandname. */
  SmsType: string;
  /** "1" with diacritics (70-character segments), "0" plain GSM-7. */
  IsUnicode: '0' | '1';
  /** The sender's deduplication key (at most 50 characters): the gateway never sends the same one twice. */
  RequestId?: string;
  CallbackUrl?: string;
}

export interface BrandnameSendReply {
  CodeResult: string;
  SMSID?: string;
  ErrorMessage?: string;
}

export const customerCareSmsType = '2';

/** Answer codes of the gateway; 100 only means "accepted", delivery to the handset is reported later. */
export const resultCodes = {
  accepted: '100',
  phoneBlocked: '99',
  wrongKey: '101',
  noPriceList: '102',
  insufficientBalance: '103',
  unknownBrandname: '104',
  badPhone: '108',
  unsupportedType: '118',
  duplicateRequestId: '124',
  ipNotAllowed: '140',
  wrongTemplate: '146',
} as const;

export const resultMessages: Record<string, string> = {
  '99': 'The phone number is blocked',
  '100': 'Accepted',
  '101': 'Incorrect ApiKey or SecretKey',
  '102': 'No price list for this account',
  '103': 'Not enough balance to send the message',
  '104': 'Brandname not registered for this account',
  '108': 'Phone number is not in a correct format',
  '118': 'Unsupported message type',
  '124': 'Duplicate RequestId',
  '140': 'IP address not allowed to send',
  '146': 'Wrong customer care template',
};

/**
 * Codes no retry can change: the number, the account's keys, brandname, price list, type, template or IP allow-list
 * are wrong until someone fixes them. The rest (balance, unknown codes, server errors) may pass later.
 */
export const permanentCodes: ReadonlySet<string> = new Set(['99', '101', '102', '104', '108', '118', '140', '146']);

const requestIdLimit = 50;

/**
 * The outbox message's idempotency key as the gateway's RequestId: the key itself when it fits the gateway's 50
 * characters, else a digest of it, deterministic so every retry of one message carries the same id.
 */
export function requestIdFor(idempotencyKey: string): string {
  if (idempotencyKey.length <= requestIdLimit && /^[\w.:@-]+$/.test(idempotencyKey)) return idempotencyKey;
  return `h-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, requestIdLimit - 2)}`;
}

/** Vietnamese mobile numbers: 03x, 05x, 07x, 08x, 09x, in national (0…) or international (84… / +84…) form. */
export function isVietnameseMobile(phone: string): boolean {
  return /^(?:0|\+?84)[35789]\d{8}$/.test(phone);
}
