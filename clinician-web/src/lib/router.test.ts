import { parseRoute, routePath, type Route } from './router';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { name: 'home' }],
    ['/patients/abc-1', { name: 'patient', patientId: 'abc-1' }],
    ['/admin', { name: 'admin' }],
    ['/admin/questionnaires', { name: 'questionnaires' }],
    ['/admin/questionnaires/q-1', { name: 'questionnaire', questionnaireId: 'q-1' }],
    ['/admin/pathways', { name: 'pathways' }],
    ['/admin/pathways/new', { name: 'newPathway' }],
    ['/admin/pathways/p-1', { name: 'pathway', pathwayId: 'p-1' }],
  ])('reads %s and writes it back', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    expect(routePath(route)).toBe(path);
  });

  it('tolerates a trailing slash and says when a path is unknown', () => {
    expect(parseRoute('/admin/pathways/')).toEqual({ name: 'pathways' });
    expect(parseRoute('/nothing/here')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin/pathways/p-1/extra')).toEqual({ name: 'notFound' });
  });
});
