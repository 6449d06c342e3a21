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

describe('Markdown with HTML shown as text', () => {
  it('shows typed tags as literal text and still runs nothing', () => {
    const html = renderToStaticMarkup(
      <Markdown isHtmlShownAsText>{'kubectl -n <namespace> get pods <script>alert(1)</script> <img src=x onerror=alert(1)>'}</Markdown>,
    );
    expect(html).toContain('&lt;namespace&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img/i);
  });
});
