// Generates ticket exports in the exact shape Jira writes them (BOM, CRLF, repeated columns,
// dates like 30/Jun/25 9:54 AM, quoted multi-line cells), in sizes no one should commit: a
// help desk with known repeat questions, 10,000-row files, the 2,000-column "all fields" export.
// Used by the integration and browser tests and by bench/import-tickets.ts.

export interface JiraIssue {
  key: string;
  summary: string;
  description: string;
  type: string;
  status: string;
  reporter: string;
  created: Date;
  resolved: Date | null;
  components: string[];
  labels: string[];
  comments: string[];
  watchers: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Jira's default export date: 30/Jun/25 9:54 AM. */
export function formatJiraDate(date: Date): string {
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  return `${date.getUTCDate()}/${MONTHS[date.getUTCMonth()]}/${String(date.getUTCFullYear()).slice(2)} ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const COMPONENT_COLUMNS = 2;
const LABEL_COLUMNS = 3;
const WATCHER_COLUMNS = 2;
const COMMENT_COLUMNS = 3;

/** The header of an export with every repeated column; `totalColumns` pads it with custom fields like "all fields". */
export function jiraHeader(totalColumns = 0): string[] {
  const header = [
    'Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Project key', 'Project name', 'Priority', 'Resolution',
    'Assignee', 'Reporter', 'Creator', 'Created', 'Updated', 'Resolved',
    ...Array(COMPONENT_COLUMNS).fill('Component/s'),
    ...Array(LABEL_COLUMNS).fill('Labels'),
    'Description',
    ...Array(WATCHER_COLUMNS).fill('Watchers'),
    ...Array(COMMENT_COLUMNS).fill('Comment'),
  ];
  for (let index = 1; header.length < totalColumns; index += 1) header.push(`Custom field (Field ${index})`);
  return header;
}

const fill = (values: string[], count: number) => Array.from({ length: count }, (_, index) => values[index] ?? '');

export function jiraRow(issue: JiraIssue, totalColumns = 0): string[] {
  const cells = [
    issue.summary, issue.key, issue.key.replace(/\D/g, ''), issue.type, issue.status, issue.key.split('-')[0], 'Platform', 'Medium',
    issue.resolved ? 'Done' : '', 'Grace Hopper', issue.reporter, issue.reporter, formatJiraDate(issue.created),
    formatJiraDate(issue.resolved ?? issue.created), issue.resolved ? formatJiraDate(issue.resolved) : '',
    ...fill(issue.components, COMPONENT_COLUMNS),
    ...fill(issue.labels, LABEL_COLUMNS),
    issue.description,
    ...fill(issue.watchers, WATCHER_COLUMNS),
    ...fill(issue.comments, COMMENT_COLUMNS),
  ];
  while (cells.length < totalColumns) cells.push('');
  return cells;
}

/** A whole export as text: BOM, CRLF, the header and one row per issue. */
export function jiraCsv(issues: JiraIssue[], options: { totalColumns?: number } = {}): string {
  const lines = [jiraHeader(options.totalColumns).map(csvCell).join(',')];
  for (const issue of issues) lines.push(jiraRow(issue, options.totalColumns).map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A small deterministic pseudo-random generator, so generated files are the same every run. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FIRST = ['Ada', 'Tomás', 'Zoë', 'Wei', 'Linus', 'Amara', 'Søren', 'Priya', 'Kofi', 'Mateo', 'Yuki', 'Ingrid', 'Olu', 'Fatima', 'Björn', 'Chloé'];
const LAST = ['Okafor', 'Núñez', 'Ødegaard', 'Lin', 'Berg', 'Mensah', 'Iversen', 'Raman', 'Asante', 'García', 'Tanaka', 'Holm', 'Adeyemi', 'Haddad', 'Larsson', 'Dubois'];

export function developerName(index: number): string {
  return `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
}

export const STAGING_QUESTION = 'How do I get access to the staging database?';

/**
 * A platform help desk with known repeat questions: the staging-database question asked 37 times
 * by 29 developers (in four wordings), a flaky-runner question 12 times by 10, a namespace request
 * 9 times by 9, and 20 questions asked once.
 */
export function helpDeskIssues(start = new Date(Date.UTC(2025, 5, 2, 9, 0))): JiraIssue[] {
  const issues: JiraIssue[] = [];
  let counter = 100;
  const add = (summary: string, reporter: string, component: string, label: string, dayOffset: number, waitHours: number) => {
    counter += 1;
    const created = new Date(start.getTime() + dayOffset * 86_400_000 + (counter % 7) * 3_600_000);
    issues.push({
      key: `PLAT-${counter}`,
      summary,
      description: `${summary}\nI tried the wiki first. "Ask in #platform" was the only advice.`,
      type: 'Service Request',
      status: 'Done',
      reporter,
      created,
      resolved: new Date(created.getTime() + waitHours * 3_600_000),
      components: [component],
      labels: [label, 'helpdesk'],
      comments: [`${formatJiraDate(created)};557058:grace;Looking into it.`],
      watchers: [reporter],
    });
  };
  const stagingWordings = [STAGING_QUESTION, 'How do I get access to the staging database', 'how do I get access to the staging database??', '[Access] How do I get access to the staging databases?'];
  for (let index = 0; index < 37; index += 1) {
    add(stagingWordings[index % 4], developerName(index % 29), 'Access', 'access', index * 2, 6 + (index % 5) * 6);
  }
  for (let index = 0; index < 12; index += 1) {
    add('CI runner fails with no space left on device', developerName(40 + (index % 10)), 'CI/CD', 'ci', index * 5 + 1, 3);
  }
  for (let index = 0; index < 9; index += 1) {
    add('Please create a new Kubernetes namespace for our team', developerName(60 + index), 'Kubernetes', 'namespace', index * 7 + 2, 24);
  }
  const once = [
    'Grafana dashboard for payments is empty', 'Terraform plan shows drift in the VPC module', 'Can we get a bigger Redis instance',
    'SSO login loops on the build dashboard', 'Where do I find the on-call rota', 'Helm chart values for the ingress are unclear',
    'Canary deploy stuck at 10 percent', 'Secrets are not synced to the new cluster', 'Rate limit on the artifact registry',
    'Cost report missing for June', 'Cannot delete an old feature flag', 'Logs from the batch job are missing',
    'Certificate warning on the internal wiki', 'DNS name for the new service', 'Kafka topic retention for audit events',
    'Runbook for database failover is outdated', 'Preview environments take 40 minutes', 'Who owns the shared Postgres cluster',
    'Backstage template fails on step 3', 'Alert noise from the disk check',
  ];
  once.forEach((summary, index) => add(summary, developerName(80 + index), 'General', 'question', index * 3, 2));
  return issues.sort((a, b) => a.created.getTime() - b.created.getTime());
}

/** `count` plausible issues with realistic field sizes (for big files and the benchmark). */
export function bulkIssues(count: number, options: { seed?: number; start?: Date; topics?: string[] } = {}): Generator<JiraIssue> {
  const random = seeded(options.seed ?? 42);
  const start = options.start ?? new Date(Date.UTC(2024, 0, 1, 8, 0));
  const topics = options.topics ?? ['staging database access', 'CI runner disk space', 'Kubernetes namespace', 'Terraform drift', 'SSO login loop', 'Grafana dashboards', 'preview environments', 'artifact registry limits'];
  const sentence = () => {
    const words = ['the', 'deploy', 'pipeline', 'fails', 'after', 'we', 'changed', 'service', 'config', 'and', 'now', 'staging', 'cluster', 'times', 'out', 'again', 'with', 'error', 'logs', 'show'];
    const length = 8 + Math.floor(random() * 14);
    return `${Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
  };
  return (function* () {
    for (let index = 0; index < count; index += 1) {
      const topic = topics[Math.floor(random() * topics.length)];
      const created = new Date(start.getTime() + index * 7 * 60_000);
      const paragraphs = 1 + Math.floor(random() * 4);
      const description = Array.from({ length: paragraphs }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ')).join('\n\n');
      yield {
        key: `BULK-${index + 1}`,
        summary: `Question about ${topic} (${index % 97})`,
        description,
        type: random() < 0.7 ? 'Service Request' : 'Bug',
        status: random() < 0.8 ? 'Done' : 'Open',
        reporter: developerName(Math.floor(random() * 256)),
        created,
        resolved: random() < 0.8 ? new Date(created.getTime() + Math.floor(random() * 72) * 3_600_000) : null,
        components: [topic.split(' ')[0]],
        labels: random() < 0.5 ? ['helpdesk', topic.split(' ').at(-1)!] : ['helpdesk'],
        comments: random() < 0.6 ? [`${formatJiraDate(created)};557058:grace;${sentence()} ${sentence()}`] : [],
        watchers: ['Grace Hopper'],
      };
    }
  })();
}

/** A Jira CSV of `count` bulk issues as text (tests; the benchmark streams to a file instead). */
export function bulkJiraCsv(count: number, options: { totalColumns?: number; seed?: number } = {}): string {
  return jiraCsv([...bulkIssues(count, options)], options);
}

/** The text as a stream of byte chunks, the way an upload arrives. */
export async function* byteChunks(text: string | Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}
