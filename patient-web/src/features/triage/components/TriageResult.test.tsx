import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import type { Assessment } from '../types';
import { TriageResult } from './TriageResult';

const naming = {
  nameOf: (code: string) => (code === '8480-6' ? 'Systolic' : code),
  unitOf: () => 'mmHg',
};
const advice = { nb: 'Fortsett som før.', en: 'Carry on as before.' };

function assessment(level: Assessment['level'], assessed = true): Assessment {
  return { level, assessed, reasons: [] };
}

describe('advice after a submission', () => {
  it.each([
    ['GREEN', 'Grønn: som forventet', '●'],
    ['YELLOW', 'Gul: tegn til forverring', '▲'],
    ['RED', 'Rød: tegn til alvorlig forverring', '■'],
  ] as const)('names the %s level in words, with its own shape', (level, words, shape) => {
    renderWithProviders(<TriageResult triage={assessment(level)} advice={advice} {...naming} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent(words);
    expect(heading.querySelector('[aria-hidden="true"]')).toHaveTextContent(shape);
  });

  it('interrupts (role alert) only for red', () => {
    const { rerender } = renderWithProviders(
      <TriageResult triage={assessment('YELLOW')} advice={advice} {...naming} />,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(<TriageResult triage={assessment('RED')} advice={advice} {...naming} />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it("shows the advice in the patient's language, falling back to Norwegian marked as such", () => {
    const { unmount } = renderWithProviders(
      <TriageResult triage={assessment('GREEN')} advice={advice} {...naming} />,
      { language: 'en' },
    );
    expect(screen.getByText('Carry on as before.')).not.toHaveAttribute('lang');
    unmount();
    renderWithProviders(
      <TriageResult
        triage={assessment('GREEN')}
        advice={{ nb: 'Fortsett som før.', en: null }}
        {...naming}
      />,
      { language: 'en' },
    );
    expect(screen.getByText('Fortsett som før.')).toHaveAttribute('lang', 'nb');
  });

  it('explains which value crossed which limit', () => {
    renderWithProviders(
      <TriageResult
        triage={{
          level: 'YELLOW',
          assessed: true,
          reasons: [
            {
              code: '8480-6',
              value: 150,
              level: 'YELLOW',
              bound: 'yellowHigh',
              boundValue: 140,
              source: 'PERSONAL',
            },
          ],
        }}
        advice={null}
        {...naming}
      />,
      { language: 'en' },
    );
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Systolic 150 mmHg is at or above the limit of 140 mmHg. (your personal limit)',
    );
    expect(screen.getByText('The value is outside the limits set for you.')).toBeInTheDocument();
  });

  it('never says all is well for a submission that could not be assessed', () => {
    renderWithProviders(
      <TriageResult
        triage={{
          level: 'YELLOW',
          assessed: false,
          reasons: [],
          couldNotAssess: { cause: 'SCORING', detail: 'x' },
        }}
        advice={null}
        {...naming}
      />,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Kunne ikke vurderes automatisk');
    expect(screen.getByText(/sendt til en sykepleier/)).toBeInTheDocument();
    expect(screen.queryByText(/Grønn/)).not.toBeInTheDocument();
  });

  it('says a collect-only value is collected, not monitored', () => {
    renderWithProviders(
      <TriageResult
        triage={{ level: 'GREEN', assessed: false, reasons: [], collectOnly: true }}
        advice={null}
        {...naming}
      />,
      { language: 'en' },
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Collected, not monitored');
  });

  it('says plainly when nothing was assessed, with no level', () => {
    renderWithProviders(
      <TriageResult triage={assessment('GREEN', false)} advice={null} {...naming} />,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Ikke vurdert automatisk');
    expect(screen.queryByText(/Grønn/)).not.toBeInTheDocument();
  });
});
