import type { Questionnaire } from 'fhir/r4';
import { Component, lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '@heima/web-common/i18n';
import { Loading } from '@heima/web-common/ui/Status';
import { languagesOf, localize } from '../api/translations';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

// Refero is big; it arrives only when someone opens a preview.
const ReferoPreview = lazy(() => import('../preview/ReferoPreview'));

/** Shows a fallback instead of a blank page if the preview chunk or refero fails. */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type PreviewLanguage = 'nb' | 'en';

/**
 * The questionnaire rendered as patients will see it, in bokmål and (when it has translations)
 * English.
 */
export function QuestionnairePreview({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const available = languagesOf(questionnaire).filter(
    (l): l is PreviewLanguage => l === 'nb' || l === 'en',
  );
  const uiLanguage = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'nb';
  const [chosen, setChosen] = useState<PreviewLanguage | null>(null);
  const language: PreviewLanguage =
    chosen ?? (available.includes(uiLanguage) ? uiLanguage : (available[0] ?? 'nb'));
  const shown = localize(questionnaire, language);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('questionnairePreview.heading')}</h2>
      <p className="muted">{t('questionnairePreview.intro')}</p>
      {available.length > 1 && (
        <div className="toggle-group" role="group" aria-label={t('questionnairePreview.language')}>
          {available.map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              className="button button--secondary button--small"
              aria-pressed={option === language}
              onClick={() => setChosen(option)}
            >
              {LANGUAGE_NAMES[option]}
            </button>
          ))}
        </div>
      )}
      <div className="refero-preview" lang={language}>
        <PreviewBoundary
          fallback={
            <NotificationPanel variant="error" role="alert">
              {t('questionnairePreview.failed')}
            </NotificationPanel>
          }
        >
          <Suspense fallback={<Loading label={t('questionnairePreview.loading')} />}>
            <ReferoPreview
              key={language}
              questionnaire={shown}
              language={language}
              note={t('questionnairePreview.note')}
            />
          </Suspense>
        </PreviewBoundary>
      </div>
    </section>
  );
}
