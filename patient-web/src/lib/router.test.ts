import { href, parseRoute, type Route } from './router';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'today' },
    { name: 'day', date: '2026-11-20' },
    { name: 'measure' },
    { name: 'measure', vital: 'BODY_WEIGHT', carePlanId: 'p1', activityId: 'weight' },
    { name: 'questionnaire', carePlanId: 'p 1', activityId: 'symptoms', date: '2026-11-21' },
    { name: 'measurements', vital: 'BLOOD_PRESSURE' },
  ];

  it.each(routes)('round-trips %j through the URL fragment', (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it('treats unknown or malformed fragments as not found', () => {
    expect(parseRoute('#/day/yesterday')).toEqual({ name: 'notFound' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'notFound' });
    expect(parseRoute('')).toEqual({ name: 'today' });
  });
});
