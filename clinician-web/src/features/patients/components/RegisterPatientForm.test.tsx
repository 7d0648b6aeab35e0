import { act, screen } from '@testing-library/react';
import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { patient } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { RegisterPatientForm } from './RegisterPatientForm';

/** The message element(s) an input is described by. */
function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=csrf-1; path=/';
});

describe('register patient form', () => {
  it('shows the server’s field error next to the field it belongs to', async () => {
    const { requests } = mockFetch(() =>
      problemResponse({
        type: 'urn:heima:problem:validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'identifier', code: 'check-digit-2', message: 'invalid check digit' }],
      }),
    );
    const { user } = renderWithProviders(<RegisterPatientForm teams={['hjerte']} />);

    const identifier = screen.getByLabelText('Fødselsnummer eller D-nummer');
    await user.type(identifier, '01819040181');
    await user.type(screen.getByLabelText('Fornavn'), 'Test');
    await user.type(screen.getByLabelText('Etternavn'), 'Registrering');
    await user.click(screen.getByRole('button', { name: 'Registrer pasient' }));

    const message = 'Fødselsnummeret er ikke gyldig. Kontroller at alle sifrene er riktige.';
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(identifier).toHaveAttribute('aria-invalid', 'true');
    expect(description(identifier)).toContain(message);
    expect(description(identifier)).toContain('11 siffer');
    expect(screen.getByLabelText('Fornavn')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveFocus();
    // The summary links to the field.
    expect(screen.getByRole('link', { name: message })).toHaveAttribute(
      'href',
      '#register-identifier',
    );

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(requests[0]?.body).toEqual({
      identifier: '01819040181',
      givenName: 'Test',
      familyName: 'Registrering',
      preferredLanguage: 'nb',
      team: 'hjerte',
    });
  });

  it('keeps the messages in step with a language switch', async () => {
    mockFetch(() =>
      problemResponse({
        type: 'urn:heima:problem:validation',
        status: 400,
        errors: [{ field: 'email', code: 'format', message: 'must be an email' }],
      }),
    );
    const { user, i18n } = renderWithProviders(<RegisterPatientForm teams={['hjerte']} />);
    await user.type(screen.getByLabelText('Fødselsnummer eller D-nummer'), '01819040180');
    await user.type(screen.getByLabelText('Fornavn'), 'Test');
    await user.type(screen.getByLabelText('Etternavn'), 'Registrering');
    await user.type(screen.getByLabelText('E-post (valgfritt)'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Registrer pasient' }));
    const email = screen.getByLabelText('E-post (valgfritt)');
    await screen.findByRole('alert');
    expect(description(email)).toContain('Skriv inn en gyldig e-postadresse');

    await act(() => i18n.changeLanguage('en'));
    expect(await screen.findByLabelText('Email (optional)')).toBe(email);
    expect(description(email)).toContain('Enter a valid email address');
  });

  it('checks required fields and the 11 digits before asking the server', async () => {
    const { fetchMock } = mockFetch(() => jsonResponse({}));
    const { user } = renderWithProviders(<RegisterPatientForm teams={['hjerte']} />);

    await user.type(screen.getByLabelText('Fødselsnummer eller D-nummer'), '12345');
    await user.click(screen.getByRole('button', { name: 'Registrer pasient' }));

    expect(screen.getByLabelText('Fødselsnummer eller D-nummer')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Fødselsnummeret må ha 11 siffer.');
    expect(screen.getByRole('alert')).toHaveTextContent('Skriv inn fornavn.');
    expect(screen.getByRole('alert')).toHaveTextContent('Skriv inn etternavn.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts errors that belong to no shown field in the summary', async () => {
    mockFetch(() =>
      problemResponse({
        type: 'urn:heima:problem:forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'team lunge is not yours',
      }),
    );
    const { user } = renderWithProviders(<RegisterPatientForm teams={['hjerte']} />, {
      language: 'en',
    });
    await user.type(screen.getByLabelText('National identity number or D number'), '01819040180');
    await user.type(screen.getByLabelText('Given name'), 'Test');
    await user.type(screen.getByLabelText('Family name'), 'Registrering');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The patient was not registered');
    expect(summary).toHaveTextContent('You do not have access to this.');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a duplicate number as an error on the number field', async () => {
    mockFetch(() =>
      problemResponse({
        type: 'urn:heima:problem:duplicate-identifier',
        status: 409,
        errors: [{ field: 'identifier', code: 'duplicate', message: 'already registered' }],
      }),
    );
    const { user } = renderWithProviders(<RegisterPatientForm teams={['hjerte']} />);
    const identifier = screen.getByLabelText('Fødselsnummer eller D-nummer');
    await user.type(identifier, '01819040180');
    await user.type(screen.getByLabelText('Fornavn'), 'Kari');
    await user.type(screen.getByLabelText('Etternavn'), 'Nordvik');
    await user.click(screen.getByRole('button', { name: 'Registrer pasient' }));

    await screen.findByRole('alert');
    expect(identifier).toHaveAttribute('aria-invalid', 'true');
    expect(description(identifier)).toContain(
      'Det finnes allerede en pasient med dette fødselsnummeret.',
    );
  });

  it('after 201 clears the form, says who was registered and refreshes the list', async () => {
    mockFetch(() =>
      jsonResponse(patient(1, { givenName: 'Test', familyName: 'Registrering' }), 201),
    );
    const { user, queryClient } = renderWithProviders(
      <RegisterPatientForm teams={['hjerte', 'lunge']} />,
    );
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');

    await user.type(screen.getByLabelText('Fødselsnummer eller D-nummer'), '018190 40180');
    await user.type(screen.getByLabelText('Fornavn'), 'Test');
    await user.type(screen.getByLabelText('Etternavn'), 'Registrering');
    await user.selectOptions(screen.getByLabelText('Team'), 'lunge');
    await user.selectOptions(screen.getByLabelText('Foretrukket språk'), 'en');
    await user.click(screen.getByRole('button', { name: 'Registrer pasient' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Test Registrering er registrert.');
    expect(screen.getByLabelText('Fødselsnummer eller D-nummer')).toHaveValue('');
    expect(screen.getByLabelText('Fornavn')).toHaveValue('');
    expect(screen.getByLabelText('Etternavn')).toHaveValue('');
    expect(screen.getByLabelText('Team')).toHaveValue('hjerte');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['patients'] });
  });

  it('asks for the team only when the clinician has more than one', () => {
    mockFetch(() => jsonResponse({}));
    renderWithProviders(<RegisterPatientForm teams={['hjerte']} />);
    expect(screen.queryByLabelText('Team')).not.toBeInTheDocument();
  });
});
