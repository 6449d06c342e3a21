// The words of a Markdown text as a reader sees them once it is rendered: what a person selects
// on the page. Evidence excerpts are checked against the source text and this reading of it, so
// "took **two days**" can be quoted as "took two days". Pure.

// Escaped characters (\*) are set aside first so that emphasis rules leave them alone.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>~|])/g;
const hide = (char: string) => String.fromCharCode(0xf000 + char.charCodeAt(0));
const HIDDEN = /[\uf000-\uf0ff]/g;

export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      .replace(ESCAPED, (_match, char: string) => hide(char))
      // Code fences: keep the code, drop the fence lines. (Typed HTML is shown as text, so it stays.)
      .replace(/^\s*(```|~~~).*$/gm, '')
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
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1$2')
      .replace(/\*(?=\S)([\s\S]*?\S)\*/g, '$1')
      // An underscore inside a word (snake_case) is not emphasis.
      .replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      // Escaped characters read as themselves.
      .replace(HIDDEN, (char) => String.fromCharCode(char.charCodeAt(0) - 0xf000))
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
