/**
 * The portal's public address, for links in SMS (issue 5 §3). An e-mail's link is finished by its outbox worker,
 * but an SMS is queued as the final text on the shared `sms` topic, so it must be absolute when queued. Set once
 * when the app is built (src/app.tsx), since the notifying use cases run inside dossier actions far from config.
 */
let address = '';

export function setPublicAddress(url: string): void {
  address = url.replace(/\/$/, '');
}

export function publicAddress(): string {
  return address;
}
