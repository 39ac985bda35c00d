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

/** Until a gateway is configured, SMS are written to the log (demo users read their codes there). */
export function logSmsSender(log: Logger): SmsSender {
  return {
    async send(message) {
      log.info({ sms: message }, `SMS to ${message.to} (not sent: no SMS gateway yet): ${message.text}`);
    },
  };
}
