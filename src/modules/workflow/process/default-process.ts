import type { TimeLimit } from '../../../platform/clock/due-date.ts';
import type { ProcessDefinition, StepBudget } from './process-definition.ts';

/**
 * The process of a procedure nobody has configured yet (and the template the demo seed starts from): the
 * receiving unit's desk receives, a specialist appraises, the leader approves, the clerk issues, the desk
 * returns — the shape of Decree 61 Art. 17–20. The budgets share out the shortest case's time limit so they
 * add up to at most the legal limit (DL-08): the clerk a tenth, the leader 15 %, the specialist the rest.
 * Deterministic, so a dossier without a pinned process always replays under the same steps.
 */
export function defaultProcess(caseLimits: readonly TimeLimit[]): ProcessDefinition {
  const hours = Math.max(3, Math.min(...caseLimits.map(limitInWorkingHours), 400 * 8));
  const issue = Math.max(1, Math.round(hours * 0.1));
  const approval = Math.max(1, Math.round(hours * 0.15));
  const handling = hours - issue - approval;
  const unit = { kind: 'receivingAgency' } as const;
  return {
    steps: [
      { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ', nameEn: 'Reception', purpose: 'reception', unit, role: 'reception', budget: { value: 8, unit: 'workingHours' },
        next: [{ kind: 'forward', to: 'THAM_DINH' }] },
      { code: 'THAM_DINH', name: 'Thẩm định, đề xuất', nameEn: 'Appraisal', purpose: 'handling', unit, role: 'specialist', budget: budget(handling),
        next: [{ kind: 'forward', to: 'PHE_DUYET' }], consultation: { budget: budget(Math.max(1, Math.round(handling / 2))) } },
      { code: 'PHE_DUYET', name: 'Phê duyệt', nameEn: 'Approval', purpose: 'approval', unit, role: 'leader', budget: budget(approval),
        next: [{ kind: 'forward', to: 'BAN_HANH' }, { kind: 'sendBack', to: 'THAM_DINH' }] },
      { code: 'BAN_HANH', name: 'Ban hành kết quả', nameEn: 'Issuing the result', purpose: 'issue', unit, role: 'clerk', budget: budget(issue),
        next: [{ kind: 'forward', to: 'TRA_KET_QUA' }] },
      { code: 'TRA_KET_QUA', name: 'Trả kết quả', nameEn: 'Return of the result', purpose: 'return', unit, role: 'reception', budget: { value: 8, unit: 'workingHours' }, next: [] },
    ],
  };
}

/** A limit as working hours, for comparing budgets with it: calendar days count as the working days they hold at least. */
export function limitInWorkingHours(limit: TimeLimit): number {
  switch (limit.unit) {
    case 'workingHours': return limit.value;
    case 'workingDays': return limit.value * 8;
    case 'calendarDays': return Math.max(1, Math.floor((limit.value * 5) / 7)) * 8;
  }
}

export function budgetInWorkingHours(b: StepBudget): number {
  return b.unit === 'workingDays' ? b.value * 8 : b.value;
}

function budget(hours: number): StepBudget {
  return hours % 8 === 0 ? { value: hours / 8, unit: 'workingDays' } : { value: hours, unit: 'workingHours' };
}
