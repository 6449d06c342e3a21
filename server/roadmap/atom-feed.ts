// The Atom feed of public roadmap changes (RFC 4287): one entry per lane change of a public
// item. Text only, escaped for XML, with characters XML 1.0 forbids removed. Pure.

export interface FeedEntry {
  id: string;
  itemId: string;
  title: string;
  summary: string;
  url: string;
  updatedAt: Date;
}

/** Escapes text for XML and drops control characters that XML 1.0 does not allow at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function buildAtomFeed(input: { title: string; feedUrl: string; pageUrl: string; updatedAt: Date; entries: FeedEntry[] }): string {
  const entries = input.entries.map(
    (entry) => `  <entry>
    <id>urn:frictionlog:roadmap-change:${escapeXml(entry.id)}</id>
    <title type="text">${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${entry.updatedAt.toISOString()}</updated>
    <summary type="text">${escapeXml(entry.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(input.feedUrl)}</id>
  <title type="text">${escapeXml(input.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(input.pageUrl)}"/>
  <updated>${input.updatedAt.toISOString()}</updated>
  <author><name>${escapeXml(input.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}
