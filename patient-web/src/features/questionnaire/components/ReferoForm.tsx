import { Refero, rootReducer } from '@helsenorge/refero';
import { configureStore } from '@reduxjs/toolkit';
import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { useState } from 'react';
import { Provider } from 'react-redux';
import { REFERO_RESOURCES } from '../referoResources';

export interface ReferoFormProps {
  questionnaire: Questionnaire;
  /** A saved draft to resume from. */
  questionnaireResponse?: QuestionnaireResponse;
  language: 'nb' | 'en';
  busy: boolean;
  onSave: (response: QuestionnaireResponse) => void;
  onSubmit: (response: QuestionnaireResponse) => void;
  onCancel: () => void;
}

/**
 * Helsenorge's renderer (enableWhen, required items, answer options, calculated scores), with its
 * own Redux store. This module and everything it imports form the lazy chunk that loads only when
 * a questionnaire opens.
 */
export default function ReferoForm(props: ReferoFormProps) {
  const [store] = useState(() => configureStore({ reducer: rootReducer }));
  return (
    <Provider store={store}>
      <div className="refero" lang={props.language}>
        <Refero
          authorized
          questionnaire={props.questionnaire}
          {...(props.questionnaireResponse
            ? { questionnaireResponse: props.questionnaireResponse }
            : {})}
          resources={REFERO_RESOURCES[props.language]}
          language={props.language === 'en' ? 'en-gb' : 'nb-no'}
          loginButton={<></>}
          onSave={props.onSave}
          onSubmit={props.onSubmit}
          onCancel={props.onCancel}
          submitButtonDisabled={props.busy}
          saveButtonDisabled={props.busy}
          syncQuestionnaireResponse
          validateScriptInjection
        />
      </div>
    </Provider>
  );
}
