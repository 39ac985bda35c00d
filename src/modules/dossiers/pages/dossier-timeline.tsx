import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import type { ActionKind } from '../status-machine.ts';
import { noticeActions } from '../render-dossier-notice.ts';
import { dateTimeText } from './format.ts';

interface TimelineProps {
  lang: Lang;
  timeline: readonly { seq: number; kind: ActionKind; at: Date; actor: string; reason: string | null; details?: readonly string[] }[];
  dueDateExplanation: readonly string[];
  /** Where the notice an action issued (Mẫu 01–04) is downloaded. */
  noticeHref: (seq: number) => string;
}

/** Every step of a dossier and why its due date is what it is: the same for its applicant and its officers (S-g). */
export function DossierTimeline({ lang, timeline, dueDateExplanation, noticeHref }: TimelineProps) {
  return (
    <>
      <h2 id="timeline">{t(lang, 'dossierPage.timeline')}</h2>
      <ol class="timeline" aria-labelledby="timeline">{timeline.map((step) => (
        <li>
          <p class="timeline-when">{dateTimeText(lang, step.at)}</p>
          <p class="timeline-what"><strong>{t(lang, `dossier.action.${step.kind}` as MessageKey)}</strong> — {step.actor}</p>
          {step.reason ? <p class="timeline-note">{step.reason}</p> : null}
          {step.details?.map((line) => <p class="timeline-note">{line}</p>)}
          {noticeActions.has(step.kind) ? <p><a href={noticeHref(step.seq)}>{t(lang, `dossierPage.notice.${step.kind}` as MessageKey)}</a></p> : null}
        </li>
      ))}</ol>
      <h2 id="due-date">{t(lang, 'dossierPage.dueDate')}</h2>
      {dueDateExplanation.length ? <ul class="due-date-explanation">{dueDateExplanation.map((line) => <li>{line}</li>)}</ul> : <p>{t(lang, 'dossierPage.noDueDate')}</p>}
    </>
  );
}
