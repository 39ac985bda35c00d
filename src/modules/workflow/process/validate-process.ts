import type { TimeLimit } from '../../../platform/clock/due-date.ts';
import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { createAjv, toFieldErrors, type FieldError } from '../../../platform/validation/validator.ts';
import { budgetInWorkingHours, limitInWorkingHours } from './default-process.ts';
import { ProcessDefinition, type ProcessStep, type StepTransition } from './process-definition.ts';

// Validating a procedure's internal process before it is saved or published (issue 4 §2; S-b, DL-08): first the
// JSON Schema with the project's one validator (ARCHITECTURE principle 4), then the rules a schema cannot say,
// each reported on the step and field it concerns (`/steps/2/budget/value`) in the reader's language.

const checkSchema = createAjv().compile(ProcessDefinition);

/** Transitions that take a dossier on towards its result; `sendBack` only goes back. */
const onward: ReadonlySet<StepTransition['kind']> = new Set(['forward', 'handOver', 'transfer']);

export interface ProcessRules {
  /** The time limits of the procedure's cases: the budgets must fit in the shortest. */
  caseLimits: readonly TimeLimit[];
  /** Codes of the agencies that exist, for steps done by a named unit. */
  agencyCodes: ReadonlySet<string>;
}

/** The longest way from reception to return and what its steps in between add up to (DL-08). */
export interface BudgetTotal {
  /** Codes of the steps on the path, reception and return included. */
  path: string[];
  /** Working hours of the steps strictly between reception and return. */
  hours: number;
  /** The shortest case's limit in working hours. */
  limitHours: number;
}

export type ProcessValidation =
  | { ok: true; definition: ProcessDefinition; total: BudgetTotal }
  /** `schema`: not even the shape of a process (nothing can be stored); `rules`: a process that may not be published yet. */
  | { ok: false; stage: 'schema' | 'rules'; errors: FieldError[]; total?: BudgetTotal | undefined };

/** Every problem of a process, or the process itself (typed) with its budget total. Pure. */
export function validateProcess(input: unknown, rules: ProcessRules, lang: Lang): ProcessValidation {
  if (!checkSchema(input)) return { ok: false, stage: 'schema', errors: toFieldErrors(checkSchema.errors, lang) };
  const definition = input as ProcessDefinition;
  const { steps } = definition;
  const errors: FieldError[] = [];
  const error = (path: string, key: Parameters<typeof t>[1], params: Record<string, string | number> = {}) => errors.push({ path, message: t(lang, key, params) });
  const index = new Map<string, number>();

  steps.forEach((step, i) => {
    const first = index.get(step.code);
    if (first === undefined) index.set(step.code, i);
    else error(`/steps/${i}/code`, 'process.rule.duplicateCode', { code: step.code, step: first + 1 });
  });
  const first = steps[0]!;
  if (first.purpose !== 'reception') error('/steps/0/purpose', 'process.rule.firstPurpose');
  if (first.role !== 'reception') error('/steps/0/role', 'process.rule.firstRole');
  const returns = steps.flatMap((s, i) => (s.purpose === 'return' ? [i] : []));
  if (returns.length === 0) error(`/steps/${steps.length - 1}/purpose`, 'process.rule.noReturn');
  for (const i of returns.slice(1)) error(`/steps/${i}/purpose`, 'process.rule.oneReturn');
  const returnIndex = returns[0];
  if (returnIndex !== undefined && returnIndex !== steps.length - 1) error(`/steps/${returnIndex}/purpose`, 'process.rule.returnLast');
  for (const i of returns) if (steps[i]!.role !== 'reception') error(`/steps/${i}/role`, 'process.rule.returnRole');
  steps.forEach((step, i) => {
    if (step.purpose === 'issue' && step.role !== 'clerk') error(`/steps/${i}/role`, 'process.rule.issueRole');
    if (step.purpose === 'approval' && step.role !== 'leader') error(`/steps/${i}/role`, 'process.rule.approvalRole');
    if (step.unit.kind === 'agency' && !rules.agencyCodes.has(step.unit.agencyCode)) error(`/steps/${i}/unit/agencyCode`, 'process.rule.unknownAgency', { code: step.unit.agencyCode });
    if (step.consultation && budgetInWorkingHours(step.consultation.budget) > budgetInWorkingHours(step.budget)) {
      error(`/steps/${i}/consultation/budget/value`, 'process.rule.consultationBudget');
    }
    step.next.forEach((n, j) => {
      if (!index.has(n.to)) error(`/steps/${i}/next/${j}/to`, 'process.rule.unknownTarget', { code: n.to });
      else if (n.to === step.code) error(`/steps/${i}/next/${j}/to`, 'process.rule.selfTarget');
    });
  });
  // The graph rules need distinct codes and existing targets; report those first.
  if (errors.length) return { ok: false, stage: 'rules', errors };

  const edges = (step: ProcessStep, kinds?: ReadonlySet<StepTransition['kind']>) =>
    step.next.filter((n) => !kinds || kinds.has(n.kind)).map((n) => index.get(n.to)!);
  const reached = reachable([0], (i) => edges(steps[i]!));
  steps.forEach((step, i) => { if (!reached.has(i)) error(`/steps/${i}/code`, 'process.rule.unreachable', { code: step.code }); });
  if (returnIndex !== undefined) {
    // Walking the onward transitions backwards from the return step finds every step that can still end in a result.
    const incoming = steps.map(() => [] as number[]);
    steps.forEach((step, i) => { for (const j of edges(step, onward)) incoming[j]!.push(i); });
    const canFinish = reachable([returnIndex], (i) => incoming[i]!);
    steps.forEach((step, i) => { if (!canFinish.has(i)) error(`/steps/${i}/next`, 'process.rule.deadEnd', { code: step.code }); });
  }
  const cycle = forwardCycle(steps, index);
  if (cycle) error(`/steps/${cycle.at}/next/${cycle.transition}/to`, 'process.rule.forwardCycle', { path: cycle.codes.join(' → ') });
  if (errors.length) return { ok: false, stage: 'rules', errors };

  const total = budgetTotal(definition, rules.caseLimits);
  if (total.hours > total.limitHours) {
    // Point at the heaviest step on the path: the likeliest budget to cut.
    const inner = total.path.slice(1, -1).map((code) => index.get(code)!);
    const heaviest = inner.reduce((a, b) => (budgetInWorkingHours(steps[b]!.budget) > budgetInWorkingHours(steps[a]!.budget) ? b : a), inner[0] ?? 0);
    error(`/steps/${heaviest}/budget/value`, 'process.rule.overBudget', {
      total: hoursText(total.hours, lang), limit: hoursText(total.limitHours, lang), excess: hoursText(total.hours - total.limitHours, lang),
      path: total.path.join(' → '),
    });
    return { ok: false, stage: 'rules', errors, total };
  }
  return { ok: true, definition, total };
}

/**
 * The longest way (in budget) a dossier can take from the first step to the return step along onward transitions
 * (forward, hand-over, transfer: the clock keeps running at the other unit), each step counted once, and what the
 * steps strictly between reception and return add up to, against the shortest case's limit (DL-08).
 */
export function budgetTotal(definition: ProcessDefinition, caseLimits: readonly TimeLimit[]): BudgetTotal {
  const { steps } = definition;
  const index = new Map(steps.map((s, i) => [s.code, i]));
  const limitHours = caseLimits.length ? Math.min(...caseLimits.map(limitInWorkingHours)) : 0;
  const last = steps.findLastIndex((s) => s.purpose === 'return');
  const target = last >= 0 ? last : steps.length - 1;
  // Longest path over the onward graph with the transitions that close a cycle left out (a depth-first walk from
  // the first step), so a hand-over that comes back is counted once.
  const best = new Map<number, { hours: number; path: number[] } | null>();
  const onStack = new Set<number>();
  const walk = (i: number): { hours: number; path: number[] } | null => {
    if (i === target) return { hours: 0, path: [i] };
    if (best.has(i)) return best.get(i)!;
    onStack.add(i);
    let result: { hours: number; path: number[] } | null = null;
    for (const n of steps[i]!.next) {
      const j = index.get(n.to);
      if (!onward.has(n.kind) || j === undefined || onStack.has(j)) continue;
      const rest = walk(j);
      if (!rest) continue;
      const hours = rest.hours + (j === target ? 0 : budgetInWorkingHours(steps[j]!.budget));
      if (!result || hours > result.hours) result = { hours, path: [i, ...rest.path] };
    }
    onStack.delete(i);
    best.set(i, result);
    return result;
  };
  const longest = steps.length ? walk(0) : null;
  return { path: (longest?.path ?? []).map((i) => steps[i]!.code), hours: round(longest?.hours ?? 0), limitHours };
}

/** Working hours in words: "28 giờ làm việc (3,5 ngày)". */
export function hoursText(hours: number, lang: Lang): string {
  const days = round(hours / 8);
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
  return t(lang, hours >= 8 ? 'process.hoursAndDays' : 'process.hours', { hours: number(round(hours)), days: number(days) });
}

function reachable(start: readonly number[], next: (i: number) => readonly number[]): Set<number> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) for (const j of next(queue.shift()!)) if (!seen.has(j)) { seen.add(j); queue.push(j); }
  return seen;
}

/** A cycle made only of `forward` transitions (a dossier could be forwarded round it for ever), if any. */
function forwardCycle(steps: readonly ProcessStep[], index: ReadonlyMap<string, number>): { at: number; transition: number; codes: string[] } | undefined {
  const state = steps.map(() => 0); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (i: number): { at: number; transition: number; codes: string[] } | undefined => {
    state[i] = 1;
    path.push(i);
    for (const [j, n] of steps[i]!.next.entries()) {
      if (n.kind !== 'forward') continue;
      const to = index.get(n.to)!;
      if (state[to] === 1) return { at: i, transition: j, codes: [...path.slice(path.indexOf(to)), to].map((k) => steps[k]!.code) };
      if (state[to] === 0) { const found = visit(to); if (found) return found; }
    }
    path.pop();
    state[i] = 2;
    return undefined;
  };
  for (let i = 0; i < steps.length; i++) if (state[i] === 0) { const found = visit(i); if (found) return found; }
  return undefined;
}

const round = (n: number) => Math.round(n * 100) / 100;
