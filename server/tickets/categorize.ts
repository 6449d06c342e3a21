// Which category a ticket falls into: the first editable rule that matches (a keyword in the title
// or body, or a label/component), else the category the export carried. Pure.

export interface CategoryRule {
  matchOn: 'keyword' | 'label';
  pattern: string;
  category: string;
}

export interface CategorizableTicket {
  title: string;
  body: string;
  labels: string[];
  components: string[];
  exportCategory: string | null;
}

export const MAX_RULES = 200;
export const MAX_CATEGORY = 80;
export const MAX_PATTERN = 100;

export interface CompiledRules {
  rules: { matchOn: 'keyword' | 'label'; pattern: string; category: string }[];
}

export function compileRules(rules: CategoryRule[]): CompiledRules {
  return { rules: rules.map((rule) => ({ ...rule, pattern: rule.pattern.trim().toLowerCase() })).filter((rule) => rule.pattern) };
}

export function categorize(ticket: CategorizableTicket, compiled: CompiledRules): string | null {
  if (compiled.rules.length > 0) {
    let text: string | null = null;
    let tags: string[] | null = null;
    for (const rule of compiled.rules) {
      if (rule.matchOn === 'keyword') {
        text ??= `${ticket.title}\n${ticket.body}`.toLowerCase();
        if (text.includes(rule.pattern)) return rule.category;
      } else {
        tags ??= [...ticket.labels, ...ticket.components].map((tag) => tag.toLowerCase());
        if (tags.includes(rule.pattern)) return rule.category;
      }
    }
  }
  return ticket.exportCategory?.trim() || null;
}
