/** An SMS gateway. The notifications issue brings the real adapter and its simulator; they implement this. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface SmsMessage {
  /** Vietnamese mobile number in national form, e.g. 0912345678. */
  to: string;
  text: string;
}

interface Logger { info(obj: object, msg?: string): void }

/**
 * In production until a gateway adapter exists: nothing is sent and nothing written to the log, since an SMS
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

/** Until a gateway is configured, outside production, SMS are written to the log (demo users read their codes there). */
export function logSmsSender(log: Logger): SmsSender {
  return {
    async send(message) {
      log.info({ sms: message }, `SMS to ${message.to} (not sent: no SMS gateway yet): ${message.text}`);
    },
  };
}
