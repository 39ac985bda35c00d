import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { mandatoryKinds } from '../../../notifications/dossier-messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { notificationChannels } from '../set-notification-channels.ts';
import { ErrorSummary, SuccessNotice, type FormError } from './form-parts.tsx';

interface Props {
  ctx: PageContext;
  csrfToken: string;
  /** The channels ticked: stored ones, or what was sent when the form comes back with errors. */
  channels: readonly string[];
  contact: { email: string | null; phone: string | null };
  errors?: FormError[];
  saved?: boolean;
}

/** "Kênh nhận thông báo": e-mail, SMS, in-app; mandatory notices always go out, in-app always stays on. */
export function NotificationChannelsPage({ ctx, csrfToken, channels, contact, errors = [], saved }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'profile.channels.title');
  const detail = { email: contact.email, sms: contact.phone, inApp: null };
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/tai-khoan', label: t(lang, 'account.title') }, { label: title }]}>
      <h1>{title}</h1>
      {saved ? <SuccessNotice>{t(lang, 'profile.channels.saved')}</SuccessNotice> : null}
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, 'profile.channels.lead')}</p>
      <div class="notice" id="mandatory-note">
        <p>{t(lang, 'profile.channels.mandatory')}</p>
        {/* Named from the same set the notifier uses, so the page cannot promise other notices than those sent. */}
        <p>{t(lang, 'profile.channels.mandatoryList')}</p>
        <ul>{[...mandatoryKinds].map((kind) => <li>{t(lang, `notificationTemplates.kind.${kind}` as MessageKey)}</li>)}</ul>
      </div>
      <form method="post" action="/tai-khoan/thong-bao" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <fieldset class="choices" aria-describedby="mandatory-note">
          <legend>{t(lang, 'profile.channels.legend')}</legend>
          {notificationChannels.map((channel) => {
            const error = errors.find((e) => e.name === channel)?.message;
            const always = channel === 'inApp';
            return (
              <div class={`choice${error ? ' field-error' : ''}`}>
                {error ? <p class="error-message" id={`${channel}-error`}>{error}</p> : null}
                {/* A disabled box is never sent: the in-app channel is kept on by the use case, not by this input. */}
                <input type="checkbox" id={channel} name="channels" value={channel} checked={always || channels.includes(channel)} disabled={always}
                  aria-describedby={error ? `${channel}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
                <label for={channel}>{t(lang, `profile.channels.${channel}`)}{detail[channel] ? <span class="small">{detail[channel]}</span> : null}</label>
              </div>
            );
          })}
        </fieldset>
        <button type="submit">{t(lang, 'profile.channels.save')}</button>
      </form>
    </Layout>
  );
}
