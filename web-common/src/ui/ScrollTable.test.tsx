import { render, screen, within } from '@testing-library/react';
import { ScrollTable } from './ScrollTable';

describe('a scrolling table', () => {
  it('is a focusable region named by its caption, with column headers', () => {
    render(
      <ScrollTable
        caption="Pasienter"
        columns={['Navn', 'Team', { label: 'Handlinger', hidden: true }]}
      >
        <tr>
          <th scope="row">Kari</th>
          <td>lunge</td>
          <td>
            <button type="button">Åpne</button>
          </td>
        </tr>
      </ScrollTable>,
    );
    const region = screen.getByRole('region', { name: 'Pasienter' });
    expect(region).toHaveAttribute('tabindex', '0');
    const table = within(region).getByRole('table', { name: 'Pasienter' });
    expect(within(table).getByText('Pasienter')).toHaveClass('visually-hidden');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Navn', 'Team', 'Handlinger']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(within(headers[2]!).getByText('Handlinger')).toHaveClass('visually-hidden');
    expect(within(table).getByRole('rowheader', { name: 'Kari' })).toBeInTheDocument();
  });

  it('can show its caption, add a heading to the region’s name and say it is busy', () => {
    render(
      <>
        <h2 id="tasks-heading">Plan for KOLS</h2>
        <ScrollTable
          caption="Oppgaver de neste 14 dagene"
          captionHidden={false}
          labelledBy="tasks-heading"
          columns={['Dato']}
          className="tasks"
          busy
        >
          <tr>
            <td>1.12.</td>
          </tr>
        </ScrollTable>
      </>,
    );
    const region = screen.getByRole('region', {
      name: 'Plan for KOLS Oppgaver de neste 14 dagene',
    });
    const table = within(region).getByRole('table');
    expect(table).toHaveClass('table', 'tasks');
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByText('Oppgaver de neste 14 dagene')).not.toHaveClass(
      'visually-hidden',
    );
  });
});
