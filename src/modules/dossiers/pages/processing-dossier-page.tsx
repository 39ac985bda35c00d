import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { supplementAnswerLines } from '../supplement-answer-lines.ts';
import { SupplementItemFields } from './supplement-item-fields.tsx';
import { acceptAttribute, describeUploadPolicy, formatFileSize } from '../../../platform/files/upload-policy.ts';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { LiveUpdates } from '../../../platform/views/live-updates.tsx';
import { uploadAction } from '../../../platform/views/upload-action.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { ProcessingDossierView } from '../get-processing-dossier.ts';
import { resultUploadPolicy } from '../issue-result.ts';
import type { ProcessingAction } from '../processing-actions.ts';
import { noticeActions } from '../render-dossier-notice.ts';
import type { ApplicantSnapshot } from '../tables.ts';
import { dateTimeText } from './format.ts';
import type { DossierResultSummary } from '../../results/dossier-result-summary.ts';
import { DossierResultsSection } from '../../results/pages/dossier-results-section.tsx';

interface Props { ctx: PageContext; view: ProcessingDossierView; results?: DossierResultSummary | undefined; errors?: FieldError[]; notice?: string | undefined }


/**
 * The processing page of a dossier (issue 4 §5, §6 officers): where it is in its process and who holds it, what the
 * applicant sent, everything that happened (internal notes marked), the consultations, and one form for each action
 * this officer may take now. Works without JavaScript; every form posts and comes back here.
 */
export function ProcessingDossierPage({ ctx, view, results, errors = [], notice }: Props) {
  const { lang } = ctx;
  const { dossier, position } = view;
  const applicant = dossier.applicant as ApplicantSnapshot;
  const base = `/xu-ly/ho-so/${dossier.id}`;
  const can = (action: ProcessingAction) => view.available.includes(action);
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  const f = fieldHelpers(errors);
  const badge = (band: string | null) => (band ? <span class={`badge badge-${band}`}>{t(lang, `desk.timeLeft.${band}` as MessageKey)}</span> : null);
  return (
    <Layout ctx={ctx} title={`${dossier.code ?? dossier.reference} — ${view.procedure.name}`}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/xu-ly', label: t(lang, 'processing.title') }, { label: dossier.code ?? dossier.reference }]}>
      <h1>{view.procedure.name}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <LiveUpdates lang={lang} dossier={dossier.id} />
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ message: e.message }))} />
      <dl class="summary">
        <dt>{t(lang, 'myDossiers.code')}</dt><dd>{dossier.code ?? t(lang, 'myDossiers.noCode')}</dd>
        <dt>{t(lang, 'desk.case')}</dt><dd>{view.procedure.caseName}</dd>
        <dt>{t(lang, 'desk.applicant')}</dt><dd>{applicant.name}{applicant.personalId ? ` — ${applicant.personalId}` : ''}{applicant.taxCode ? ` — ${applicant.taxCode}` : ''}</dd>
        <dt>{t(lang, 'track.status')}</dt><dd class="status">{t(lang, `dossier.status.${dossier.status}` as MessageKey)}</dd>
        <dt>{t(lang, 'processing.step')}</dt><dd class="current-step">{position.step?.name ?? t(lang, 'processing.noStep')}</dd>
        {position.step ? <><dt>{t(lang, 'processing.unit')}</dt><dd>{position.unit}</dd></> : null}
        {position.step ? <><dt>{t(lang, 'processing.holder')}</dt><dd class="holder">{position.holder ?? t(lang, 'processing.unassigned')}</dd></> : null}
        {position.stepDueAt ? <><dt>{t(lang, 'processing.stepDueAt')}</dt><dd>{dateTimeText(lang, position.stepDueAt)} {badge(position.stepTimeLeft)}</dd></> : null}
        <dt>{t(lang, 'track.dueAt')}</dt><dd>{position.dueAt ? <>{dateTimeText(lang, position.dueAt)} {badge(position.timeLeft)}</> : t(lang, 'dossierPage.noDueDate')}</dd>
      </dl>

      {results ? <DossierResultsSection lang={lang} summary={results} /> : null}
      {view.available.length ? <h2 id="actions">{t(lang, 'desk.actions')}</h2> : null}

      {can('appraise') ? (
        <form method="post" action={`${base}/tham-dinh`} class="stack-form" id="appraise">{csrf}
          <fieldset class={f.cls('/proposal', 'choices')}>
            <legend>{t(lang, 'processing.appraise')}</legend>
            {(['grant', 'refuse'] as const).map((p, i) => <label class="choice"><input type="radio" name="proposal" value={p} checked={i === 0} /> {t(lang, `processing.proposal.${p}`)}</label>)}
          </fieldset>
          {f.textarea(lang, '/opinion', 'opinion', 'appraise-opinion', t(lang, 'processing.opinion'))}
          {f.input('/refusalReason', 'refusalReason', 'appraise-refusal', t(lang, 'processing.refusalReason'), { hint: t(lang, 'processing.refusalReasonHint') })}
          <button type="submit">{t(lang, 'processing.appraiseSubmit')}</button>
        </form>
      ) : null}

      {can('forward') ? (
        <form method="post" action={`${base}/chuyen-tiep`} class="stack-form" id="forward">{csrf}
          <fieldset class={f.cls('/toStep', 'choices')}>
            <legend>{t(lang, 'processing.forwardTo')}</legend>
            {f.error('/toStep', 'forward-error')}
            {view.forwardTargets.map((target, i) => (
              <label class="choice"><input type="radio" name="toStep" value={target.step.code} checked={i === 0} /> {target.step.name} — {target.unit}
                {target.kind !== 'forward' ? ` (${t(lang, `processing.transition.${target.kind}` as MessageKey)})` : ''}</label>
            ))}
          </fieldset>
          {view.forwardTargets.some((target) => target.kind === 'handOver' || target.kind === 'transfer')
            ? f.select('/toAgencyId', 'toAgencyId', 'forward-unit', t(lang, 'processing.toUnit'), view.units, { optional: t(lang, 'processing.stepUnit') }) : null}
          {f.input('/note', 'note', 'forward-note', t(lang, 'processing.forwardNote'))}
          <button type="submit">{t(lang, 'processing.forward')}</button>
        </form>
      ) : null}

      {can('approve') ? (
        <form method="post" action={`${base}/phe-duyet`} class="stack-form" id="approve">{csrf}
          <fieldset class="choices">
            <legend>{t(lang, 'processing.approve')}</legend>
            {(['granted', 'refused'] as const).map((o, i) => <label class="choice"><input type="radio" name="outcome" value={o} checked={i === 0} /> {t(lang, `processing.outcome.${o}`)}</label>)}
          </fieldset>
          {f.textarea(lang, '/note', 'note', 'approve-note', t(lang, 'processing.approveNote'), { hint: t(lang, 'processing.approveNoteHint') })}
          <button type="submit">{t(lang, 'processing.approveSubmit')}</button>
        </form>
      ) : null}

      {can('sendBack') ? (
        <form method="post" action={`${base}/tra-lai`} class="stack-form" id="send-back">{csrf}
          <fieldset class="choices">
            <legend>{t(lang, 'processing.sendBack')}</legend>
            {view.sendBackTargets.map((target, i) => <label class="choice"><input type="radio" name="toStep" value={target.step.code} checked={i === 0} /> {target.step.name} — {target.unit}</label>)}
          </fieldset>
          {f.textarea(lang, '/note', 'note', 'send-back-note', t(lang, 'processing.sendBackReason'))}
          <button type="submit" class="secondary">{t(lang, 'processing.sendBackSubmit')}</button>
        </form>
      ) : null}

      {can('issue') ? (
        <form method="post" action={uploadAction(`${base}/ban-hanh`, ctx.csrfToken)} enctype="multipart/form-data" class="stack-form" id="issue">
          <fieldset class="choices">
            <legend>{t(lang, 'processing.issue')}</legend>
            <p class="hint" id="issue-lead">{t(lang, 'processing.issueLead')}</p>
            {f.input('/documentNumber', 'documentNumber', 'issue-number', t(lang, 'processing.documentNumber'))}
            {f.input('/signedOn', 'signedOn', 'issue-date', t(lang, 'processing.signedOn'), { type: 'date' })}
            {f.input('/file', 'file', 'issue-file', t(lang, 'processing.resultFile'), { type: 'file', accept: acceptAttribute(resultUploadPolicy), hint: describeUploadPolicy(resultUploadPolicy, lang) })}
          </fieldset>
          <button type="submit">{t(lang, 'processing.issueSubmit')}</button>
        </form>
      ) : null}

      {can('requestSupplement') ? (
        <form method="post" action={`${base}/yeu-cau-bo-sung`} class="stack-form" id="supplement">{csrf}
          <fieldset class={f.cls('/items', 'field')} aria-describedby="supplement-lead">
            <legend>{t(lang, 'processing.requestSupplement')}</legend>
            <p class="hint" id="supplement-lead">{t(lang, 'processing.supplementLead')}</p>
            {f.error('/items', 'items-error')}
            <SupplementItemFields lang={lang} />
          </fieldset>
          {view.supplement.late ? (
            <>
              <p class="notice supplement-late" id="late-warning" role="note">{t(lang, 'processing.supplementLate')}</p>
              {f.input('/lateJustification', 'lateJustification', 'late-justification', t(lang, 'processing.lateJustification'), { describedBy: 'late-warning' })}
            </>
          ) : null}
          {view.supplement.repeat ? f.input('/repeatJustification', 'repeatJustification', 'repeat-justification', t(lang, 'desk.repeatJustification')) : null}
          {f.input('/guidance', 'guidance', 'supplement-guidance', t(lang, 'desk.guidance'))}
          <button type="submit" class="secondary">{t(lang, 'desk.sendSupplement')}</button>
        </form>
      ) : null}

      {can('consult') ? (
        <form method="post" action={`${base}/xin-y-kien`} class="stack-form" id="consult">{csrf}
          <fieldset class="choices">
            <legend>{t(lang, 'processing.consult')}</legend>
            {f.select('/toAgencyId', 'toAgencyId', 'consult-unit', t(lang, 'processing.consultUnit'), view.units.filter((u) => u.id !== view.currentAgencyId))}
            {f.textarea(lang, '/question', 'question', 'consult-question', t(lang, 'processing.question'))}
          </fieldset>
          <button type="submit" class="secondary">{t(lang, 'processing.consultSubmit')}</button>
        </form>
      ) : null}

      {can('supplemented') ? (
        <form method="post" action={`${base}/da-bo-sung`} class="stack-form" id="supplemented">{csrf}
          {f.input('/note', 'note', 'supplemented-note', t(lang, 'desk.supplementNote'))}
          <button type="submit">{t(lang, 'desk.supplemented')}</button>
        </form>
      ) : null}

      {can('return') ? (
        <form method="post" action={`${base}/tra-ket-qua`} class="stack-form" id="return">{csrf}
          <fieldset class="choices"><legend>{t(lang, 'desk.returnChannel')}</legend>
            {(['desk', 'postal', 'online'] as const).map((c, i) => <label class="choice"><input type="radio" name="channel" value={c} checked={i === 0} /> {t(lang, `desk.channel.${c}` as MessageKey)}</label>)}
          </fieldset>
          {f.error('/dossierId', 'return-error')}
          <button type="submit">{t(lang, 'desk.return')}</button>
        </form>
      ) : null}

      {can('earlyReturnNotice') ? (
        <form method="post" action={`${base}/bao-tra-som`} class="stack-form" id="early-return">{csrf}
          {f.input('/readyAt', 'readyAt', 'ready-at', t(lang, 'processing.readyAt'), { type: 'datetime-local', hint: t(lang, 'processing.earlyReturnHint') })}
          <button type="submit" class="secondary">{t(lang, 'processing.earlyReturn')}</button>
        </form>
      ) : null}

      {can('extend') ? (
        <form method="post" action={`${base}/gia-han`} class="stack-form" id="extend">{csrf}
          <fieldset class="choices">
            <legend>{t(lang, 'processing.extend')}</legend>
            <p class="hint" id="extend-lead">{t(lang, 'processing.extendLead')}</p>
            {f.input('/newDueAt', 'newDueAt', 'new-due-at', t(lang, 'processing.newDueAt'), { type: 'datetime-local' })}
            {f.textarea(lang, '/reason', 'reason', 'extend-reason', t(lang, 'processing.extendReason'))}
          </fieldset>
          <button type="submit" class="secondary">{t(lang, 'processing.extendSubmit')}</button>
        </form>
      ) : null}

      {can('decideWithdrawal') ? (
        <form method="post" action={`${base}/xu-ly-rut`} class="stack-form" id="withdrawal">{csrf}
          <fieldset class="choices">
            <legend>{t(lang, 'processing.withdrawal')}</legend>
            {(['accept', 'refuse'] as const).map((d, i) => <label class="choice"><input type="radio" name="decision" value={d} checked={i === 0} /> {t(lang, `processing.withdrawal.${d}`)}</label>)}
          </fieldset>
          {f.textarea(lang, '/reason', 'reason', 'withdrawal-reason', t(lang, 'processing.decisionReason'))}
          <button type="submit" class="secondary">{t(lang, 'processing.withdrawalSubmit')}</button>
        </form>
      ) : null}

      {can('stop') ? (
        <form method="post" action={`${base}/dung-xu-ly`} class="stack-form" id="stop">{csrf}
          {f.textarea(lang, '/reason', 'reason', 'stop-reason', t(lang, 'processing.stopReason'))}
          {f.input('/settlement', 'settlement', 'stop-settlement', t(lang, 'processing.settlement'))}
          <button type="submit" class="secondary">{t(lang, 'processing.stop')}</button>
        </form>
      ) : null}

      {view.consultations.length ? (
        <>
          <h2 id="consultations">{t(lang, 'processing.consultations')}</h2>
          <table aria-labelledby="consultations">
            <thead><tr>
              <th scope="col">{t(lang, 'processing.consultUnit')}</th><th scope="col">{t(lang, 'processing.question')}</th>
              <th scope="col">{t(lang, 'processing.consultDue')}</th><th scope="col">{t(lang, 'processing.answer')}</th>
            </tr></thead>
            <tbody>{view.consultations.map((c) => (
              <tr>
                <td>{c.unit}</td>
                <td>{c.question}<br /><small>{c.askedBy}, {dateTimeText(lang, c.requestedAt)}</small></td>
                <td>{dateTimeText(lang, c.dueAt)} {c.late ? <span class="badge badge-overdue">{t(lang, 'desk.timeLeft.overdue')}</span> : null}</td>
                <td>{c.answer !== null ? <>{c.answer}<br /><small>{c.answeredBy}, {dateTimeText(lang, c.answeredAt)}</small></> : t(lang, 'processing.awaitingAnswer')}</td>
              </tr>
            ))}</tbody>
          </table>
          {view.consultations.filter((c) => c.mayAnswer).map((c) => (
            <form method="post" action={`${base}/tra-loi-y-kien`} class="stack-form" id={`answer-${c.seq}`}>{csrf}
              <input type="hidden" name="requestSeq" value={String(c.seq)} />
              {f.textarea(lang, '/answer', 'answer', `answer-text-${c.seq}`, t(lang, 'processing.answerLabel', { unit: c.unit }))}
              <button type="submit">{t(lang, 'processing.answerSubmit')}</button>
            </form>
          ))}
        </>
      ) : null}

      <h2 id="form-data">{t(lang, 'processing.formData')}</h2>
      {view.formData.length ? <dl class="summary">{view.formData.map((d) => <><dt>{d.key}</dt><dd>{d.value}</dd></>)}</dl> : <p>{t(lang, 'processing.noFormData')}</p>}
      <h2 id="components">{t(lang, 'desk.components')}</h2>
      <ul>{view.components.map((c) => <li>{c}</li>)}</ul>
      <h2 id="files">{t(lang, 'processing.files')}</h2>
      {view.files.length ? (
        <ul>{view.files.map((file) => (
          <li><a href={`${base}/tep/${file.id}`}>{file.name}</a> — {t(lang, `processing.filePurpose.${file.purpose}`)}, {formatFileSize(file.size, lang)}</li>
        ))}</ul>
      ) : <p>{t(lang, 'processing.noFiles')}</p>}

      <ProcessingTimeline lang={lang} view={view} noticeHref={(seq) => `${base}/phieu/${seq}`} />

      {can('note') ? (
        <form method="post" action={`${base}/ghi-chu`} class="stack-form" id="note">{csrf}
          {f.textarea(lang, '/note', 'note', 'internal-note', t(lang, 'processing.note'), { hint: t(lang, 'processing.noteHint') })}
          <button type="submit" class="secondary">{t(lang, 'processing.noteSubmit')}</button>
        </form>
      ) : null}
      <p><a href="/xu-ly">{t(lang, 'processing.backToQueue')}</a></p>
    </Layout>
  );
}

/** Every action with what it carried; the agency's internal ones (never shown to the applicant) are marked. */
function ProcessingTimeline({ lang, view, noticeHref }: { lang: Lang; view: ProcessingDossierView; noticeHref: (seq: number) => string }) {
  const step = (code: unknown) => (typeof code === 'string' ? view.stepNames[code] ?? code : '');
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const details = (entry: ProcessingDossierView['timeline'][number]): (string | null)[] => {
    const p = entry.payload;
    switch (entry.kind) {
      case 'forwarded': return [
        p['fromStep'] ? `${step(p['fromStep'])} → ${step(p['toStep'])}` : null,
        text(p['note']) ? `${t(lang, p['transition'] === 'sendBack' ? 'processing.sendBackReason' : 'processing.forwardNote')}: ${p['note']}` : null,
      ];
      case 'appraised': return [t(lang, p['proposal'] === 'refuse' ? 'processing.proposal.refuse' : 'processing.proposal.grant'), text(p['opinion']), text(p['refusalReason'])];
      case 'consultationRequested': return [`${text(p['toUnitName']) ?? ''}: ${text(p['question']) ?? ''}`, `${t(lang, 'processing.consultDue')}: ${dateTimeText(lang, text(p['dueAt']))}`];
      case 'consultationAnswered': return [text(p['answer'])];
      case 'approved': return [t(lang, p['outcome'] === 'refused' ? 'processing.outcome.refused' : 'processing.outcome.granted'), text(p['note']), entry.reason];
      case 'resolved': return [p['documentNumber'] ? t(lang, 'processing.issuedAs', { number: String(p['documentNumber']), date: String(p['signedOn'] ?? '') }) : null, entry.reason];
      case 'noted': return [text(p['note'])];
      case 'supplemented': return [...supplementAnswerLines(p), text(p['note'])];
      case 'supplementRequested': return [
        entry.reason, p['throughDesk'] ? t(lang, 'processing.throughDesk', { name: String(p['requestedBy'] ?? '') }) : null,
        p['lateSupplementNotice'] ? t(lang, 'processing.lateNotice') : null, text(p['lateJustification']),
      ];
      default: return [entry.reason];
    }
  };
  const label = (entry: ProcessingDossierView['timeline'][number]) =>
    entry.kind === 'forwarded' && entry.payload['transition'] === 'sendBack' ? t(lang, 'processing.action.sentBack') : t(lang, `dossier.action.${entry.kind}` as MessageKey);
  return (
    <>
      <h2 id="timeline">{t(lang, 'dossierPage.timeline')}</h2>
      <ol class="timeline" aria-labelledby="timeline">{view.timeline.map((entry) => (
        <li class={entry.internal ? 'internal' : undefined}>
          <p class="timeline-when">{dateTimeText(lang, entry.at)}</p>
          <p class="timeline-what"><strong>{label(entry)}</strong> — {entry.actor}
            {entry.internal ? <> <span class="badge badge-paused">{t(lang, 'processing.internal')}</span></> : null}</p>
          {details(entry).filter((line): line is string => !!line).map((line) => <p class="timeline-note">{line}</p>)}
          {noticeActions.has(entry.kind) ? <p><a href={noticeHref(entry.seq)}>{t(lang, `dossierPage.notice.${entry.kind}` as MessageKey)}</a></p> : null}
        </li>
      ))}</ol>
      <h2 id="due-date">{t(lang, 'dossierPage.dueDate')}</h2>
      {view.dueDateExplanation.length ? <ul class="due-date-explanation">{view.dueDateExplanation.map((line) => <li>{line}</li>)}</ul> : <p>{t(lang, 'dossierPage.noDueDate')}</p>}
    </>
  );
}

/** Labelled fields with their hint and error wired by `aria-describedby`, the way every form of the portal does. */
function fieldHelpers(errors: FieldError[]) {
  const message = (path: string) => errors.find((e) => e.path === path)?.message;
  const cls = (path: string, base: string) => `${base}${message(path) ? ' field-error' : ''}`;
  const error = (path: string, id: string) => (message(path) ? <p class="error-message" id={id}>{message(path)}</p> : null);
  const described = (path: string, id: string, hint?: string, extra?: string) =>
    [extra, hint ? `${id}-hint` : undefined, message(path) ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
  interface Options { type?: 'text' | 'date' | 'datetime-local' | 'file'; accept?: string; hint?: string | undefined; describedBy?: string; optional?: string }
  return {
    cls, error,
    input: (path: string, name: string, id: string, label: string, o: Options = {}) => (
      <div class={cls(path, 'field')}>
        <label for={id}>{label}</label>
        {o.hint ? <p class="hint" id={`${id}-hint`}>{o.hint}</p> : null}
        {error(path, `${id}-error`)}
        <input id={id} name={name} {...({ type: o.type ?? 'text' } as { type: 'text' })} {...(o.type === 'text' || !o.type ? { maxLength: 1000 } : {})} {...(o.accept ? { accept: o.accept } : {})}
          aria-describedby={described(path, id, o.hint, o.describedBy)} aria-invalid={message(path) ? 'true' : undefined} />
      </div>
    ),
    textarea: (_lang: Lang, path: string, name: string, id: string, label: string, o: Options = {}) => (
      <div class={cls(path, 'field')}>
        <label for={id}>{label}</label>
        {o.hint ? <p class="hint" id={`${id}-hint`}>{o.hint}</p> : null}
        {error(path, `${id}-error`)}
        <textarea id={id} name={name} rows={3} maxLength={1000} aria-describedby={described(path, id, o.hint)} aria-invalid={message(path) ? 'true' : undefined}></textarea>
      </div>
    ),
    select: (path: string, name: string, id: string, label: string, options: { id: number; name: string }[], o: Options = {}) => (
      <div class={cls(path, 'field')}>
        <label for={id}>{label}</label>
        {error(path, `${id}-error`)}
        <select id={id} name={name} aria-describedby={described(path, id)} aria-invalid={message(path) ? 'true' : undefined}>
          {o.optional ? <option value="">{o.optional}</option> : null}
          {options.map((u) => <option value={String(u.id)}>{u.name}</option>)}
        </select>
      </div>
    ),
  };
}
