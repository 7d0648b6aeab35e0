import { screen, within } from '@testing-library/react';
import { jsonResponse, mockApi } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { Message } from '../api/messages';
import { MessagesPage } from './MessagesPage';

const sent: Message = {
  id: 'm-1',
  team: 'hjerte',
  authorKind: 'PATIENT',
  authorName: 'Kari Nordvik',
  text: 'Se <b>bildet</b>',
  photos: [{ id: 'p-1', contentType: 'image/png', size: 10, url: '/api/me/messages/photos/p-1' }],
  sentAt: '2026-11-21T09:00:00Z',
  readAt: '2026-11-21T09:32:00Z',
  readByName: 'Nina Berg',
};

describe('messages to the care team', () => {
  it('uploads the photo first, then sends the message naming it; shows the receipt', async () => {
    let conversation: Message[] = [];
    const { requests } = mockApi({
      'GET /api/me/messages': () => jsonResponse(conversation),
      'POST /api/me/messages/photos': () =>
        jsonResponse(
          { id: 'p-1', contentType: 'image/png', size: 10, url: '/api/me/messages/photos/p-1' },
          201,
        ),
      'POST /api/me/messages': () => {
        conversation = [sent];
        return jsonResponse(sent, 201);
      },
    });
    const { user } = renderWithProviders(<MessagesPage />);
    await screen.findByText('Ingen meldinger ennå.');
    await user.type(screen.getByLabelText('Melding'), 'Se <b>bildet</b>');
    await user.upload(
      screen.getByLabelText('Bilder (valgfritt)'),
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'sår.png', { type: 'image/png' }),
    );
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const item = (await screen.findByText('Se <b>bildet</b>')).closest('li');
    if (!item) throw new Error('the message is not in a list item');
    expect(item.querySelector('b')).toBeNull();
    expect(within(item).getByText('Lest av Nina Berg kl. 10:32')).toBeInTheDocument();
    expect(within(item).getByRole('img', { name: 'Bilde 1 av 1' })).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname);
    expect(posts).toEqual(['/api/me/messages/photos', '/api/me/messages']);
    expect(
      requests.find((r) => r.url.pathname === '/api/me/messages' && r.method === 'POST')?.body,
    ).toEqual({
      text: 'Se <b>bildet</b>',
      photos: ['p-1'],
    });
  });

  it('asks for text or a photo before sending, in English too', async () => {
    mockApi({ 'GET /api/me/messages': () => jsonResponse([]) });
    const { user } = renderWithProviders(<MessagesPage />, { language: 'en' });
    await screen.findByText('No messages yet.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write a message or add a photo.');
  });
});
