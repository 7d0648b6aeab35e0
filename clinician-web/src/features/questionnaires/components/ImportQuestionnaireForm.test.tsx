import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { questionnaireRef } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ImportQuestionnaireForm } from './ImportQuestionnaireForm';

const content = {
  resourceType: 'Questionnaire',
  url: 'https://heima.example/fhir/Questionnaire/test',
  version: '2',
  status: 'active',
  item: [{ linkId: 'a', type: 'choice', text: 'Velg' }],
};

function file(text: string, name = 'questionnaire.json') {
  return new File([text], name, { type: 'application/json' });
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=csrf-1; path=/';
});

describe('questionnaire import', () => {
  it('sends the file as it is and lists every issue the server found', async () => {
    const { requests } = mockFetch(() =>
      problemResponse({
        type: 'urn:heima:problem:invalid-questionnaire',
        status: 400,
        title: 'The questionnaire is not valid',
        errors: [
          {
            field: 'Questionnaire.item[0]',
            code: 'choice-without-options',
            message: 'A choice item needs answerOption or answerValueSet',
          },
          {
            field: 'Questionnaire.version',
            code: 'duplicate-version',
            message: 'Already imported',
          },
        ],
      }),
    );
    const { user } = renderWithProviders(<ImportQuestionnaireForm />);
    await user.upload(screen.getByLabelText('Skjemafil (.json)'), file(JSON.stringify(content)));
    await user.click(screen.getByRole('button', { name: 'Importer skjema' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Skjemaet ble ikke importert');
    expect(alert).toHaveTextContent('Skjemaet er ikke gyldig.');
    expect(alert).toHaveTextContent('Heima fant 2 feil i skjemaet:');
    const items = within(alert).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Questionnaire.item[0]: A choice item needs answerOption or answerValueSet',
    );
    expect(items[1]).toHaveTextContent(
      'Questionnaire.version: Denne versjonen av skjemaet er allerede importert.',
    );

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.pathname).toBe('/api/questionnaires');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(requests[0]?.body).toEqual(content);
  });

  it('refuses a file that is not JSON without asking the server', async () => {
    const { requests } = mockFetch(() => jsonResponse({}));
    const { user } = renderWithProviders(<ImportQuestionnaireForm />);
    await user.upload(screen.getByLabelText('Skjemafil (.json)'), file('<Questionnaire/>'));
    await user.click(screen.getByRole('button', { name: 'Importer skjema' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Filen er ikke gyldig JSON.');
    expect(requests).toHaveLength(0);
  });

  it('asks for a file when none is chosen', async () => {
    mockFetch(() => jsonResponse({}));
    const { user } = renderWithProviders(<ImportQuestionnaireForm />);
    await user.click(screen.getByRole('button', { name: 'Importer skjema' }));
    const input = screen.getByLabelText('Skjemafil (.json)');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
  });

  it('says what was imported, with the warnings that did not stop it', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          questionnaire: questionnaireRef({ id: 'new', version: '2' }),
          warnings: [
            { field: 'Questionnaire.language', code: 'language', message: 'nb-NO is uncommon' },
          ],
        },
        201,
      ),
    );
    const { user } = renderWithProviders(<ImportQuestionnaireForm />, { language: 'en' });
    await user.upload(
      screen.getByLabelText('Questionnaire file (.json)'),
      file(JSON.stringify(content)),
    );
    await user.click(screen.getByRole('button', { name: 'Import questionnaire' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('“Heart failure symptoms” version 2 has been imported.');
    expect(status).toHaveTextContent('One remark did not stop the import:');
    expect(status).toHaveTextContent('Questionnaire.language: nb-NO is uncommon');
    expect(within(status).getByRole('link', { name: 'View the questionnaire' })).toHaveAttribute(
      'href',
      '/admin/questionnaires/new',
    );
  });
});
