import type { SmsSender } from '../outbox/sms-sender.ts';
import { fitSmsSegments } from './fit-sms-segments.ts';
import {
  customerCareSmsType, permanentCodes, requestIdFor, resultCodes, resultMessages, type BrandnameSendReply, type BrandnameSendRequest,
} from './brandname-protocol.ts';
import { countSmsSegments, plainSmsText } from './sms-text.ts';

export interface BrandnameGatewaySettings {
  /** The send endpoint, e.g. https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/ */
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  /** Send with diacritics (UCS-2, 70-character segments) instead of folding to plain text. */
  unicode: boolean;
  maxSegments: number;
  timeoutMs?: number;
}

/**
 * Why a message did not go out. Both kinds throw, so the outbox retries and in the end dead-letters the message;
 * the text says which kind it is, because that is what the operator on the failures page needs to know: a
 * permanent one (bad number, bad key, unregistered brandname) waits for someone to fix it before a resend.
 */
export class SmsGatewayError extends Error {
  readonly permanent: boolean;
  constructor(permanent: boolean, detail: string) {
    super(permanent
      ? `SMS gateway refused the message (permanent: a retry cannot succeed until this is fixed): ${detail}`
      : `SMS gateway unavailable (transient: will be retried): ${detail}`);
    this.name = 'SmsGatewayError';
    this.permanent = permanent;
  }
}

/** What the gateway receives for a text: folded to plain GSM-7 unless Unicode is on, then cut to the segment budget. */
export function gatewayContent(text: string, settings: Pick<BrandnameGatewaySettings, 'unicode' | 'maxSegments'>): { content: string; isUnicode: '0' | '1' } {
  const content = fitSmsSegments(settings.unicode ? text.normalize('NFC') : plainSmsText(text), settings.maxSegments);
  return { content, isUnicode: countSmsSegments(content).encoding === 'UCS-2' ? '1' : '0' };
}

/**
 * The brandname SMS gateway adapter (issue 5 §3; eSMS.vn-style JSON, see brandname-protocol.ts). The outbox
 * message's idempotency key travels as RequestId, so a message retried after a lost answer is not sent twice: the
 * gateway answers "duplicate RequestId", which means the first attempt got through. Error texts never carry the
 * number or the content (they are shown on the back-office failures page; an SMS can hold a code or a link).
 */
export function brandnameSmsGateway(settings: BrandnameGatewaySettings): SmsSender & { description: string } {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    description: `brandname "${settings.brandname}" at ${new URL(settings.url).origin}`,
    async send(message, delivery) {
      const { content, isUnicode } = gatewayContent(message.text, settings);
      const body: BrandnameSendRequest = {
        ApiKey: settings.apiKey, SecretKey: settings.secretKey, Phone: message.to, Content: content, Brandname: settings.brandname,
        SmsType: customerCareSmsType, IsUnicode: isUnicode, ...(delivery ? { RequestId: requestIdFor(delivery.idempotencyKey) } : {}),
      };
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new SmsGatewayError(false, timedOut ? `no answer within ${timeoutMs} ms` : `cannot reach the gateway${cause ? ` (${cause})` : ''}`);
      }
      const text = await response.text();
      if (!response.ok) {
        // Overload and server errors pass; any other refusal of the request itself will be refused again.
        const transient = response.status >= 500 || response.status === 429 || response.status === 408;
        throw new SmsGatewayError(!transient, `HTTP ${response.status}`);
      }
      let reply: BrandnameSendReply;
      try {
        reply = JSON.parse(text) as BrandnameSendReply;
      } catch {
        throw new SmsGatewayError(false, 'unreadable answer (not JSON)');
      }
      const code = String(reply.CodeResult ?? '');
      if (code === resultCodes.accepted || code === resultCodes.duplicateRequestId) return;
      const why = reply.ErrorMessage || resultMessages[code] || 'unknown answer code';
      throw new SmsGatewayError(permanentCodes.has(code), `code ${code || '(none)'} ${why}`);
    },
  };
}
