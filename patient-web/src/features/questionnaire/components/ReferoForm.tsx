import { Refero, rootReducer } from '@helsenorge/refero';
import { configureStore } from '@reduxjs/toolkit';
import type { Attachment, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { useRef, useState } from 'react';
import { Provider } from 'react-redux';
import { REFERO_RESOURCES } from '@heima/web-common/refero/resources';

export interface ReferoFormProps {
  questionnaire: Questionnaire;
  /** A saved draft to resume from. */
  questionnaireResponse?: QuestionnaireResponse;
  language: 'nb' | 'en';
  busy: boolean;
  onSave: (response: QuestionnaireResponse) => void;
  onSubmit: (response: QuestionnaireResponse) => void;
  onCancel: () => void;
  /**
   * Uploads a chosen file for the attachment question it was chosen in (null when that cannot
   * be told); rejects with a sentence for the patient.
   */
  onUpload?: (file: File, input: HTMLInputElement | null) => Promise<Attachment>;
  /** Title of the message shown when an upload fails. */
  uploadFailedTitle?: string;
  /**
   * Called when a submit is stopped by the form's own checks. Refero's summary (only its
   * messages, not the questions) is hidden: the page shows one that names each question.
   */
  onInvalid?: () => void;
}

/**
 * Helsenorge's renderer (enableWhen, required items, answer options, calculated scores), with its
 * own Redux store. This module and everything it imports form the lazy chunk that loads only when
 * a questionnaire opens.
 */
export default function ReferoForm(props: ReferoFormProps) {
  const [store] = useState(() => configureStore({ reducer: rootReducer }));
  // The file input the patient last chose a file in: Refero's upload callback does not say which
  // question a file is for.
  const lastFileInput = useRef<HTMLInputElement | null>(null);
  // Uploads under way: the form is not sent before the photo it names is on the server.
  const [uploading, setUploading] = useState(0);
  const { onUpload } = props;
  return (
    <Provider store={store}>
      <div
        className="refero"
        lang={props.language}
        onChangeCapture={(event) => {
          const target = event.target as HTMLElement;
          if (target instanceof HTMLInputElement && target.type === 'file') {
            lastFileInput.current = target;
          }
        }}
      >
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
          submitButtonDisabled={props.busy || uploading > 0}
          saveButtonDisabled={props.busy}
          syncQuestionnaireResponse
          validateScriptInjection
          {...(props.onInvalid
            ? { hideValidationSummary: true, onFieldsNotCorrectlyFilledOut: props.onInvalid }
            : {})}
          {...(onUpload
            ? {
                uploadAttachment: (files, onSuccess, onError) => {
                  for (const file of files) {
                    setUploading((n) => n + 1);
                    onUpload(file, lastFileInput.current)
                      .then(onSuccess, (error: unknown) => {
                        onError({
                          Title: props.uploadFailedTitle ?? '',
                          Body: error instanceof Error ? error.message : String(error),
                        });
                      })
                      .finally(() => setUploading((n) => n - 1));
                  }
                },
                onDeleteAttachment: (_fileId, onSuccess) => {
                  // the upload stays on the server unreferenced; only what the answer names is kept
                  onSuccess();
                },
              }
            : {})}
        />
      </div>
    </Provider>
  );
}
