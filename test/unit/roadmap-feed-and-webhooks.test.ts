// The Atom feed's XML, webhook messages, signatures and the retry schedule.
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml } from '@/server/roadmap/atom-feed';
import { MAX_ATTEMPTS, nextAttemptAfterFailure, webhookUrlSchema } from '@/server/webhooks/rules';
import { isValidSignature, signPayload } from '@/server/webhooks/signature';
import { buildSlackMessage, escapeSlack } from '@/server/webhooks/slack-message';

describe('the Atom feed', () => {
  it('escapes text and drops characters XML forbids', () => {
    expect(escapeXml('<script>"a" & \'b\'</script>\u0000\u0007ok')).toBe('&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;ok');
  });

  it('writes one entry per change with its link and time', () => {
    const feed = buildAtomFeed({
      title: 'Platform roadmap',
      feedUrl: 'https://x.example/roadmap/feed.xml',
      pageUrl: 'https://x.example/roadmap',
      updatedAt: new Date('2026-05-01T10:00:00Z'),
      entries: [{ id: 'h1', itemId: 'i1', title: 'DNS: Planned → Shipped', summary: '![x](http://t.example/p.png)', url: 'https://x.example/roadmap/items/i1', updatedAt: new Date('2026-05-01T10:00:00Z') }],
    });
    expect(feed).toContain('<id>urn:frictionlog:roadmap-change:h1</id>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://x.example/roadmap/items/i1"/>');
    expect(feed).toContain('<updated>2026-05-01T10:00:00.000Z</updated>');
    expect(feed).toContain('<summary type="text">![x](http://t.example/p.png)</summary>');
  });
});

describe('webhook messages', () => {
  it('escapes Slack markup in what developers wrote', () => {
    expect(escapeSlack('<!channel> & <http://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;http://evil|click&gt;');
    const message = buildSlackMessage({ event: 'request.created', title: '<!here> urgent', details: 'line 1\nline 2', url: 'https://x.example/r/1' });
    expect(message.text).toBe('New roadmap request: &lt;!here&gt; urgent');
    expect(message.blocks[0].text.text).toBe('*New roadmap request:* <https://x.example/r/1|&lt;!here&gt; urgent>\n>line 1\n>line 2');
  });

  it('lists every lane change of a publish in one message', () => {
    const message = buildSlackMessage({
      event: 'item.lane_changed',
      roadmapUrl: 'https://x.example/roadmap',
      changes: [
        { title: 'DNS', url: 'https://x.example/i/1', from: 'Planned', to: 'In progress' },
        { title: 'CI', url: 'https://x.example/i/2', from: null, to: 'Planned' },
      ],
    });
    expect(message.text).toBe('2 roadmap items changed lane: DNS → In progress; CI → Planned');
    expect(message.blocks[1].text.text).toBe('• <https://x.example/i/1|DNS>: Planned → *In progress*\n• <https://x.example/i/2|CI>: now *Planned*');
  });
});

describe('signatures', () => {
  it('verifies a signature made with the same secret and refuses old or altered messages', () => {
    const signed = { secret: 'whsec_abc', timestamp: 1_800_000_000, body: '{"text":"hi"}' };
    const signature = signPayload(signed);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(isValidSignature({ ...signed, signature, nowSeconds: 1_800_000_100 })).toBe(true);
    expect(isValidSignature({ ...signed, signature, nowSeconds: 1_800_001_000 })).toBe(false);
    expect(isValidSignature({ ...signed, body: '{"text":"ha"}', signature, nowSeconds: 1_800_000_000 })).toBe(false);
    expect(isValidSignature({ ...signed, signature: 'v1=short', nowSeconds: 1_800_000_000 })).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('backs off 10 s, 1 min, 5 min, 30 min, 2 h, then gives up', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextAttemptAfterFailure(i + 1, now)).map((at) => (at ? (at.getTime() - now.getTime()) / 1000 : null));
    expect(delays).toEqual([10, 60, 300, 1800, 7200, null]);
  });

  it.each([['https://hooks.slack.com/services/T/B/X', true], ['http://10.0.0.5:8080/hook', true], ['ftp://x.example/h', false], ['javascript:alert(1)', false], ['//x.example', false]])(
    'accepts %s: %s',
    (url, isValid) => {
      expect(webhookUrlSchema.safeParse(url).success).toBe(isValid);
    },
  );
});
