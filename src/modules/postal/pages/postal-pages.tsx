import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import { formatVnd } from '../../payments/amount-in-words.ts';
import { addressFieldName, addressFields } from '../choose-postal-service.ts';
import type { ApplicantPostal, DeskPostal, PostalOrderView } from '../get-postal-view.ts';
import { postalFees } from '../postal-fees.ts';
import type { PostalAddress } from '../tables.ts';

type Values = Record<string, string | undefined>;

/** The address fieldset, each field with its own error (issue 5 §4); `prefix` names the fields on the desk's intake form. */
export function AddressFields({ lang, values, errors, prefix = '', legend = 'postal.address.legend' }: { lang: Lang; values: Values; errors: readonly FieldError[]; prefix?: string; legend?: MessageKey }) {
  const error = (id: string) => errors.find((e) => e.path === `/${id}`)?.message;
  return (
    <fieldset>
      <legend>{t(lang, legend)}</legend>
      {addressFields.map((name) => {
        const id = addressFieldName(name, prefix);
        return (
          <div class={`field${error(id) ? ' field-error' : ''}`}>
            <label for={id}>{t(lang, `postal.address.${name}` as MessageKey)}</label>
            {error(id) ? <p class="error-message" id={`${id}-error`}>{error(id)}</p> : null}
            <input id={id} name={id} type="text" inputMode={name === 'phone' ? 'tel' : undefined} maxLength={120} value={values[id] ?? ''}
              autocomplete={prefix ? 'off' : ({ recipient: 'name', phone: 'tel', province: 'address-level1', district: 'address-level2', ward: 'address-level3', street: 'address-line1' } as const)[name]}
              aria-describedby={error(id) ? `${id}-error` : undefined} aria-invalid={error(id) ? 'true' : undefined} />
          </div>
        );
      })}
    </fieldset>
  );
}

const addressText = (a: PostalAddress) => `${a.recipient}, ${a.phone} — ${[a.street, a.ward, a.district, a.province].join(', ')}`;
const orderStatusText = (lang: Lang, status: string) => t(lang, `postal.status.${status}` as MessageKey);

/** The parcels of a dossier and where each one is. */
function OrdersList({ lang, orders, cancel }: { lang: Lang; orders: readonly PostalOrderView[]; cancel?: ((order: PostalOrderView) => preact.JSX.Element | null) | undefined }) {
  if (!orders.length) return <p>{t(lang, 'postal.noOrders')}</p>;
  return (
    <ul class="plain-list">
      {orders.map((o) => (
        <li>
          <h3>{t(lang, `postal.purpose.${o.purpose}` as MessageKey)} — {o.order_code ?? t(lang, 'postal.codePending')}</h3>
          <p>{t(lang, 'postal.orderStatus')}: <strong>{orderStatusText(lang, o.status)}</strong>
            {Number(o.cod_amount) > 0 ? <> · {t(lang, 'postal.cod', { amount: formatVnd(Number(o.cod_amount)) })}</> : null}</p>
          <p>{addressText(o.address)}</p>
          {o.tracking.length ? (
            <ol aria-label={t(lang, 'postal.trackingOf', { code: o.order_code ?? o.reference })}>
              {o.tracking.map((e) => <li><time dateTime={e.at.toISOString()}>{dateTimeText(lang, e.at)}</time>: {e.name || e.statusCode}</li>)}
            </ol>
          ) : null}
          {cancel?.(o) ?? null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The applicant's postal page (issue 5 §4): while the dossier is a draft, the choice to send the paper components
 * and/or receive the result by post, with the address and the fees; once filed, the tracking of each parcel.
 */
export function ApplicantPostalPage({ ctx, view, errors = [], values, saved }: { ctx: PageContext; view: ApplicantPostal; errors?: FieldError[]; values?: Values; saved?: boolean }) {
  const { lang } = ctx;
  const { dossier, choice } = view;
  const ref = encodeURIComponent(dossier.reference);
  const draft = dossier.status === 0;
  const shown: Values = values ?? { ...(choice?.address ?? {}), ...(choice?.send_papers ? { sendPapers: '1' } : {}), ...(choice?.return_result ? { returnResult: '1' } : {}) };
  const title = t(lang, 'postal.choice.title');
  return (
    <Layout ctx={ctx} title={title}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/ho-so-cua-toi', label: t(lang, 'postal.myDossiers') }, { href: draft ? `/ho-so-cua-toi/${ref}/kiem-tra` : `/ho-so-cua-toi/${ref}`, label: dossier.code ?? dossier.reference }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      {saved ? <p class="notice" role="status">{t(lang, 'postal.choice.saved')}</p> : null}
      {draft ? (
        <form method="post" action={`/ho-so-cua-toi/${ref}/buu-chinh`} class="stack-form" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>{t(lang, 'postal.choice.intro')}</p>
          <fieldset>
            <legend>{t(lang, 'postal.choice.legend')}</legend>
            <label class="choice"><input type="checkbox" name="sendPapers" value="1" checked={shown['sendPapers'] === '1'} /> {t(lang, 'postal.choice.sendPapers', { fee: formatVnd(postalFees.pickup) })}</label>
            <label class="choice"><input type="checkbox" name="returnResult" value="1" checked={shown['returnResult'] === '1'} /> {t(lang, 'postal.choice.returnResult', { fee: formatVnd(postalFees.result) })}</label>
          </fieldset>
          <AddressFields lang={lang} values={shown} errors={errors} />
          <p class="hint">{t(lang, 'postal.choice.feeHint')}</p>
          <button type="submit">{t(lang, 'postal.choice.save')}</button>
          <p><a href={`/ho-so-cua-toi/${ref}/kiem-tra`}>{t(lang, 'postal.choice.back')}</a></p>
        </form>
      ) : (
        <>
          <p>{choice ? t(lang, 'postal.choice.summary', { what: summary(lang, choice), fee: formatVnd(Number(choice.quoted_fee)) }) : t(lang, 'postal.choice.none')}</p>
          <h2>{t(lang, 'postal.parcels')}</h2>
          <OrdersList lang={lang} orders={view.orders} />
        </>
      )}
    </Layout>
  );
}

export function summary(lang: Lang, choice: { send_papers: boolean; return_result: boolean }): string {
  return [choice.send_papers ? t(lang, 'postal.choice.sendPapersShort') : '', choice.return_result ? t(lang, 'postal.choice.returnResultShort') : ''].filter(Boolean).join(', ');
}

/** The desk's postal page: the applicant's choice, the parcels, and the order to deliver the result (with COD). */
export function DeskPostalPage({ ctx, view, errors = [], values, notice }: { ctx: PageContext; view: DeskPostal; errors?: FieldError[]; values?: Values; notice?: string | undefined }) {
  const { lang } = ctx;
  const { dossier, choice } = view;
  const base = `/mot-cua/ho-so/${dossier.id}/buu-chinh`;
  const label = dossier.code ?? dossier.reference;
  const title = t(lang, 'postal.deskTitle', { code: label });
  const shown: Values = values ?? { ...(choice?.address ?? {}) };
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  const cancel = (o: PostalOrderView) => (view.mayOrder && (o.status === 'requested' || o.status === 'created') ? (
    <form method="post" action={`${base}/huy`}>{csrf}<input type="hidden" name="orderId" value={o.id} />
      <button type="submit" class="secondary">{t(lang, 'postal.cancel', { code: o.order_code ?? o.reference })}</button></form>
  ) : null);
  return (
    <Layout ctx={ctx} title={title}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/mot-cua/ho-so', label: t(lang, 'desk.title') }, { href: `/mot-cua/ho-so/${dossier.id}`, label }, { label: t(lang, 'postal.crumb') }]}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <p>{choice ? t(lang, 'postal.choice.summary', { what: summary(lang, choice), fee: formatVnd(Number(choice.quoted_fee)) }) : t(lang, 'postal.choice.none')}</p>
      <h2>{t(lang, 'postal.parcels')}</h2>
      <OrdersList lang={lang} orders={view.orders} cancel={cancel} />
      {view.mayOrder && view.resultReady ? (
        <>
          <h2 id="result-order">{t(lang, 'postal.resultOrder')}</h2>
          <form method="post" action={`${base}/gui-ket-qua`} class="stack-form" aria-labelledby="result-order" novalidate>{csrf}
            <AddressFields lang={lang} values={shown} errors={errors} />
            {view.feesDue > 0 ? (
              <label class="choice" id="collectFees"><input type="checkbox" name="collectFees" value="1" checked={(values ?? { collectFees: '1' })['collectFees'] === '1'} /> {t(lang, 'postal.collectFees', { amount: formatVnd(view.feesDue) })}</label>
            ) : null}
            <button type="submit">{t(lang, 'postal.placeResultOrder')}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
