import type { ProcessDefinition } from './process-definition.ts';

// The process editor as a plain HTML form (issue 4 §2; pages work without JavaScript): one fieldset per step with
// flat field names (`steps-2-budget-value`), parsed back into a process here. Adding, removing and moving a step are
// form submits that change this state and show the form again.

export interface EditorTransition { kind: string; to: string }
export interface EditorStep {
  code: string; name: string; nameEn: string; purpose: string;
  /** `receivingAgency` or an agency code. */
  unit: string;
  role: string; budgetValue: string; budgetUnit: string; consultationValue: string; consultationUnit: string;
  next: EditorTransition[];
}
export interface EditorState { steps: EditorStep[]; note: string }

const maxSteps = 40;
const maxTransitions = 12;

export function editorFromDefinition(definition: ProcessDefinition, note = ''): EditorState {
  return {
    note,
    steps: definition.steps.map((s) => ({
      code: s.code, name: s.name, nameEn: s.nameEn ?? '', purpose: s.purpose, unit: s.unit.kind === 'agency' ? s.unit.agencyCode : 'receivingAgency', role: s.role,
      budgetValue: String(s.budget.value), budgetUnit: s.budget.unit,
      consultationValue: s.consultation ? String(s.consultation.budget.value) : '', consultationUnit: s.consultation?.budget.unit ?? 'workingDays',
      next: s.next.map((n) => ({ kind: n.kind, to: n.to })),
    })),
  };
}

/** The editor's state from a submitted form; rows of transitions left blank are dropped. */
export function editorFromForm(body: Record<string, unknown>): EditorState {
  const text = (name: string) => { const v = body[name]; return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''; };
  const count = Math.min(maxSteps, 1 + Math.max(-1, ...Object.keys(body).map((k) => Number(/^steps-(\d+)-code$/.exec(k)?.[1] ?? -1))));
  const steps: EditorStep[] = [];
  for (let i = 0; i < count; i++) {
    const field = (name: string) => text(`steps-${i}-${name}`);
    const next: EditorTransition[] = [];
    for (let j = 0; j < maxTransitions; j++) {
      const kind = field(`next-${j}-kind`).trim();
      const to = field(`next-${j}-to`).trim();
      if (kind || to) next.push({ kind, to });
    }
    steps.push({
      code: field('code').trim().toUpperCase(), name: field('name').trim(), nameEn: field('nameEn').trim(), purpose: field('purpose'), unit: field('unit'), role: field('role'),
      budgetValue: field('budget-value').trim(), budgetUnit: field('budget-unit'), consultationValue: field('consultation-value').trim(), consultationUnit: field('consultation-unit'), next,
    });
  }
  return { steps, note: text('note').trim() };
}

/** What the editor holds, as a process for the validator: numbers where numbers were typed, anything else as typed. */
export function definitionFromEditor(state: EditorState): unknown {
  const number = (value: string): unknown => { const n = Number(value.replace(',', '.')); return value !== '' && Number.isFinite(n) ? n : value; };
  return {
    steps: state.steps.map((s) => ({
      code: s.code, name: s.name, ...(s.nameEn ? { nameEn: s.nameEn } : {}), purpose: s.purpose,
      unit: s.unit === 'receivingAgency' || s.unit === '' ? { kind: 'receivingAgency' } : { kind: 'agency', agencyCode: s.unit },
      role: s.role, budget: { value: number(s.budgetValue), unit: s.budgetUnit },
      next: s.next.map((n) => ({ kind: n.kind, to: n.to })),
      ...(s.consultationValue ? { consultation: { budget: { value: number(s.consultationValue), unit: s.consultationUnit } } } : {}),
    })),
  };
}

/**
 * Applies an editing button: `add` (a new step before the return step), `remove-N` (and the transitions that led to
 * it), `up-N` (swaps with the step above). Unknown operations change nothing.
 */
export function applyEditorOperation(state: EditorState, operation: string): EditorState {
  const steps = state.steps.map((s) => ({ ...s, next: [...s.next] }));
  const [, verb, at] = /^(add|remove|up)(?:-(\d+))?$/.exec(operation) ?? [];
  const i = Number(at);
  if (verb === 'add' && steps.length < maxSteps) {
    const codes = new Set(steps.map((s) => s.code));
    let n = steps.length;
    while (codes.has(`BUOC_${n}`)) n++;
    const last = steps.at(-1);
    const before = last?.purpose === 'return' ? steps.length - 1 : steps.length;
    steps.splice(before, 0, {
      code: `BUOC_${n}`, name: '', nameEn: '', purpose: 'handling', unit: 'receivingAgency', role: 'specialist', budgetValue: '8', budgetUnit: 'workingHours',
      consultationValue: '', consultationUnit: 'workingDays', next: last?.purpose === 'return' ? [{ kind: 'forward', to: last.code }] : [],
    });
  } else if (verb === 'remove' && steps[i] && steps.length > 1) {
    const [removed] = steps.splice(i, 1);
    for (const s of steps) s.next = s.next.filter((n) => n.to !== removed!.code);
  } else if (verb === 'up' && i >= 1 && steps[i]) {
    [steps[i - 1], steps[i]] = [steps[i]!, steps[i - 1]!];
  }
  return { ...state, steps };
}

/** The form fields of a state, as a browser would send them (for tests and for the page itself). */
export function editorFields(state: EditorState): Record<string, string> {
  const fields: Record<string, string> = { note: state.note };
  state.steps.forEach((s, i) => {
    const p = `steps-${i}-`;
    Object.assign(fields, {
      [`${p}code`]: s.code, [`${p}name`]: s.name, [`${p}nameEn`]: s.nameEn, [`${p}purpose`]: s.purpose, [`${p}unit`]: s.unit, [`${p}role`]: s.role,
      [`${p}budget-value`]: s.budgetValue, [`${p}budget-unit`]: s.budgetUnit, [`${p}consultation-value`]: s.consultationValue, [`${p}consultation-unit`]: s.consultationUnit,
    });
    s.next.forEach((n, j) => { fields[`${p}next-${j}-kind`] = n.kind; fields[`${p}next-${j}-to`] = n.to; });
  });
  return fields;
}

/** The id of the form control a validator's JSON Pointer is about (`/steps/2/unit/agencyCode` → `steps-2-unit`). */
export function fieldIdOf(pointer: string): string {
  const [, step, rest = ''] = /^\/steps\/(\d+)(?:\/(.*))?$/.exec(pointer) ?? [];
  if (step === undefined) return pointer === '/note' ? 'note' : 'steps-0-code';
  const id = (name: string) => `steps-${step}-${name}`;
  const parts = rest.split('/');
  switch (parts[0]) {
    case 'code': case 'name': case 'nameEn': case 'purpose': case 'role': return id(parts[0]);
    case 'unit': return id('unit');
    case 'budget': return id(parts[1] === 'unit' ? 'budget-unit' : 'budget-value');
    case 'consultation': return id(parts.at(-1) === 'unit' ? 'consultation-unit' : 'consultation-value');
    case 'next': return parts[1] === undefined ? id('next-0-kind') : id(`next-${parts[1]}-${parts[2] === 'kind' ? 'kind' : 'to'}`);
    default: return id('code');
  }
}

