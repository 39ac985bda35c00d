import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import { amountInWords, formatVnd } from '../amount-in-words.ts';
import type { DeskPayments } from '../get-desk-payments.ts';
import type { GatewayReturnView } from '../handle-gateway-return.ts';
import type { PaymentRequest } from '../payment-request.ts';
import type { ApplicantPayments } from '../start-online-payment.ts';
import type { PaymentMethod, PaymentStatus } from '../tables.ts';

interface OrderRow { id: string; order_reference: string; amount: number; method: PaymentMethod; status: PaymentStatus; transaction_no: string | null; created_at: Date; paid_at: Date | null; mismatch?: string | null }

const statusText = (lang: Lang, status: PaymentStatus) => t(lang, `payments.status.${status}` as MessageKey);
const methodText = (lang: Lang, method: PaymentMethod) => t(lang, `payments.method.${method}` as MessageKey);

/** The items of a fee request and their total, in figures and in words (ST-06). */
function FeeTable({ lang, request, id }: { lang: Lang; request: PaymentRequest; id: string }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{t(lang, 'payments.itemsCaption', { at: dateTimeText(lang, request.at) })}</caption>
        <thead><tr><th scope="col">{t(lang, 'payments.item')}</th><th scope="col" class="num">{t(lang, 'payments.amount')}</th></tr></thead>
        <tbody>{request.items.map((item) => <tr><th scope="row">{item.name}</th><td class="num">{formatVnd(item.amount)}</td></tr>)}</tbody>
        <tfoot><tr><th scope="row">{t(lang, 'payments.total')}</th><td class="num"><strong>{formatVnd(request.total)}</strong></td></tr></tfoot>
      </table>
      <p class="hint">{t(lang, 'payments.inWords', { words: amountInWords(request.total) })}</p>
    </div>
  );
}

/** Every order of the dossier: failures too, so the applicant and the desk see what happened. */
function OrdersTable({ lang, orders, receiptHref, id }: { lang: Lang; orders: readonly OrderRow[]; receiptHref: (paymentId: string) => string; id: string }) {
  if (!orders.length) return null;
  return (
    <>
      <h2 id={id}>{t(lang, 'payments.orders')}</h2>
      <div class="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
        <table>
          <thead><tr>
            <th scope="col">{t(lang, 'payments.orderReference')}</th><th scope="col">{t(lang, 'payments.createdAt')}</th><th scope="col">{t(lang, 'payments.methodLabel')}</th>
            <th scope="col" class="num">{t(lang, 'payments.amount')}</th><th scope="col">{t(lang, 'payments.statusLabel')}</th><th scope="col">{t(lang, 'payments.receipt')}</th>
          </tr></thead>
          <tbody>{orders.map((o) => (
            <tr>
              <th scope="row">{o.order_reference}</th><td>{dateTimeText(lang, o.created_at)}</td><td>{methodText(lang, o.method)}</td>
              <td class="num">{formatVnd(Number(o.amount))}</td>
              <td>{statusText(lang, o.status)}{o.transaction_no ? ` — ${o.transaction_no}` : ''}</td>
              <td>{o.status === 'paid' || o.status === 'refunded' ? <a href={receiptHref(o.id)}>{t(lang, 'payments.receiptLink', { reference: o.order_reference })}</a> : '—'}</td>
            </tr>
          ))}</tbody>
        </table>
      </div>
    </>
  );
}

/** The applicant's payment page (issue 5 §2): what is due and the button to pay online; works without JavaScript. */
export function ApplicantPaymentPage({ ctx, view, online, errors = [] }: { ctx: PageContext; view: ApplicantPayments; online: boolean; errors?: FieldError[] }) {
  const { lang } = ctx;
  const { dossier } = view;
  const label = dossier.code ?? dossier.reference;
  const home = `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}`;
  return (
    <Layout ctx={ctx} title={t(lang, 'payments.title', { code: label })}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/ho-so-cua-toi', label: t(lang, 'myDossiers.title') }, { href: home, label }, { label: t(lang, 'payments.crumb') }]}>
      <h1>{t(lang, 'payments.title', { code: label })}</h1>
      <p>{view.procedureName}</p>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ message: e.message }))} />
      {view.open ? (
        <>
          <FeeTable lang={lang} request={view.open} id="fees" />
          {online ? (
            <form method="post" action={`${home}/thanh-toan`} class="stack-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <p class="hint" id="pay-hint">{t(lang, 'payments.payHint')}</p>
              <button type="submit" aria-describedby="pay-hint">{t(lang, 'payments.payOnline')}</button>
            </form>
          ) : <p class="notice">{t(lang, 'payments.onlineOff')}</p>}
          <p class="hint">{t(lang, 'payments.counterHint')}</p>
        </>
      ) : <p class="notice" role="status">{t(lang, 'payments.nothingDue')}</p>}
      <OrdersTable lang={lang} orders={view.payments} id="orders" receiptHref={(id) => `${home}/bien-lai/${id}`} />
      <p><a href={home}>{t(lang, 'payments.backToDossier')}</a></p>
    </Layout>
  );
}

/** Where the gateway sends the payer back: the outcome as the IPN or the query established it, never the URL alone. */
export function PaymentReturnPage({ ctx, view }: { ctx: PageContext; view: GatewayReturnView }) {
  const { lang } = ctx;
  if (!view.verified) {
    return (
      <Layout ctx={ctx} title={t(lang, 'payments.return.invalidTitle')}>
        <h1>{t(lang, 'payments.return.invalidTitle')}</h1>
        <p role="alert">{t(lang, 'payments.return.invalid')}</p>
        <p><a href="/ho-so-cua-toi">{t(lang, 'myDossiers.title')}</a></p>
      </Layout>
    );
  }
  const { payment, dossier } = view;
  const home = `/ho-so-cua-toi/${encodeURIComponent(dossier.reference)}`;
  const state = payment.status === 'paid' ? 'paid' : payment.status === 'pending' ? 'pending' : 'failed';
  return (
    <Layout ctx={ctx} title={t(lang, `payments.return.${state}Title` as MessageKey)}>
      <h1>{t(lang, `payments.return.${state}Title` as MessageKey)}</h1>
      <p class="notice" role="status">{t(lang, `payments.return.${state}` as MessageKey, { code: dossier.code ?? dossier.reference })}</p>
      <dl class="summary">
        <dt>{t(lang, 'payments.orderReference')}</dt><dd>{payment.order_reference}</dd>
        <dt>{t(lang, 'payments.amount')}</dt><dd>{formatVnd(Number(payment.amount))}</dd>
        <dt>{t(lang, 'payments.statusLabel')}</dt><dd>{statusText(lang, payment.status)}</dd>
        {payment.transaction_no ? <><dt>{t(lang, 'payments.transactionNo')}</dt><dd>{payment.transaction_no}</dd></> : null}
      </dl>
      <ul class="link-list">
        {payment.status === 'paid' ? <li><a href={`${home}/bien-lai/${payment.id}`}>{t(lang, 'payments.receiptLink', { reference: payment.order_reference })}</a></li> : null}
        {state === 'failed' && dossier.status === 6 ? <li><a href={`${home}/thanh-toan`}>{t(lang, 'payments.tryAgain')}</a></li> : null}
        <li><a href={home}>{t(lang, 'payments.backToDossier')}</a></li>
      </ul>
    </Layout>
  );
}

/** The desk's fee page for a dossier: request payment from the case's fees, record a counter payment, see every order. */
export function DeskPaymentPage({ ctx, view, errors = [], values = {}, notice }: { ctx: PageContext; view: DeskPayments; errors?: FieldError[]; values?: Record<string, string>; notice?: string | undefined }) {
  const { lang } = ctx;
  const { dossier } = view;
  const base = `/mot-cua/ho-so/${dossier.id}`;
  const label = dossier.code ?? dossier.reference;
  const error = (path: string) => errors.find((e) => e.path === path)?.message;
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  const field = (id: string, path: string, name: string, text: string, input: { type: 'text'; inputMode?: 'numeric'; maxLength?: number }) => (
    <div class={`field${error(path) ? ' field-error' : ''}`}>
      <label for={id}>{text}</label>
      {error(path) ? <p class="error-message" id={`${id}-error`}>{error(path)}</p> : null}
      <input id={id} name={name} type={input.type} inputMode={input.inputMode} maxLength={input.maxLength} value={values[name] ?? ''}
        aria-describedby={error(path) ? `${id}-error` : undefined} aria-invalid={error(path) ? 'true' : undefined} />
    </div>
  );
  const needsCopies = view.fees.some((f) => f.basis === 'perCopy' && f.amount > 0);
  return (
    <Layout ctx={ctx} title={t(lang, 'payments.deskTitle', { code: label })}
      crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/mot-cua/ho-so', label: t(lang, 'desk.title') }, { href: base, label }, { label: t(lang, 'payments.crumb') }]}>
      <h1>{t(lang, 'payments.deskTitle', { code: label })}</h1>
      {notice ? <p class="notice" role="status">{notice}</p> : null}
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.path === '/receiptNo' ? 'receipt-no' : e.path === '/copies' ? 'copies' : undefined, message: e.message }))} />
      <p>{view.procedureName} — {view.caseName}</p>
      <p>{t(lang, 'track.status')}: <strong>{t(lang, `dossier.status.${dossier.status}` as MessageKey)}</strong></p>
      {view.open ? <FeeTable lang={lang} request={view.open} id="open-fees" /> : null}
      {view.canRecordCounter ? (
        <form method="post" action={`${base}/thu-tai-quay`} class="stack-form">{csrf}
          <h2>{t(lang, 'payments.counterTitle')}</h2>
          <fieldset class="field"><legend>{t(lang, 'payments.instrument')}</legend>
            {(['cash', 'pos'] as const).map((c) => <label class="choice"><input type="radio" name="instrument" value={c} checked={(values['instrument'] ?? 'cash') === c} /> {t(lang, `payments.instrument.${c}` as MessageKey)}</label>)}
          </fieldset>
          {field('receipt-no', '/receiptNo', 'receiptNo', t(lang, 'payments.receiptNo'), { type: 'text', maxLength: 40 })}
          <button type="submit">{t(lang, 'payments.recordCounter')}</button>
        </form>
      ) : null}
      {view.canRequest ? (
        <form method="post" action={`${base}/yeu-cau-thanh-toan`} class="stack-form">{csrf}
          <h2>{t(lang, 'payments.requestTitle')}</h2>
          {view.fees.length ? <ul>{view.fees.map((f) => <li>{f.name}: {f.basis === 'officerSet' ? t(lang, 'payments.basis.officerSet') : `${formatVnd(f.amount)}${f.basis === 'perCopy' ? ` ${t(lang, 'payments.basis.perCopy')}` : ''}`}</li>)}</ul>
            : <p>{t(lang, 'payments.nothingToPay')}</p>}
          {error('/fees') ? <p class="error-message">{error('/fees')}</p> : null}
          {needsCopies ? field('copies', '/copies', 'copies', t(lang, 'payments.copies'), { type: 'text', inputMode: 'numeric', maxLength: 4 }) : null}
          {view.fees.filter((f) => f.basis === 'officerSet').map((f) => (
            <fieldset class="field"><legend>{f.name}</legend>
              {field(`amount-${f.code}`, `/fees/${f.code}/amount`, `amount.${f.code}`, t(lang, 'payments.officerAmount'), { type: 'text', inputMode: 'numeric', maxLength: 12 })}
              {field(`reason-${f.code}`, `/fees/${f.code}/reason`, `reason.${f.code}`, t(lang, 'payments.officerReason'), { type: 'text', maxLength: 500 })}
            </fieldset>
          ))}
          <button type="submit">{t(lang, 'payments.request')}</button>
        </form>
      ) : null}
      <OrdersTable lang={lang} orders={view.payments} id="orders" receiptHref={(id) => `${base}/bien-lai/${id}`} />
      {view.refundable.length ? (
        <form method="post" action={`${base}/hoan-tien`} class="stack-form">{csrf}
          <h2>{t(lang, 'payments.refundTitle')}</h2>
          <p class="hint" id="refund-hint">{t(lang, 'payments.refundHint')}</p>
          <div class="field"><label for="refund-payment">{t(lang, 'payments.refundPayment')}</label>
            <select id="refund-payment" name="paymentId">{view.refundable.map((p) => <option value={p.id}>{`${p.order_reference} — ${formatVnd(Number(p.amount))}${p.mismatch ? ` (${t(lang, `payments.mismatch.${p.mismatch}` as MessageKey)})` : ''}`}</option>)}</select></div>
          {field('refund-reason', '/reason', 'reason', t(lang, 'payments.refundReason'), { type: 'text', maxLength: 500 })}
          <button type="submit" class="secondary" aria-describedby="refund-hint">{t(lang, 'payments.refund')}</button>
        </form>
      ) : null}
      {view.events.length ? (
        <>
          <h2 id="exchanges">{t(lang, 'payments.exchanges')}</h2>
          <ul>{view.events.map((e) => <li>{dateTimeText(lang, e.at)} — {t(lang, `payments.event.${e.kind}` as MessageKey)}: {e.outcome}</li>)}</ul>
        </>
      ) : null}
      <p><a href={base}>{t(lang, 'payments.backToDossier')}</a></p>
    </Layout>
  );
}

export interface PaymentsAdminView {
  rows: (OrderRow & { dossier_id: string; reference: string; code: string | null })[];
  total: number;
  page: number;
  pageSize: number;
  filter: { status?: PaymentStatus | undefined; method?: PaymentMethod | undefined; mismatch?: boolean };
}

export const paymentStatuses: PaymentStatus[] = ['pending', 'paid', 'failed', 'cancelled', 'refunded'];
export const paymentMethods: PaymentMethod[] = ['online-gateway', 'national-platform', 'counter'];

/** The back-office list of payments with filters and the reconciliation's mismatches (issue 5 §2). */
export function PaymentsAdminPage({ ctx, view }: { ctx: PageContext; view: PaymentsAdminView }) {
  const { lang } = ctx;
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const query = (page: number) => `?${new URLSearchParams({ ...(view.filter.status ? { trang_thai: view.filter.status } : {}), ...(view.filter.method ? { hinh_thuc: view.filter.method } : {}), ...(view.filter.mismatch ? { lech: '1' } : {}), page: String(page) })}`;
  return (
    <Layout ctx={ctx} title={t(lang, 'payments.admin.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'payments.admin.title') }]}>
      <h1>{t(lang, 'payments.admin.title')}</h1>
      <form method="get" action="/quan-tri/thanh-toan" class="filters">
        <div class="field"><label for="status">{t(lang, 'payments.statusLabel')}</label>
          <select id="status" name="trang_thai"><option value="">{t(lang, 'payments.admin.all')}</option>
            {paymentStatuses.map((s) => <option value={s} selected={view.filter.status === s}>{statusText(lang, s)}</option>)}</select></div>
        <div class="field"><label for="method">{t(lang, 'payments.methodLabel')}</label>
          <select id="method" name="hinh_thuc"><option value="">{t(lang, 'payments.admin.all')}</option>
            {paymentMethods.map((m) => <option value={m} selected={view.filter.method === m}>{methodText(lang, m)}</option>)}</select></div>
        <div class="field checkbox"><label><input type="checkbox" name="lech" value="1" checked={view.filter.mismatch} /> {t(lang, 'payments.admin.mismatchOnly')}</label></div>
        <div class="filter-actions"><button type="submit">{t(lang, 'payments.admin.filter')}</button></div>
      </form>
      <p role="status">{t(lang, 'payments.admin.count', { count: view.total })}</p>
      {view.rows.length ? (
        <div class="table-wrap" role="region" aria-labelledby="payments-table" tabIndex={0}>
          <table>
            <caption id="payments-table">{t(lang, 'payments.admin.title')}</caption>
            <thead><tr>
              <th scope="col">{t(lang, 'payments.orderReference')}</th><th scope="col">{t(lang, 'myDossiers.code')}</th><th scope="col">{t(lang, 'payments.createdAt')}</th>
              <th scope="col">{t(lang, 'payments.methodLabel')}</th><th scope="col" class="num">{t(lang, 'payments.amount')}</th><th scope="col">{t(lang, 'payments.statusLabel')}</th>
              <th scope="col">{t(lang, 'payments.admin.mismatch')}</th>
            </tr></thead>
            <tbody>{view.rows.map((r) => (
              <tr>
                <th scope="row">{r.order_reference}</th><td><a href={`/mot-cua/ho-so/${r.dossier_id}/thanh-toan`}>{r.code ?? r.reference}</a></td>
                <td>{dateTimeText(lang, r.created_at)}</td><td>{methodText(lang, r.method)}</td><td class="num">{formatVnd(Number(r.amount))}</td>
                <td>{statusText(lang, r.status)}</td><td>{r.mismatch ? <strong>{t(lang, `payments.mismatch.${r.mismatch}` as MessageKey)}</strong> : '—'}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t(lang, 'payments.admin.pages')}>
          {view.page > 1 ? <a href={query(view.page - 1)}>{t(lang, 'payments.admin.previous')}</a> : null}
          <span>{t(lang, 'payments.admin.pageOf', { page: view.page, pages })}</span>
          {view.page < pages ? <a href={query(view.page + 1)}>{t(lang, 'payments.admin.next')}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
