import type { Questionnaire } from 'fhir/r4';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { ProblemError } from '@heima/web-common/problem';
import { attachmentLinkId, uploadAttachment } from './attachments';

const CANONICAL = 'https://heima.example/fhir/Questionnaire/sdc-08-attachment-en|1.0.0';

describe('uploading a photo for an attachment question', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=x-1; path=/';
  });

  it('sends the bytes with the question it answers and answers with the server url', async () => {
    const { requests } = mockApi({
      'POST /api/me/attachments': () =>
        jsonResponse(
          { url: '/api/me/attachments/a-1', contentType: 'image/png', size: 4, title: 'sår.png' },
          201,
        ),
    });
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'sår.png', { type: 'image/png' });
    const attachment = await uploadAttachment(CANONICAL, 'photo', file, 'nb');
    expect(attachment).toEqual({
      id: 'a-1',
      url: '/api/me/attachments/a-1',
      contentType: 'image/png',
      size: 4,
      title: 'sår.png',
    });
    const post = requests[requests.length - 1];
    expect(post?.url.searchParams.get('questionnaire')).toBe(CANONICAL);
    expect(post?.url.searchParams.get('linkId')).toBe('photo');
    expect(post?.url.searchParams.get('title')).toBe('sår.png');
    expect(post?.headers.get('Content-Type')).toBe('image/png');
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe('x-1');
  });

  it('rejects with the problem naming the question when the server refuses the file', async () => {
    mockApi({
      'POST /api/me/attachments': () =>
        problemResponse({
          type: 'urn:heima:problem:attachment-type',
          status: 422,
          answers: [
            {
              linkId: 'photo',
              text: 'Photo of the wound',
              type: 'urn:heima:problem:attachment-type',
              limit: 'image/jpeg, image/png, image/heic',
            },
          ],
        }),
    });
    const file = new File(['%PDF-1.4'], 'x.pdf', { type: 'application/pdf' });
    const error: unknown = await uploadAttachment(CANONICAL, 'photo', file, 'en').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem.answers?.[0]?.linkId).toBe('photo');
  });
});

describe('which question a file is for', () => {
  const two = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'wound', type: 'attachment', text: 'Photo of the wound' },
      { linkId: 'rash', type: 'attachment', text: 'Photo of the rash' },
    ],
  } as Questionnaire;

  it('is the only attachment question, or the one labelling the input used', () => {
    expect(attachmentLinkId({ ...two, item: two.item?.slice(0, 1) }, null)).toBe('wound');
    document.body.innerHTML = `
      <div class="page_refero__component"><label>Photo of the rash</label><input type="file" id="f2"></div>`;
    const input = document.getElementById('f2') as HTMLInputElement;
    expect(attachmentLinkId(two, input)).toBe('rash');
    expect(attachmentLinkId(two, null)).toBeNull();
  });
});
