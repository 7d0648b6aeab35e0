import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { problemMessage } from '@heima/web-common/problemMessages';
import { href } from '../../../lib/router';
import { describeValues, measurementNaming, vitalName } from '../../vitals/format';

import { useVitalCatalogue } from '../../vitals/hooks/useVitalCatalogue';
import { ReviewState } from '../../reviews/components/ReviewState';
import { TriageResult } from '../../triage/components/TriageResult';
import type { Advice, Assessment } from '../../triage/types';
import { useOutbox } from '../hooks/useOutbox';
import type { DeliveredItem, OutboxItem } from '../outbox';
import { Notice } from '../../../ui/Notice';
import Button from '@helsenorge/designsystem-react/components/Button';

function useDescribe() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (item: OutboxItem | DeliveredItem) => {
    if (item.kind === 'response') return t('outbox.response', { title: item.label.title ?? '' });
    const values = describeValues(t, language, item.label.vital, item.label.values ?? []);
    return `${vitalName(t, item.label.vital)}: ${values}`;
  };
}

function DeliveredNotice({ item, onDismiss }: { item: DeliveredItem; onDismiss: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const response = item.response as {
    id?: string;
    triage?: Assessment;
    advice?: Advice | null;
  } | null;
  const vital = item.label.vital;
  const catalogue = useVitalCatalogue().data;
  const naming = measurementNaming(
    t,
    catalogue?.isVital(vital) ? catalogue.info(vital) : undefined,
  );
  return (
    <li className="outbox__item outbox__item--delivered">
      <p>
        <span aria-hidden="true">✓ </span>
        {t('outbox.deliveredLater', { what: describe(item) })}
      </p>
      {response?.triage && (
        <TriageResult
          triage={response.triage}
          advice={response.advice ?? null}
          headingLevel={3}
          {...naming}
        />
      )}
      {response?.triage && response.id && (
        <ReviewState sourceKey={response.id} triage={response.triage} headingLevel={3} />
      )}
      <Button type="button" variant="outline" onClick={onDismiss}>
        {t('outbox.dismiss')}
      </Button>
    </li>
  );
}

/**
 * What is stored on this device and not yet accepted by the server ("venter på å sendes"), what was
 * refused (and why), and answers that arrived while the patient was elsewhere.
 */
export function OutboxPanel({ owner }: { owner: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { outbox, items, delivered } = useOutbox(owner);
  const describe = useDescribe();
  const waiting = items.filter((item) => item.status === 'waiting');
  const rejected = items.filter((item) => item.status === 'rejected');
  if (items.length === 0 && delivered.length === 0) return null;

  return (
    <section className="outbox stack" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.heading')}</h2>
      {waiting.length > 0 && (
        <Notice variant="waiting" role="status">
          <p>
            <strong>
              <span aria-hidden="true">… </span>
              {t('outbox.waitingCount', { count: waiting.length })}
            </strong>
          </p>
          <ul className="plain-list">
            {waiting.map((item) => (
              <li key={item.key}>
                {describe(item)} — {t('outbox.waitingToSend')}
                <span className="muted">
                  {' '}
                  ({t('outbox.madeAt', { time: formatDateTime(item.createdAt, language) })})
                </span>
                {item.problem?.status === 401 && (
                  <span className="outbox__hint"> {t('outbox.logInAgain')}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="outbox__hint">{t('outbox.waitingHint')}</p>
          <Button type="button" variant="outline" onClick={() => void outbox.flush(true)}>
            {t('outbox.tryNow')}
          </Button>
        </Notice>
      )}
      {rejected.length > 0 && (
        <Notice variant="error" role="alert">
          <p>
            <strong>{t('outbox.rejectedHeading')}</strong>
          </p>
          <ul className="plain-list stack">
            {rejected.map((item) => (
              <li key={item.key}>
                <p>
                  {t('outbox.rejected', {
                    what: describe(item),
                    reason: item.problem ? problemMessage(i18n, item.problem) : '',
                  })}
                </p>
                <div className="button-row">
                  {item.kind === 'measurement' && (
                    <Button
                      htmlMarkup="a"
                      variant="outline"
                      href={href({
                        name: 'measure',
                        ...(item.label.vital ? { vital: item.label.vital } : {}),
                      })}
                    >
                      {t('outbox.recordAgain')}
                    </Button>
                  )}
                  <Button type="button" variant="outline" onClick={() => outbox.remove(item.key)}>
                    {t('outbox.remove')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {delivered.length > 0 && (
        <ul className="plain-list stack">
          {delivered.map((item) => (
            <DeliveredNotice
              key={item.key}
              item={item}
              onDismiss={() => outbox.dismissDelivered(item.key)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
