import { screen, within } from '@testing-library/react';
import type { Questionnaire } from 'fhir/r4';
import { renderWithProviders } from '../../../test/render';
import { TRANSLATION_URL } from '../api/translations';
import { QuestionnairePreview } from './QuestionnairePreview';

const english = (content: string) => ({
  extension: [
    {
      url: TRANSLATION_URL,
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  language: 'nb-NO',
  status: 'active',
  title: 'Tungpust',
  item: [
    {
      linkId: 'breathless',
      type: 'boolean',
      text: 'Er du tungpustet i dag?',
      _text: english('Are you short of breath today?'),
    },
  ],
};

/** What refero (through the design system) expects of a browser and jsdom lacks. */
function stubBrowser() {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(),
    })),
  );
  class Observer {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('ResizeObserver', Observer);
  vi.stubGlobal('IntersectionObserver', Observer);
}

describe('questionnaire preview', () => {
  it('loads refero on demand and renders the questionnaire in both its languages', async () => {
    stubBrowser();
    const { user } = renderWithProviders(<QuestionnairePreview questionnaire={questionnaire} />);
    expect(screen.getByRole('status')).toHaveTextContent('Laster forhåndsvisning …');
    expect(
      await screen.findByText('Er du tungpustet i dag?', {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Dette er en forhåndsvisning. Svarene sendes ikke.'),
    ).toBeInTheDocument();

    const languages = within(screen.getByRole('group', { name: 'Språk i forhåndsvisningen' }));
    await user.click(languages.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Are you short of breath today?')).toBeInTheDocument();
    expect(languages.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }, 60_000);
});
