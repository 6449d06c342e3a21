import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/app/_components/markdown';

describe('Markdown', () => {
  it('renders formatting but drops raw HTML, scripts, images and javascript: links', () => {
    const html = renderToStaticMarkup(
      <Markdown>{'**Slow** deploys <script>alert(1)</script><b onclick="x()">bold</b>\n\n[click](javascript:alert(1)) ![pixel](https://tracker.example/p.png) [docs](https://example.com)'}</Markdown>,
    );
    expect(html).toContain('<strong>Slow</strong>');
    expect(html).not.toMatch(/<script|onclick|<img|javascript:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});
