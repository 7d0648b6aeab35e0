import { questionnairePage, questionnaireRef } from '../../../test/fixtures';
import { choosable, versionsFromListAnswer } from './questionnaires';

describe('questionnaire list answers', () => {
  it('flattens a page of questionnaires grouped by url into versions', () => {
    const v1 = questionnaireRef({ id: 'a', version: '1' });
    const v2 = questionnaireRef({ id: 'b', version: '2', retired: true });
    const other = questionnaireRef({ id: 'c', url: 'https://x/other', status: 'draft' });
    const versions = versionsFromListAnswer(questionnairePage([v2, v1, other]));
    expect(versions.map((v) => v.id)).toEqual(['b', 'a', 'c']);
    expect(choosable(versions).map((v) => v.id)).toEqual(['a']);
  });

  it('also reads a plain list or a page of versions', () => {
    const ref = questionnaireRef();
    expect(versionsFromListAnswer([ref])).toHaveLength(1);
    expect(versionsFromListAnswer({ items: [ref], total: 1 })[0]).toMatchObject({
      id: 'q-1',
      titles: { en: 'Heart failure symptoms' },
      retired: false,
    });
    expect(versionsFromListAnswer({ nothing: true })).toEqual([]);
  });
});
