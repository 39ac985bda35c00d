import { t, type Lang } from '../../../platform/i18n/messages.ts';

/** How many items a supplement request form offers (DL-05: every missing item at once, each with its reason). */
const supplementRows = 5;

/** The item/reason pairs of a supplement request (Mẫu 02), as the desk's and the processing page's forms ask them. */
export function SupplementItemFields({ lang }: { lang: Lang }) {
  return (
    <>
      {Array.from({ length: supplementRows }, (_, i) => (
        <div class="pair">
          <label for={`item-${i}`}>{t(lang, 'desk.supplementItem', { n: i + 1 })}</label>
          <input id={`item-${i}`} name={`item${i}`} type="text" maxLength={300} />
          <label for={`reason-${i}`}>{t(lang, 'desk.supplementReason', { n: i + 1 })}</label>
          <input id={`reason-${i}`} name={`reason${i}`} type="text" maxLength={500} />
        </div>
      ))}
    </>
  );
}
