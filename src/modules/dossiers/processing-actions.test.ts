import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingCalendar, defaultRestWeekdays, defaultWorkingHours } from '../../platform/clock/working-calendar.ts';
import { defaultProcess } from '../workflow/process/default-process.ts';
import { findStep } from '../workflow/process/process-definition.ts';
import { availableActions, type ProcessingSituation } from './processing-actions.ts';
import { projectDossier, type DossierActionRecord } from './project-dossier.ts';
import type { ActionKind } from './status-machine.ts';

const process = defaultProcess([{ value: 7, unit: 'workingDays' }]);
const step = (code: string) => findStep(process, code)!;
const now = new Date('2026-12-08T09:00:00+07:00');
const later = new Date('2026-12-16T09:00:00+07:00');
const situation = (s: Partial<ProcessingSituation> & { perms?: string[] }): ProcessingSituation => ({
  status: 4, previousStatus: null, step: step('THAM_DINH'), authority: 'ok', answerable: 0, extended: false, earlyReturnNoticed: false,
  dueAt: later, now, holds: (p) => (s.perms ?? ['dossier.read']).includes(p), ...s,
});
const actions = (s: Partial<ProcessingSituation> & { perms?: string[] }) => availableActions(situation(s)).actions;

describe('the actions offered on the processing page (issue 4 §5)', () => {
  it('offers the specialist at the appraisal step appraisal, forward, supplement through the desk and consultation — nothing of the leader', () => {
    const offered = actions({ perms: ['dossier.read', 'dossier.process'] });
    assert.deepEqual(offered, ['appraise', 'forward', 'requestSupplement', 'consult', 'note']);
    assert.deepEqual(availableActions(situation({})).forwardTargets, [{ kind: 'forward', to: 'PHE_DUYET' }]);
  });

  it('offers nothing of the step to an officer who may not act there (wrong role, or not the holder)', () => {
    assert.deepEqual(actions({ authority: 'wrongRole', perms: ['dossier.read', 'dossier.receive', 'dossier.return'] }), ['earlyReturnNotice', 'note']);
    assert.deepEqual(actions({ authority: 'notHolder', perms: ['dossier.read', 'dossier.process'] }), ['note']);
  });

  it('offers the leader at the approval step approval, send-back to the appraisal, extension and stop — not forward', () => {
    const leader = availableActions(situation({ step: step('PHE_DUYET'), perms: ['dossier.read', 'dossier.approve'] }));
    assert.deepEqual(leader.actions, ['approve', 'sendBack', 'earlyReturnNotice', 'extend', 'stop', 'note']);
    assert.deepEqual(leader.sendBackTargets, [{ kind: 'sendBack', to: 'THAM_DINH' }]);
    assert.deepEqual(leader.forwardTargets, []);
    assert.ok(!actions({ step: step('PHE_DUYET'), extended: true, perms: ['dossier.approve'] }).includes('extend'), 'DL-06: once only');
  });

  it('offers the clerk the issue at the issue step, and the desk the return once resolved', () => {
    assert.deepEqual(actions({ step: step('BAN_HANH'), perms: ['dossier.read', 'dossier.register'] }), ['issue', 'note']);
    assert.deepEqual(actions({ status: 9, step: step('TRA_KET_QUA'), perms: ['dossier.read', 'dossier.return', 'dossier.receive'], dueAt: later }), ['return', 'earlyReturnNotice', 'note']);
    assert.deepEqual(actions({ status: 9, step: step('TRA_KET_QUA'), perms: ['dossier.return'], earlyReturnNoticed: true }), ['return'], 'DL-10: announced once');
    assert.deepEqual(actions({ status: 9, step: step('TRA_KET_QUA'), perms: ['dossier.return'], dueAt: new Date(now.getTime() - 1) }), ['return'], 'no early return after the due date');
  });

  it('follows the status machine: paused, withdrawing and terminal dossiers offer only what their status allows', () => {
    assert.deepEqual(actions({ status: 5, previousStatus: 4, perms: ['dossier.read', 'dossier.process', 'dossier.receive'] }), ['supplemented', 'note']);
    assert.deepEqual(actions({ status: 7, previousStatus: 4, perms: ['dossier.read', 'dossier.approve'] }), ['decideWithdrawal', 'note']);
    assert.deepEqual(actions({ status: 7, previousStatus: 4, answerable: 1, perms: ['dossier.read'] }), ['answerConsultation', 'note'], 'a consulted unit answers while the dossier waits');
    assert.deepEqual(actions({ status: 10, step: undefined, authority: undefined, perms: ['dossier.read', 'dossier.approve', 'dossier.return'] }), []);
    assert.deepEqual(actions({ status: 8, step: undefined, authority: undefined, perms: ['dossier.read', 'dossier.approve'] }), []);
  });

  it('offers consultation only from a step whose process allows it, and the desk forward only at reception', () => {
    const noConsultation = { ...step('THAM_DINH'), consultation: undefined };
    assert.ok(!actions({ step: noConsultation, perms: ['dossier.process'] }).includes('consult'));
    assert.deepEqual(actions({ status: 2, step: step('TIEP_NHAN'), perms: ['dossier.read', 'dossier.receive'] }), ['forward', 'note']);
  });
});

describe('the projection of the processing actions (DL-08)', () => {
  const cal = createWorkingCalendar({ workingHours: defaultWorkingHours, restWeekdays: defaultRestWeekdays, days: [] });
  const rules = { calendar: cal, limit: { value: 7, unit: 'workingDays' as const }, process: { processId: null, definition: process, stepAgencyIds: Object.fromEntries(process.steps.map((s) => [s.code, 41])) } };
  const act = (kind: ActionKind, local: string, payload: DossierActionRecord['payload'] = {}): DossierActionRecord => ({ kind, at: new Date(`${local}+07:00`), payload });
  const log = [act('submitted', '2026-12-07T08:00'), act('received', '2026-12-07T09:00', { code: 'X' }), act('forwarded', '2026-12-07T10:00')];

  it('keeps a consulted unit open until it answers, with the consultation\'s own deadline', () => {
    const asked = projectDossier([...log, act('consultationRequested', '2026-12-08T09:00', { toAgencyId: 7, dueAt: '2026-12-10T09:00:00.000Z' })], rules);
    assert.deepEqual(asked.consultingAgencyIds, [7]);
    assert.equal(asked.consultations[0]!.seq, 4);
    assert.equal(asked.consultations[0]!.dueAt?.toISOString(), '2026-12-10T09:00:00.000Z');
    const answered = projectDossier([...log, act('consultationRequested', '2026-12-08T09:00', { toAgencyId: 7 }), act('consultationAnswered', '2026-12-09T09:00', { requestSeq: 4 })], rules);
    assert.deepEqual(answered.consultingAgencyIds, []);
    assert.equal(answered.consultations[0]!.answeredAt?.toISOString(), new Date('2026-12-09T09:00+07:00').toISOString());
  });

  it('moves an approved dossier to the issue step, and a resolved one to the return step', () => {
    const approved = projectDossier([...log, act('forwarded', '2026-12-08T09:00', { toStep: 'PHE_DUYET' }), act('approved', '2026-12-09T09:00', { outcome: 'granted' })], rules);
    assert.equal(approved.currentStep, 'BAN_HANH');
    assert.equal(approved.status, 4);
    const resolved = projectDossier([...log, act('forwarded', '2026-12-08T09:00', { toStep: 'PHE_DUYET' }), act('approved', '2026-12-09T09:00'), act('resolved', '2026-12-09T10:00')], rules);
    assert.equal(resolved.currentStep, 'TRA_KET_QUA');
    assert.equal(resolved.status, 9);
  });
});
