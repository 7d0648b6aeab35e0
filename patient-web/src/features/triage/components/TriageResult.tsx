import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../vitals/format';
import type { Advice, Assessment, Level } from '../types';

/** Shapes as well as colours, so the level never depends on seeing colour. */
const ICONS: Record<Level, string> = { GREEN: '●', YELLOW: '▲', RED: '■' };

/**
 * The traffic-light result of a submission and the pathway's advice for it, in the patient's
 * language. Whether a nurse has looked at it is `ReviewState`'s business (features/reviews).
 */
export function TriageResult(props: {
  triage: Assessment;
  advice: Advice | null;
  headingLevel?: 2 | 3;
  /** Names a reason's code (a LOINC code or a score's linkId) for the patient. */
  nameOf: (code: string) => string;
  unitOf?: (code: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { triage, advice } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  if (triage.couldNotAssess) {
    // never "all is well": a nurse looks at it; a red part still brings the red advice
    return (
      <section
        className="triage triage--yellow"
        aria-labelledby={headingId}
        role={triage.level === 'RED' ? 'alert' : undefined}
      >
        <Heading id={headingId}>{t('triage.couldNotAssess.heading')}</Heading>
        <p>{t('triage.couldNotAssess.body')}</p>
        {advice && (
          <p className="triage__advice">
            {language === 'en' ? (advice.en ?? advice.nb) : (advice.nb ?? advice.en)}
          </p>
        )}
      </section>
    );
  }

  if (triage.collectOnly) {
    return (
      <section className="triage triage--none" aria-labelledby={headingId}>
        <Heading id={headingId}>{t('triage.collectOnly.heading')}</Heading>
        <p>{t('triage.collectOnly.body')}</p>
      </section>
    );
  }

  if (!triage.assessed) {
    return (
      <section className="triage triage--none" aria-labelledby={headingId}>
        <Heading id={headingId}>{t('triage.notAssessed.heading')}</Heading>
        <p>{t('triage.notAssessed.body')}</p>
      </section>
    );
  }

  const preferred = language === 'en' ? advice?.en : advice?.nb;
  const adviceText = preferred || advice?.nb || advice?.en || null;
  const adviceLang = adviceText === preferred ? undefined : adviceText === advice?.nb ? 'nb' : 'en';
  const level = triage.level;
  return (
    <section
      className={`triage triage--${level.toLowerCase()}`}
      aria-labelledby={headingId}
      role={level === 'RED' ? 'alert' : undefined}
    >
      <Heading id={headingId} className="triage__heading">
        <span className="triage__icon" aria-hidden="true">
          {ICONS[level]}
        </span>{' '}
        {t(`triage.level.${level}`)}
      </Heading>
      {adviceText ? (
        <p className="triage__advice" lang={adviceLang}>
          {adviceText}
        </p>
      ) : (
        <p>{t(`triage.noAdvice.${level}`)}</p>
      )}
      {triage.reasons.length > 0 && (
        <>
          <p className="triage__why">{t('triage.why')}</p>
          <ul className="triage__reasons">
            {triage.reasons.map((reason) => {
              const unit = props.unitOf?.(reason.code) ?? '';
              const direction = reason.bound.endsWith('High') ? 'high' : 'low';
              return (
                <li key={`${reason.code}-${reason.bound}`}>
                  {t(`triage.reason.${direction}`, {
                    name: props.nameOf(reason.code),
                    value: `${formatNumber(reason.value, language)}${unit ? ` ${unit}` : ''}`,
                    bound: `${formatNumber(reason.boundValue, language)}${unit ? ` ${unit}` : ''}`,
                  })}
                  {reason.source === 'PERSONAL' && ` ${t('triage.personalBound')}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
