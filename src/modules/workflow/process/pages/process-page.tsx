import { t, type Lang, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { FieldError } from '../../../../platform/validation/validator.ts';
import { timeLimitText } from '../../../catalog/pages/labels.ts';
import { adminCrumbs, AdminNav, Done, ErrorSummary, Field, localName, when, type FormError } from '../../../identity/admin/pages/admin-parts.tsx';
import type { ProcedureProcessView } from '../get-procedure-process.ts';
import type { ProcessDefinition, StepUnit } from '../process-definition.ts';
import { fieldIdOf, type EditorState } from '../process-form.ts';
import { hoursText } from '../validate-process.ts';

const purposes = ['reception', 'handling', 'approval', 'issue', 'return'] as const;
const roles = ['reception', 'specialist', 'leader', 'clerk'] as const;
const kinds = ['forward', 'sendBack', 'handOver', 'transfer'] as const;
const budgetUnits = ['workingHours', 'workingDays'] as const;

type Agencies = ProcedureProcessView['agencies'];

function unitName(lang: Lang, unit: StepUnit, agencies: Agencies): string {
  if (unit.kind === 'receivingAgency') return t(lang, 'process.unit.receivingAgency');
  const agency = agencies.find((a) => a.code === unit.agencyCode);
  return agency ? localName(lang, agency.name, agency.name_en) : unit.agencyCode;
}

/**
 * A process as people read it (issue 4 §2): the steps in order as a list (each with where it may lead), and the same
 * as a table of step, unit, role, budget and next steps. Usable wherever a process is shown.
 */
export function ProcessSteps({ lang, definition, agencies, idPrefix = 'process' }: { lang: Lang; definition: ProcessDefinition; agencies: Agencies; idPrefix?: string }) {
  const name = (code: string) => { const s = definition.steps.find((x) => x.code === code); return s ? localName(lang, s.name, s.nameEn ?? null) : code; };
  const nextText = (step: ProcessDefinition['steps'][number]) =>
    step.next.length ? step.next.map((n) => `${t(lang, `process.kind.${n.kind}` as MessageKey)}: ${name(n.to)}`).join('; ') : t(lang, 'process.noNext');
  return (
    <>
      <h3 id={`${idPrefix}-diagram`}>{t(lang, 'process.page.diagram')}</h3>
      <ol class="process-diagram" aria-labelledby={`${idPrefix}-diagram`}>{definition.steps.map((s) => (
        <li>
          <strong>{localName(lang, s.name, s.nameEn ?? null)}</strong> <span class="step-code">({s.code})</span>
          <br />{unitName(lang, s.unit, agencies)} · {t(lang, `process.role.${s.role}` as MessageKey)} · {timeLimitText(lang, s.budget)}
          {s.consultation ? <><br />{t(lang, 'process.consultation', { budget: timeLimitText(lang, s.consultation.budget) })}</> : null}
          <br /><span class="step-next">→ {nextText(s)}</span>
        </li>
      ))}</ol>
      <h3 id={`${idPrefix}-table`}>{t(lang, 'process.page.table')}</h3>
      <div class="table-wrap" role="region" aria-labelledby={`${idPrefix}-table`} tabIndex={0}>
        <table>
          <thead><tr>
            <th scope="col">{t(lang, 'process.col.step')}</th><th scope="col">{t(lang, 'process.col.unit')}</th><th scope="col">{t(lang, 'process.col.role')}</th>
            <th scope="col">{t(lang, 'process.col.budget')}</th><th scope="col">{t(lang, 'process.col.next')}</th>
          </tr></thead>
          <tbody>{definition.steps.map((s, i) => (
            <tr>
              <th scope="row">{i + 1}. {localName(lang, s.name, s.nameEn ?? null)} ({s.code})<br /><span class="hint">{t(lang, `process.purpose.${s.purpose}` as MessageKey)}</span></th>
              <td>{unitName(lang, s.unit, agencies)}</td>
              <td>{t(lang, `process.role.${s.role}` as MessageKey)}</td>
              <td>{timeLimitText(lang, s.budget)}{s.consultation ? <><br />{t(lang, 'process.consultation', { budget: timeLimitText(lang, s.consultation.budget) })}</> : null}</td>
              <td>{nextText(s)}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </>
  );
}

interface ProcessPageProps {
  ctx: PageContext;
  view: ProcedureProcessView;
  editor: EditorState;
  errors?: readonly FieldError[];
  /** The steps were added, removed or moved but not saved yet. */
  unsaved?: boolean;
  saved?: { kind: 'draft' } | { kind: 'published'; version: number } | undefined;
}

/** One procedure's process: the version in force, its budgets against the legal limit, the editor, the history. */
export function ProcessPage({ ctx, view, editor, errors = [], unsaved = false, saved }: ProcessPageProps) {
  const { lang } = ctx;
  const name = localName(lang, view.procedure.name, view.procedure.nameEn);
  const title = t(lang, 'process.page.title', { name });
  const { total } = view.inForce;
  // Several problems of one field are read together next to it.
  const byField = new Map<string, string[]>();
  for (const e of errors) { const id = fieldIdOf(e.path); byField.set(id, [...(byField.get(id) ?? []), e.message]); }
  const formErrors: FormError[] = [...byField].map(([field, messages]) => ({ field, message: messages.join(' ') }));
  const codes = editor.steps.map((s) => s.code);
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, view.procedure.code, { href: '/quan-tri/quy-trinh', label: t(lang, 'process.list.title') })}>
      <h1>{title}</h1>
      <AdminNav lang={lang} current="/quan-tri/quy-trinh" />
      <p>{view.procedure.code} · {t(lang, `level.${view.procedure.level}` as MessageKey)} · <a href={`/thu-tuc/${encodeURIComponent(view.procedure.code)}`}>{name}</a></p>
      <Done message={saved ? (saved.kind === 'draft' ? t(lang, 'process.saved.draft') : t(lang, 'process.saved.published', { version: saved.version })) : undefined} />
      <ErrorSummary lang={lang} errors={formErrors} />

      <h2 id="in-force">{t(lang, 'process.page.inForce')}</h2>
      <p>{view.published
        ? t(lang, 'process.page.inForceVersion', { version: view.published.version, by: view.published.changedBy, at: when(lang, view.published.changedAt) })
        : t(lang, 'process.page.inForceDefault')}</p>
      <p class={total.hours > total.limitHours ? 'budget-total over' : 'budget-total'}>
        {t(lang, 'process.page.total', { total: hoursText(total.hours, lang), limit: hoursText(total.limitHours, lang) })}{' '}
        <strong>{total.hours > total.limitHours ? t(lang, 'process.page.totalOver', { excess: hoursText(total.hours - total.limitHours, lang) }) : t(lang, 'process.page.totalWithin')}</strong>
      </p>
      <ProcessSteps lang={lang} definition={view.inForce.definition} agencies={view.agencies} />

      <h2 id="editor">{t(lang, 'process.editor.title')}</h2>
      <p>{view.draft ? t(lang, 'process.editor.fromDraft', { version: view.draft.version, by: view.draft.changedBy, at: when(lang, view.draft.changedAt) }) : t(lang, 'process.editor.fromInForce')}</p>
      {unsaved ? <p class="notice" role="status">{t(lang, 'process.editor.unsaved')}</p> : null}
      <form method="post" action={`/quan-tri/quy-trinh/${encodeURIComponent(view.procedure.code)}`} class="process-editor" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {/* The first button of the form is what Enter in a text box presses: saving, never removing a step. */}
        <div class="form-actions">
          <button type="submit" name="op" value="save">{t(lang, 'process.button.save')}</button>
          <button type="submit" name="op" value="publish" class="secondary-button">{t(lang, 'process.button.publish')}</button>
        </div>
        {editor.steps.map((s, i) => {
          const id = (field: string) => `steps-${i}-${field}`;
          return (
            <fieldset class="process-step">
              <legend>{t(lang, 'process.editor.step', { n: i + 1, name: s.name || s.code })}</legend>
              <div class="step-grid">
                <Field id={id('code')} label={t(lang, 'process.field.code')} hint={t(lang, 'process.field.codeHint')} errors={formErrors}>
                  {(d, bad) => <input type="text" id={id('code')} name={id('code')} value={s.code} maxLength={20} required aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
                </Field>
                <Field id={id('name')} label={t(lang, 'process.field.name')} errors={formErrors}>
                  {(d, bad) => <input type="text" id={id('name')} name={id('name')} value={s.name} maxLength={200} required aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
                </Field>
                <Field id={id('nameEn')} label={t(lang, 'process.field.nameEn')} errors={formErrors}>
                  {(d, bad) => <input type="text" id={id('nameEn')} name={id('nameEn')} value={s.nameEn} maxLength={200} lang="en" aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
                </Field>
                <Field id={id('purpose')} label={t(lang, 'process.field.purpose')} errors={formErrors}>
                  {(d, bad) => <select id={id('purpose')} name={id('purpose')} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                    {purposes.map((p) => <option value={p} selected={s.purpose === p}>{t(lang, `process.purpose.${p}` as MessageKey)}</option>)}
                  </select>}
                </Field>
                <Field id={id('unit')} label={t(lang, 'process.field.unit')} errors={formErrors}>
                  {(d, bad) => <select id={id('unit')} name={id('unit')} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                    <option value="receivingAgency" selected={s.unit === 'receivingAgency'}>{t(lang, 'process.unit.receivingAgency')}</option>
                    {view.agencies.map((a) => <option value={a.code} selected={s.unit === a.code}>{localName(lang, a.name, a.name_en)} ({a.code})</option>)}
                    {s.unit !== 'receivingAgency' && !view.agencies.some((a) => a.code === s.unit) ? <option value={s.unit} selected>{s.unit}</option> : null}
                  </select>}
                </Field>
                <Field id={id('role')} label={t(lang, 'process.field.role')} errors={formErrors}>
                  {(d, bad) => <select id={id('role')} name={id('role')} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                    {roles.map((r) => <option value={r} selected={s.role === r}>{t(lang, `process.role.${r}` as MessageKey)}</option>)}
                  </select>}
                </Field>
                <Field id={id('budget-value')} label={t(lang, 'process.field.budget')} errors={formErrors}>
                  {(d, bad) => <input type="text" inputMode="decimal" id={id('budget-value')} name={id('budget-value')} value={s.budgetValue} size={6} required aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
                </Field>
                <Field id={id('budget-unit')} label={t(lang, 'process.field.budgetUnit')} errors={formErrors}>
                  {(d, bad) => <select id={id('budget-unit')} name={id('budget-unit')} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                    {budgetUnits.map((u) => <option value={u} selected={s.budgetUnit === u}>{t(lang, `process.timeUnit.${u}` as MessageKey)}</option>)}
                  </select>}
                </Field>
                <Field id={id('consultation-value')} label={t(lang, 'process.field.consultation')} errors={formErrors}>
                  {(d, bad) => <input type="text" inputMode="decimal" id={id('consultation-value')} name={id('consultation-value')} value={s.consultationValue} size={6} aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
                </Field>
                <Field id={id('consultation-unit')} label={t(lang, 'process.field.consultationUnit')} errors={formErrors}>
                  {(d, bad) => <select id={id('consultation-unit')} name={id('consultation-unit')} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                    {budgetUnits.map((u) => <option value={u} selected={s.consultationUnit === u}>{t(lang, `process.timeUnit.${u}` as MessageKey)}</option>)}
                  </select>}
                </Field>
              </div>
              <fieldset class="step-next-rows">
                <legend>{t(lang, 'process.field.next')}</legend>
                {/* The step's transitions and one empty row for a new one. */}
                {[...s.next, { kind: '', to: '' }].map((n, j) => (
                  <div class="next-row">
                    <Field id={id(`next-${j}-kind`)} label={t(lang, 'process.field.nextKind', { n: j + 1 })} errors={formErrors}>
                      {(d, bad) => <select id={id(`next-${j}-kind`)} name={id(`next-${j}-kind`)} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                        <option value="" selected={!n.kind}>{t(lang, 'process.field.none')}</option>
                        {kinds.map((k) => <option value={k} selected={n.kind === k}>{t(lang, `process.kind.${k}` as MessageKey)}</option>)}
                      </select>}
                    </Field>
                    <Field id={id(`next-${j}-to`)} label={t(lang, 'process.field.nextTo', { n: j + 1 })} errors={formErrors}>
                      {(d, bad) => <select id={id(`next-${j}-to`)} name={id(`next-${j}-to`)} aria-describedby={d} aria-invalid={bad ? 'true' : undefined}>
                        <option value="" selected={!n.to}>{t(lang, 'process.field.none')}</option>
                        {codes.map((c) => <option value={c} selected={n.to === c}>{c}</option>)}
                        {n.to && !codes.includes(n.to) ? <option value={n.to} selected>{n.to}</option> : null}
                      </select>}
                    </Field>
                  </div>
                ))}
              </fieldset>
              <div class="step-actions">
                {i > 0 ? <button type="submit" name="op" value={`up-${i}`} class="secondary-button">{t(lang, 'process.button.up', { code: s.code })}</button> : null}
                <button type="submit" name="op" value={`remove-${i}`} class="secondary-button">{t(lang, 'process.button.remove', { code: s.code })}</button>
              </div>
            </fieldset>
          );
        })}
        <p><button type="submit" name="op" value="add" class="secondary-button">{t(lang, 'process.button.add')}</button></p>
        <Field id="note" label={t(lang, 'process.field.note')} hint={t(lang, 'process.field.noteHint')} errors={formErrors}>
          {(d, bad) => <input type="text" id="note" name="note" value={editor.note} maxLength={300} aria-describedby={d} aria-invalid={bad ? 'true' : undefined} />}
        </Field>
        <div class="form-actions">
          <button type="submit" name="op" value="save">{t(lang, 'process.button.save')}</button>
          <button type="submit" name="op" value="publish" class="secondary-button">{t(lang, 'process.button.publish')}</button>
        </div>
      </form>

      <h2 id="history">{t(lang, 'process.history')}</h2>
      {view.history.length ? (
        <div class="table-wrap" role="region" aria-labelledby="history" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'process.history.version')}</th><th scope="col">{t(lang, 'process.history.status')}</th>
              <th scope="col">{t(lang, 'process.history.by')}</th><th scope="col">{t(lang, 'process.history.at')}</th><th scope="col">{t(lang, 'process.history.note')}</th>
            </tr></thead>
            <tbody>{view.history.map((h) => (
              <tr>
                <th scope="row">{h.version}</th><td>{t(lang, `process.versionStatus.${h.status}` as MessageKey)}</td>
                <td>{h.changedBy}</td><td>{when(lang, h.changedAt)}</td><td>{h.note}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'process.history.none')}</p>}
      <p><a href="/quan-tri/quy-trinh">{t(lang, 'process.back')}</a></p>
    </Layout>
  );
}
