import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { ReminderSettings } from '../api/reminders';

import { RemindersPage } from './RemindersPage';

function settings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    channels: ['EMAIL'],
    atOpening: true,
    beforeClosingMinutes: 60,
    quietFrom: '22:00',
    quietUntil: '07:00',
    offered: ['EMAIL', 'SMS'],
    hasEmail: true,
    hasPhone: false,
    pushKey: null,
    devices: 0,
    ...overrides,
  };
}

describe('reminder choices', () => {
  it('shows the stored choices and what cannot be chosen, and saves the changed ones', async () => {
    const api = mockApi({
      'GET /api/me/reminders': () => jsonResponse(settings()),
      'PUT /api/me/reminders': (request) =>
        jsonResponse(settings({ ...(request.body as Partial<ReminderSettings>) })),
    });
    renderWithProviders(<RemindersPage />);
    const email = await screen.findByRole('checkbox', { name: 'E-post' });
    expect(email).toBeChecked();
    const sms = screen.getByRole('checkbox', { name: 'SMS' });
    expect(sms).toBeDisabled();
    expect(sms).toHaveAccessibleDescription(
      'Vi har ikke telefonnummeret ditt. Legg det inn under opplysningene dine.',
    );
    expect(screen.getByRole('checkbox', { name: /Varsel på telefonen/ })).toBeDisabled();
    expect(screen.getByLabelText('Stille fra')).toHaveValue('22:00');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Før tiden for en oppgave går ut'), '30');
    await user.click(screen.getByRole('checkbox', { name: /Ingen påminnelser om natten/ }));
    await user.click(screen.getByRole('button', { name: 'Lagre valgene' }));

    expect(await screen.findByText('Valgene er lagret.')).toBeInTheDocument();
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({
      channels: ['EMAIL'],
      atOpening: true,
      beforeClosingMinutes: 30,
      quietFrom: null,
      quietUntil: null,
    });
  });

  it('says why a choice was refused, in English', async () => {
    mockApi({
      'GET /api/me/reminders': () => jsonResponse(settings({ channels: [] })),
      'PUT /api/me/reminders': () =>
        problemResponse({
          type: 'urn:heima:problem:validation',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'channels', code: 'no-email', message: 'No e-mail address on record' }],
        }),
    });
    renderWithProviders(<RemindersPage />, { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Reminders' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'E-mail' }));
    await user.click(screen.getByRole('button', { name: 'Save my choices' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We have no e-mail address for you, so we cannot send reminders by e-mail.',
    );
  });
});
