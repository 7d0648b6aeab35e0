import type { QuestionnaireResponse } from 'fhir/r4';
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayHeading, formatTime } from '../../../lib/dates';
import type { Problem } from '@heima/web-common/problem';
import { ProblemError, ProblemType } from '@heima/web-common/problem';
import {
  answerProblemMessage,
  errorMessage,
  problemMessage,
} from '@heima/web-common/problemMessages';
import { navigate } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { formatNumber } from '../../vitals/format';
import { useSubmit } from '../../outbox/hooks/useSubmit';
import { useTasks } from '../../tasks/hooks/useTasks';
import { ReviewState } from '../../reviews/components/ReviewState';
import { TriageResult } from '../../triage/components/TriageResult';
import {
  RESPONSES_PATH,
  saveDraft,
  type ResponseSubmission,
  type SubmittedResponse,
  type TaskRef,
} from '../api/questionnaires';
import { useDraft, useQuestionnaire } from '../hooks/useQuestionnaire';
import {
  withBooleanAnswers,
  withCheckboxesForRepeatingChoices,
  withCodedOptions,
  withUriAnswers,
  withUrlsAsText,
  withYesNoAnswers,
  withYesNoRadios,
} from '../booleans';
import { itemText, localizeQuestionnaire } from '../localize';
import { normaliseResponse } from '../normalise';
import { withLiveCalculations } from '../calculated';
import { withUnitSublabels } from '../units';
import { focusQuestion } from '../focusQuestion';
import { type FieldError, collectFieldErrors } from '../formErrors';
import { attachmentLinkId, uploadAttachment } from '../api/attachments';
import { BackToToday } from '../../../ui/BackToToday';
import { Notice } from '../../../ui/Notice';

const ReferoForm = lazy(() => import('./ReferoForm'));

type Outcome =
  | { state: 'answering' }
  | { state: 'sending' }
  | { state: 'delivered'; response: SubmittedResponse }
  | { state: 'waiting' }
  | { state: 'rejected'; problem: Problem };

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed'; error: unknown };

function withMeta(
  response: QuestionnaireResponse,
  canonical: string,
  status: QuestionnaireResponse['status'],
): QuestionnaireResponse {
  return { ...response, questionnaire: canonical, status, authored: new Date().toISOString() };
}

/** One questionnaire task: answer, save halfway (on the server, so any device can resume), submit. */
export function QuestionnairePage(props: { me: Me } & TaskRef) {
  const { t, i18n } = useTranslation();
  const language: 'nb' | 'en' = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'nb';
  const task: TaskRef = {
    carePlanId: props.carePlanId,
    activityId: props.activityId,
    date: props.date,
  };
  const tasks = useTasks(props.date);
  const found = tasks.data?.find(
    (candidate) =>
      candidate.carePlanId === props.carePlanId && candidate.activityId === props.activityId,
  );
  const url = found?.questionnaireUrl ?? null;
  const version = found?.questionnaireVersion ?? null;
  const questionnaire = useQuestionnaire(url, version);
  const draft = useDraft(task);
  const submit = useSubmit(props.me.subject);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'answering' });
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  // The form keeps the language it opened in: switching would throw away unsaved answers.
  const [formLanguage] = useState<'nb' | 'en'>(language);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // the questions the form's own checks stopped, after a submit (null: not tried yet)
  const [fieldErrors, setFieldErrors] = useState<FieldError[] | null>(null);
  const [focusSummary, setFocusSummary] = useState(0);

  // Once shown, the summary follows the form: a question answered leaves it, one that became wrong joins it.
  const watching = fieldErrors !== null;
  useEffect(() => {
    const root = formRef.current;
    if (!watching || !root) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = collectFieldErrors(root);
        setFieldErrors((current) =>
          JSON.stringify(current) === JSON.stringify(next) ? current : next,
        );
      });
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [watching]);

  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  function onInvalid() {
    // the field errors are on screen once react-hook-form has rendered them
    setTimeout(() => {
      requestAnimationFrame(() => {
        if (!formRef.current) return;
        setFieldErrors(collectFieldErrors(formRef.current));
        setFocusSummary((n) => n + 1);
      });
    }, 0);
  }

  const localized = useMemo(
    () => (questionnaire.data ? localizeQuestionnaire(questionnaire.data, formLanguage) : null),
    [questionnaire.data, formLanguage],
  );

  const forRenderer = useMemo(
    () =>
      localized
        ? withUnitSublabels(
            withLiveCalculations(
              withCheckboxesForRepeatingChoices(
                withCodedOptions(withUrlsAsText(withYesNoRadios(localized, formLanguage))),
              ),
            ),
            formLanguage,
          )
        : null,
    [localized, formLanguage],
  );

  useEffect(() => {
    if (outcome.state !== 'answering' && outcome.state !== 'sending') headingRef.current?.focus();
  }, [outcome.state]);

  const canonical = version ? `${url}|${version}` : (url ?? '');
  const title = localized?.title ?? found?.title ?? t('questionnaire.heading');

  async function onSave(response: QuestionnaireResponse) {
    setSave({ state: 'saving' });
    try {
      const answers = questionnaire.data
        ? withUriAnswers(questionnaire.data, withBooleanAnswers(questionnaire.data, response))
        : response;
      const saved = await saveDraft(task, withMeta(answers, canonical, 'in-progress'));
      setSave({ state: 'saved', at: saved.updatedAt });
    } catch (error) {
      setSave({ state: 'failed', error });
    }
  }

  async function onUpload(file: File, input: HTMLInputElement | null) {
    const linkId = questionnaire.data ? attachmentLinkId(questionnaire.data, input) : null;
    if (!linkId) throw new Error(t('questionnaire.uploadNoQuestion'));
    try {
      return await uploadAttachment(canonical, linkId, file, formLanguage);
    } catch (error) {
      const answer = error instanceof ProblemError ? error.problem.answers?.[0] : undefined;
      if (!answer) throw new Error(errorMessage(i18n, error));
      // named by the question, as every other refusal is (refero shows it beside the file field)
      const question = (localized && itemText(localized, answer.linkId)) ?? answer.text ?? linkId;
      throw new Error(`${question}: ${answerProblemMessage(i18n, answer)}`);
    }
  }

  async function onSubmit(response: QuestionnaireResponse) {
    setFieldErrors(null);
    const body: ResponseSubmission = {
      ...task,
      questionnaireResponse: withMeta(
        questionnaire.data
          ? normaliseResponse(
              questionnaire.data,
              withUriAnswers(questionnaire.data, withBooleanAnswers(questionnaire.data, response)),
            )
          : response,
        canonical,
        'completed',
      ),
    };
    setOutcome({ state: 'sending' });
    try {
      const result = await submit('response', RESPONSES_PATH, body, { ...task, title });
      if (result.state === 'delivered') {
        setOutcome({ state: 'delivered', response: result.response as SubmittedResponse });
      } else if (result.state === 'waiting') setOutcome({ state: 'waiting' });
      else setOutcome({ state: 'rejected', problem: result.problem });
    } catch {
      setOutcome({ state: 'rejected', problem: { type: 'about:blank', status: 0 } });
    }
  }

  const header = (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {outcome.state === 'delivered'
          ? t('questionnaire.deliveredHeading')
          : outcome.state === 'waiting'
            ? t('questionnaire.waitingHeading')
            : title}
      </h1>
      <p className="muted">{formatDayHeading(props.date, language)}</p>
    </>
  );
  const back = <BackToToday />;

  if (tasks.isPending || (url !== null && questionnaire.isPending) || draft.isPending) {
    return (
      <div className="stack">
        <h1>{t('questionnaire.heading')}</h1>
        <Loading label={t('questionnaire.loading')} />
      </div>
    );
  }
  const loadError = tasks.error ?? questionnaire.error ?? draft.error;
  if (loadError || found === undefined || localized === null) {
    return (
      <div className="stack">
        <h1>{t('questionnaire.heading')}</h1>
        {loadError ? (
          <ErrorPanel error={loadError} />
        ) : (
          <Notice variant="error" role="alert">
            {t('questionnaire.notFound')}
          </Notice>
        )}
        {back}
      </div>
    );
  }

  if (outcome.state === 'delivered') {
    const { response } = outcome;
    const scores = response.scores.filter((score) => !score.hidden);
    const nameOf = (code: string) => itemText(localized, code) ?? code;
    return (
      <div className="stack">
        {header}
        <Notice variant="success" role="status">
          <span aria-hidden="true">✓ </span>
          {t('questionnaire.delivered')}
        </Notice>
        {(response.dropped ?? []).length > 0 && (
          <Notice variant="info">
            <p>{t('questionnaire.dropped')}</p>
            <ul>
              {(response.dropped ?? []).map((item) => (
                <li key={item.linkId}>{itemText(localized, item.linkId) ?? item.text}</li>
              ))}
            </ul>
          </Notice>
        )}
        {scores.length > 0 && (
          <section aria-labelledby="scores-heading" className="card">
            <h2 id="scores-heading">{t('questionnaire.scores')}</h2>
            <dl className="facts">
              {scores.map((score) => (
                <div key={score.linkId}>
                  <dt>{nameOf(score.linkId)}</dt>
                  <dd>{formatNumber(score.value, language)}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        <TriageResult triage={response.triage} advice={response.advice} nameOf={nameOf} />
        <ReviewState sourceKey={response.id} triage={response.triage} />
        {back}
      </div>
    );
  }
  if (outcome.state === 'waiting') {
    return (
      <div className="stack">
        {header}
        <Notice variant="waiting" role="status">
          <p>
            <strong>
              <span aria-hidden="true">… </span>
              {t('outbox.waitingToSend')}
            </strong>
          </p>
          <p>{t('questionnaire.waiting')}</p>
        </Notice>
        {back}
      </div>
    );
  }

  const resumed = draft.data ?? null;
  return (
    <div className="stack">
      {header}
      {resumed && (
        <Notice variant="info">
          {t('questionnaire.resumed', {
            date: formatDayHeading(resumed.updatedAt.slice(0, 10), language),
            time: formatTime(resumed.updatedAt, language),
          })}
        </Notice>
      )}
      {formLanguage !== language && (
        <Notice variant="info">{t('questionnaire.languageKept')}</Notice>
      )}
      {fieldErrors !== null && fieldErrors.length > 0 && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          className="notice notice--error error-summary"
          role="alert"
          aria-labelledby="form-errors-heading"
        >
          <h2 id="form-errors-heading" className="error-summary__heading">
            {t('questionnaire.fieldErrors', { count: fieldErrors.length })}
          </h2>
          <ul>
            {fieldErrors.map((error, index) => (
              <li key={`${error.id}-${String(index)}`}>
                <a
                  href={`#${error.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const field = document.getElementById(error.id);
                    field?.scrollIntoView?.({ block: 'center' });
                    field?.focus();
                  }}
                >
                  {error.question}
                </a>
                : {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome.state === 'rejected' && (
        <div className="notice notice--error" role="alert" aria-labelledby="problem-summary">
          <p id="problem-summary">{problemMessage(i18n, outcome.problem)}</p>
          {(outcome.problem.answers ?? []).length > 0 ? (
            <ul className="error-summary">
              {(outcome.problem.answers ?? []).map((answer, index) => {
                const text = itemText(localized, answer.linkId) ?? answer.text ?? answer.linkId;
                return (
                  <li key={`${answer.linkId}-${answer.type}-${String(index)}`}>
                    <a
                      href={`#question-${encodeURIComponent(answer.linkId)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        if (formRef.current) focusQuestion(formRef.current, text);
                      }}
                    >
                      {text}
                    </a>
                    : {answerProblemMessage(i18n, answer)}
                  </li>
                );
              })}
            </ul>
          ) : (
            outcome.problem.type === ProblemType.invalidResponse &&
            (outcome.problem.errors ?? []).length > 0 && (
              <ul>
                {(outcome.problem.errors ?? []).map((error) => (
                  <li key={`${error.field}-${error.code}`}>
                    {itemText(localized, error.field) ?? error.field}
                  </li>
                ))}
              </ul>
            )
          )}
        </div>
      )}
      <div role="status" aria-live="polite" className="save-status">
        {save.state === 'saving' && t('questionnaire.saving')}
        {save.state === 'saved' &&
          t('questionnaire.saved', { time: formatTime(save.at, language) })}
      </div>
      {save.state === 'failed' && (
        <Notice variant="error" role="alert">
          {t('questionnaire.saveFailed', { reason: errorMessage(i18n, save.error) })}
        </Notice>
      )}
      <div ref={formRef}>
        <Suspense fallback={<Loading label={t('questionnaire.loadingForm')} />}>
          <ReferoForm
            questionnaire={forRenderer ?? localized}
            {...(resumed
              ? {
                  questionnaireResponse: questionnaire.data
                    ? withYesNoAnswers(
                        questionnaire.data,
                        resumed.questionnaireResponse,
                        formLanguage,
                      )
                    : resumed.questionnaireResponse,
                }
              : {})}
            language={formLanguage}
            busy={outcome.state === 'sending' || save.state === 'saving'}
            onSave={(response) => void onSave(response)}
            onSubmit={(response) => void onSubmit(response)}
            onCancel={() => navigate({ name: 'today' })}
            onUpload={onUpload}
            uploadFailedTitle={t('questionnaire.uploadFailed')}
            onInvalid={onInvalid}
          />
        </Suspense>
      </div>
      {back}
    </div>
  );
}
