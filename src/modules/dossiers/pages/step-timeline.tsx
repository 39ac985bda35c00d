import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { timeLimitText } from '../../catalog/pages/labels.ts';
import type { StepTimeline as Timeline } from '../build-step-timeline.ts';
import { dateTimeText } from './format.ts';

/** Working minutes in words: "5 giờ 30 phút". */
function duration(lang: Lang, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return h && m ? t(lang, 'stepTimeline.hm', { h, m }) : h ? t(lang, 'stepTimeline.h', { h }) : t(lang, 'stepTimeline.m', { m });
}

const named = (lang: Lang, s: { name: string; nameEn: string | null }) => (lang === 'en' && s.nameEn ? s.nameEn : s.name);

/**
 * The dossier's way through its internal process (issue 4 §6, S-g, DL-08): each step visited with its unit, officer,
 * time used against its budget and the pauses inside it, then the steps ahead, the expected result date and the legal
 * due date. The same for the applicant and, dropped into their page, the officers.
 */
export function StepTimeline({ lang, timeline }: { lang: Lang; timeline: Timeline }) {
  const late = timeline.predictedAt && timeline.dueAt && timeline.predictedAt > timeline.dueAt;
  return (
    <section class="step-timeline" aria-labelledby="step-timeline">
      <h2 id="step-timeline">{t(lang, 'stepTimeline.title')}</h2>
      <p>{t(lang, 'stepTimeline.lead')}</p>
      <dl class="summary">
        <dt>{t(lang, 'stepTimeline.predicted')}</dt>
        <dd>{timeline.predictedAt ? dateTimeText(lang, timeline.predictedAt) : timeline.paused ? t(lang, 'stepTimeline.pausedNow') : t(lang, 'stepTimeline.noPrediction')}</dd>
        {timeline.dueAt ? <><dt>{t(lang, 'stepTimeline.legalDue')}</dt><dd>{dateTimeText(lang, timeline.dueAt)}</dd></> : null}
      </dl>
      {late ? <p class="notice">{t(lang, 'stepTimeline.predictedLate')}</p> : null}
      <ol class="step-list">{timeline.visited.map((s) => (
        <li>
          <p class="timeline-what"><strong>{named(lang, s)}</strong>
            {s.timeliness ? <> — <span class={s.timeliness === 'late' ? 'late' : undefined}>{t(lang, `stepTimeline.${s.timeliness}` as MessageKey)}</span></> : null}
          </p>
          <p class="timeline-when">{s.endedAt ? t(lang, 'stepTimeline.period', { start: dateTimeText(lang, s.startedAt), end: dateTimeText(lang, s.endedAt) }) : <span class="running">{t(lang, 'stepTimeline.since', { start: dateTimeText(lang, s.startedAt) })}</span>}</p>
          {s.agencyName ? <p>{t(lang, 'stepTimeline.unit', { unit: s.agencyName })}</p> : null}
          {s.officer ? <p>{t(lang, 'stepTimeline.officer', { name: s.officer })}</p> : null}
          <p>{t(lang, 'stepTimeline.used', { used: duration(lang, s.usedMinutes), budget: timeLimitText(lang, s.budget) })}</p>
          {!s.endedAt && s.dueAt ? <p>{t(lang, 'stepTimeline.stepDue', { due: dateTimeText(lang, s.dueAt) })}</p> : null}
          {s.pauses.map((p) => (
            <p class="timeline-note">{p.end
              ? t(lang, 'stepTimeline.pause', { kind: t(lang, `stepTimeline.pause.${p.kind}` as MessageKey), start: dateTimeText(lang, p.start), end: dateTimeText(lang, p.end) })
              : t(lang, 'stepTimeline.pauseOpen', { kind: t(lang, `stepTimeline.pause.${p.kind}` as MessageKey), start: dateTimeText(lang, p.start) })}{p.reason ? `: ${p.reason}` : ''}</p>
          ))}
        </li>
      ))}</ol>
      {timeline.ahead.length ? (
        <>
          <h3 id="steps-ahead">{t(lang, 'stepTimeline.ahead')}</h3>
          <ol class="steps-ahead" aria-labelledby="steps-ahead">{timeline.ahead.map((s) => (
            <li>{t(lang, 'stepTimeline.aheadItem', { name: named(lang, s), unit: s.agencyName, budget: timeLimitText(lang, s.budget) })}</li>
          ))}</ol>
        </>
      ) : null}
    </section>
  );
}
