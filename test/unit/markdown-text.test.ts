import { describe, expect, it } from 'vitest';
import { isExcerptInSource } from '@/server/evidence/rules';
import { markdownToPlainText, selectableText } from '@/server/lib/markdown-text';

describe('markdownToPlainText', () => {
  it.each([
    ['Most weeks I lose **half a day** to _approvals_.', 'Most weeks I lose half a day to approvals.'],
    ['# Heading\n> quoted line\n- item one\n2. item two', 'Heading\nquoted line\nitem one\nitem two'],
    ['See [the runbook](https://wiki/runbook) and `make deploy`', 'See the runbook and make deploy'],
    ['~~old~~ new \\*literal\\*', 'old new *literal*'],
    ['```sh\nkubectl get pods -n <namespace>\n```', '\nkubectl get pods -n <namespace>\n'],
    ['2 * 3 * 4 stays', '2 * 3 * 4 stays'],
    ['the payments_api_v2 service, __really__ slow', 'the payments_api_v2 service, really slow'],
  ])('reads %j as a person sees it', (markdown, plain) => {
    expect(markdownToPlainText(markdown)).toBe(plain);
  });
});

describe('selectableText', () => {
  it('lets an excerpt come from the typed text or from the rendered text, never across both', () => {
    const text = selectableText('I lose **half a day** per deploy.');
    expect(isExcerptInSource('lose half a day per deploy', text)).toBe(true);
    expect(isExcerptInSource('**half a day**', text)).toBe(true);
    expect(isExcerptInSource('per deploy. I lose', text)).toBe(false);
  });

  it('is the text itself when there is no Markdown', () => {
    expect(selectableText('plain words')).toBe('plain words');
  });
});
