/**
 * The ten statuses of TT22 Appendix I as synced to DVCQG (`TrangThaiHoSo`, ST-01..ST-10), plus 0 for a draft the
 * applicant has not submitted yet (never synced, CODE-02).
 */
export const dossierStatus = {
  draft: 0, submitted: 1, received: 2, receptionRefused: 3, processing: 4, supplementRequired: 5,
  awaitingPayment: 6, withdrawalRequested: 7, stopped: 8, resolved: 9, returned: 10,
} as const;

export type DossierStatusName = keyof typeof dossierStatus;
export type DossierStatusCode = (typeof dossierStatus)[DossierStatusName];

/** What happened to a dossier. Each is an append-only action row (ARCHITECTURE principle 1, ST-M3). */
export type ActionKind =
  | 'drafted' | 'submitted' | 'received' | 'receptionRefused' | 'forwarded' | 'supplementRequested' | 'supplemented'
  | 'paymentRequested' | 'paid' | 'withdrawalRequested' | 'withdrawalRefused' | 'stopped' | 'resolved' | 'returned'
  | 'extended' | 'earlyReturnNoticed' | 'dueDateRecomputed' | 'assigned' | 'noted'
  // Processing inside the agency (issue 4 §5): the specialist's appraisal, consulting another unit, the leader's approval.
  | 'appraised' | 'consultationRequested' | 'consultationAnswered' | 'approved'
  // Issue 5 §1: a signed result issued, revoked or replaced; each keeps the status.
  | 'resultSigned' | 'resultRevoked' | 'resultReplaced'
  // Issue 5 §4 (P-15): the post's events on an order; none changes the status (the result's delivery is `returned`).
  | 'postalOrderCreated' | 'postalPickedUp' | 'postalInTransit' | 'postalDelivered' | 'postalDeliveryFailed' | 'postalOrderCancelled';

/**
 * The agency's internal deliberation: shown to its officers (marked "nội bộ" for notes), never on the applicant's
 * timeline. The applicant sees the outcome when the result is issued (`resolved`).
 */
export const internalActionKinds: ReadonlySet<ActionKind> = new Set(['noted', 'appraised', 'consultationRequested', 'consultationAnswered', 'approved']);

/** Where an action takes the status: a code, back to the status before the pause, or nowhere (no status change). */
type Target = DossierStatusCode | 'previous' | 'same';

/** Issue 5 §4: postal events are recorded wherever a parcel can be on its way (terminal 10 included: a late one). */
const postal = {
  postalOrderCreated: 'same', postalPickedUp: 'same', postalInTransit: 'same', postalDelivered: 'same', postalDeliveryFailed: 'same', postalOrderCancelled: 'same',
} as const satisfies Partial<Record<ActionKind, Target>>;

/**
 * ST-M1: the transition table as data — from a status, which actions are allowed and where they lead. Anything
 * not listed is refused with a coded error. 3, 8 and 10 are terminal: no action leads out of them (a result revoked
 * or replaced after the return is recorded on a returned dossier, which stays returned).
 */
export const transitions: Readonly<Record<DossierStatusCode, Partial<Record<ActionKind, Target>>>> = {
  0: { drafted: 'same', submitted: 1 },
  1: { received: 2, receptionRefused: 3, supplementRequested: 5, withdrawalRequested: 7, noted: 'same', ...postal },
  2: { forwarded: 4, supplementRequested: 5, paymentRequested: 6, withdrawalRequested: 7, resolved: 9, assigned: 'same', extended: 'same', noted: 'same', dueDateRecomputed: 'same', ...postal },
  3: {},
  4: {
    forwarded: 'same', assigned: 'same', supplementRequested: 5, paymentRequested: 6, withdrawalRequested: 7, stopped: 8, resolved: 9, extended: 'same', earlyReturnNoticed: 'same', noted: 'same', dueDateRecomputed: 'same',
    appraised: 'same', consultationRequested: 'same', consultationAnswered: 'same', approved: 'same', resultSigned: 'same', ...postal,
  },
  // A consulted unit may answer while the applicant is completing the dossier or paying (its own deadline, DL-08).
  5: { supplemented: 'previous', withdrawalRequested: 7, stopped: 8, noted: 'same', dueDateRecomputed: 'same', consultationAnswered: 'same', ...postal },
  6: { paid: 'previous', withdrawalRequested: 7, stopped: 8, noted: 'same', dueDateRecomputed: 'same', consultationAnswered: 'same', ...postal },
  7: { stopped: 8, withdrawalRefused: 'previous', noted: 'same', dueDateRecomputed: 'same', consultationAnswered: 'same', ...postal },
  8: {},
  9: { returned: 10, paymentRequested: 6, earlyReturnNoticed: 'same', noted: 'same', resultSigned: 'same', resultRevoked: 'same', resultReplaced: 'same', ...postal },
  10: { resultRevoked: 'same', resultReplaced: 'same', ...postal },
};

/**
 * The status after an action, or null when the rules forbid it. `previous` is the status the dossier had before
 * it entered the current pause (supplement, payment, withdrawal request).
 */
export function nextStatus(current: DossierStatusCode, previous: DossierStatusCode | null, action: ActionKind): DossierStatusCode | null {
  const target = transitions[current][action];
  if (target === undefined) return null;
  if (target === 'same') return current;
  if (target === 'previous') return previous;
  return target;
}

export function isTerminal(status: DossierStatusCode): boolean {
  return Object.values(transitions[status]).every((target) => target === 'same');
}
