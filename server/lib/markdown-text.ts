// The words of a Markdown text as a reader sees them once it is rendered: what a person selects
// on the page. Evidence excerpts are checked against the source text and this reading of it, so
// "took **two days**" can be quoted as "took two days". Pure.

export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      // Code fences and HTML comments: keep the code, drop the fence lines and comments.
      .replace(/^\s*(```|~~~).*$/gm, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Images and links: keep the visible text.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // Block markers at the start of a line: headings, quotes, list bullets and numbers.
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s*>\s?/gm, '')
      .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, '')
      // Horizontal rules.
      .replace(/^\s*([-*_]\s*){3,}$/gm, '')
      // Inline emphasis, strike-through and code spans.
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(\*|_)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      // Raw HTML is not rendered (the Markdown component skips it), so its tags are not text.
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      // Escaped characters read as themselves.
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
  );
}

/**
 * All the text an excerpt may be taken from: the Markdown as typed and as read. The two are
 * joined by a noncharacter (U+FFFF) no selection on a page contains, so an excerpt never spans both.
 */
export function selectableText(markdown: string): string {
  const plain = markdownToPlainText(markdown);
  return plain === markdown ? markdown : `${markdown}\n\uffff\n${plain}`;
}
