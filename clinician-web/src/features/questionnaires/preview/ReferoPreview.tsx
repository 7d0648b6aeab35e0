import { Refero, rootReducer } from '@helsenorge/refero';
import { configureStore } from '@reduxjs/toolkit';
import type { Questionnaire } from 'fhir/r4';
import { useState } from 'react';
import { Provider } from 'react-redux';
import { REFERO_RESOURCES } from '@heima/web-common/refero/resources';

/**
 * The questionnaire as the patient app renders it, with @helsenorge/refero. This module (and
 * refero with it, ~460 KB gzipped) is loaded only when a preview opens. Answers go nowhere: the
 * action buttons are replaced by a note.
 */
export default function ReferoPreview(props: {
  questionnaire: Questionnaire;
  language: 'nb' | 'en';
  note: string;
}) {
  // One store per preview: the form state belongs to this rendering only.
  const [store] = useState(() => configureStore({ reducer: rootReducer }));
  return (
    <Provider store={store}>
      <Refero
        questionnaire={props.questionnaire}
        resources={REFERO_RESOURCES[props.language === 'en' ? 'en' : 'nb']}
        language={props.language === 'en' ? 'en-gb' : 'nb-no'}
        authorized
        loginButton={<></>}
        onSubmit={() => undefined}
        onSave={() => undefined}
        onCancel={() => undefined}
        renderCustomActionButtons={() => <p className="preview-note">{props.note}</p>}
      />
    </Provider>
  );
}
