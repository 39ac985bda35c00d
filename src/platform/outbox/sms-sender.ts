/**
 * An SMS gateway: the brandname gateway adapter (src/platform/sms/brandname-sms-gateway.ts) or one of the stand-ins
 * below. `idempotencyKey` is the outbox message's key: a gateway that deduplicates on it never sends a retried
 * message twice.
 */
export interface SmsSender {
  send(message: SmsMessage, delivery?: { idempotencyKey: string }): Promise<void>;
}

export interface SmsMessage {
  /** Vietnamese mobile number in national form, e.g. 0912345678. */
  to: string;
  text: string;
}

interface Logger { info(obj: object, msg?: string): void }

/**
 * In production without SMS_GATEWAY_URL: nothing is sent and nothing written to the log, since an SMS
 * carries a verification code or a password link (SEC-02: no secret in the log). Refusing keeps the message
 * in the outbox, retried and then dead-lettered, so an operator sees what could not go out.
 */
export function unavailableSmsSender(): SmsSender {
  return {
    async send() {
      throw new Error('no SMS gateway configured: message withheld');
    },
  };
}

/** Outside production without a gateway (nor the demo simulator), SMS are written to the log (demo users read their codes there). */
export function logSmsSender(log: Logger): SmsSender {
  return {
    async send(message) {
      log.info({ sms: message }, `SMS to ${message.to} (not sent: no SMS gateway configured): ${message.text}`);
    },
  };
}
