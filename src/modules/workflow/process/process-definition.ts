import { Type, type Static } from 'typebox';

// The internal process of a procedure (issue 4 §2; S-b, DL-08, ST-M5): JSON Schema like every other definition
// (ARCHITECTURE principle 4), validated by the same validator when an administrator saves it.

const agencyCodePattern = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';

/** Who does a step: the unit the dossier was filed with (for a commune procedure, the applicant's commune), or a named unit. */
export const StepUnit = Type.Union([
  Type.Object({ kind: Type.Literal('receivingAgency') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('agency'), agencyCode: Type.String({ pattern: agencyCodePattern }) }, { additionalProperties: false }),
]);

export const StepRole = Type.Union([Type.Literal('reception'), Type.Literal('specialist'), Type.Literal('leader'), Type.Literal('clerk')]);

/**
 * What a step is for. The first step receives (status 1 → 2), the last returns (9 → 10); the clerk's `issue` step
 * makes the result ready (→ 9). `handling` and `approval` are the processing in between (status 4).
 */
export const StepPurpose = Type.Union([Type.Literal('reception'), Type.Literal('handling'), Type.Literal('approval'), Type.Literal('issue'), Type.Literal('return')]);

/** A step's own time budget (DL-08): working hours or working days, counted on the handling unit's calendar. */
export const StepBudget = Type.Object({
  value: Type.Number({ exclusiveMinimum: 0, maximum: 400 }),
  unit: Type.Union([Type.Literal('workingHours'), Type.Literal('workingDays')]),
}, { additionalProperties: false });

/**
 * Where the dossier may go from a step: on to the next (`forward`), back to an earlier one (`sendBack`), to
 * another agency at the same level (`handOver`, inter-agency) or to another level (`transfer`).
 */
export const StepTransition = Type.Object({
  kind: Type.Union([Type.Literal('forward'), Type.Literal('sendBack'), Type.Literal('handOver'), Type.Literal('transfer')]),
  to: Type.String({ minLength: 1, maxLength: 20 }),
}, { additionalProperties: false });

export const ProcessStep = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9_-]{1,20}$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  purpose: StepPurpose,
  unit: StepUnit,
  role: StepRole,
  budget: StepBudget,
  next: Type.Array(StepTransition, { maxItems: 10 }),
  /** Consulting another unit from this step, with the answer's own deadline (DL-08). */
  consultation: Type.Optional(Type.Object({ budget: StepBudget }, { additionalProperties: false })),
}, { additionalProperties: false });

export const ProcessDefinition = Type.Object({
  steps: Type.Array(ProcessStep, { minItems: 2, maxItems: 30 }),
}, { additionalProperties: false, $id: 'https://opendvc.vn/schemas/procedure-process-v1.json', title: 'OpenDVC procedure process' });

export type StepUnit = Static<typeof StepUnit>;
export type StepRole = Static<typeof StepRole>;
export type StepPurpose = Static<typeof StepPurpose>;
export type StepBudget = Static<typeof StepBudget>;
export type StepTransition = Static<typeof StepTransition>;
export type ProcessStep = Static<typeof ProcessStep>;
export type ProcessDefinition = Static<typeof ProcessDefinition>;

/** The step a transition leads to, if the process allows it. */
export function findTransition(process: ProcessDefinition, fromStep: string, toStep: string): StepTransition | undefined {
  return process.steps.find((s) => s.code === fromStep)?.next.find((n) => n.to === toStep);
}

export function findStep(process: ProcessDefinition, code: string | null | undefined): ProcessStep | undefined {
  return code ? process.steps.find((s) => s.code === code) : undefined;
}

export function firstStep(process: ProcessDefinition): ProcessStep {
  return process.steps[0]!;
}

/** The step where the result is handed back (the desk's return step). */
export function returnStep(process: ProcessDefinition): ProcessStep {
  return process.steps.findLast((s) => s.purpose === 'return') ?? process.steps.at(-1)!;
}

/** The first `forward` from a step: where the dossier goes when nobody chose otherwise. */
export function defaultNextStep(process: ProcessDefinition, fromStep: string | null): ProcessStep | undefined {
  const from = findStep(process, fromStep) ?? firstStep(process);
  const to = from.next.find((n) => n.kind === 'forward')?.to;
  return findStep(process, to);
}
