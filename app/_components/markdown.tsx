// Markdown written by people (interview notes, roadmap descriptions) rendered safely: raw HTML is
// dropped (or shown as literal text when asked), images are not loaded (no tracking pixels), links
// open in a new tab without referrer.
import ReactMarkdown from 'react-markdown';

export function Markdown({
  children,
  className = '',
  isHtmlShownAsText = false,
}: {
  children: string;
  className?: string;
  /** Show HTML typed into the text as literal text (notes quoting `<namespace>` or a tag) instead of dropping it. */
  isHtmlShownAsText?: boolean;
}) {
  return (
    <div
      className={`text-sm leading-relaxed text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-2 [&_pre]:overflow-x-auto [&_ul]:list-disc ${className}`}
    >
      <ReactMarkdown
        skipHtml={!isHtmlShownAsText}
        disallowedElements={['img']}
        unwrapDisallowed
        components={{ a: ({ href, children: text }) => <a href={href} target="_blank" rel="noopener noreferrer nofollow">{text}</a> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
