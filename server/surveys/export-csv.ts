// Writes CSV text (RFC 4180) for the survey export, and splits search highlights into segments.
// Pure.

/**
 * A cell as CSV. A cell a spreadsheet would run as a formula (starting with =, +, -, @) gets a
 * leading apostrophe, so an answer like "=HYPERLINK(…)" stays text when the file is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvOf(rows: string[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Splits text marked with \u0001…\u0002 (the database's search highlights) into plain segments. */
export function segmentsOf(marked: string): { text: string; isMatch: boolean }[] {
  const segments: { text: string; isMatch: boolean }[] = [];
  for (const [index, part] of marked.split(/[\u0001\u0002]/).entries()) {
    if (part !== '') segments.push({ text: part, isMatch: index % 2 === 1 });
  }
  return segments;
}
