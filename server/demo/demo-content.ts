// The demo workspace: four teams, a dozen developers, eight interviews, three shadowing sessions
// and the evidence a platform PM would have saved from them, tagged into six pain themes. The
// notes are written from the scenarios of the article the product is built on (a new service
// takes two days and four teams, staging waits on an ops ticket, nobody can see what a service
// costs, there is no standard tracing, every CI pipeline is different). Pure data.
import type { FrictionKind, ShadowingScenario, TenureBand } from '@/db/types';

export interface DemoDeveloper {
  key: string;
  name: string;
  team: string;
  tenureBand: TenureBand;
  background: string;
}

export interface DemoInterview {
  developer: string;
  daysAgo: number;
  status: 'draft' | 'complete';
  /** One answer per question of the default discovery guide, in order. */
  answers: string[];
  notes: string;
}

export interface DemoEvent {
  key: string;
  at: string;
  kind: FrictionKind;
  note: string;
  minutesLost: number | null;
}

export interface DemoSession {
  key: string;
  developer: string;
  scenario: ShadowingScenario;
  focus: string;
  daysAgo: number;
  minutes: number;
  events: DemoEvent[];
  notes: string;
}

export interface DemoEvidence {
  /** Where the words come from: an interview answer or its notes, a friction event or a session's notes. */
  source:
    | { kind: 'interview'; developer: string; anchor: string }
    | { kind: 'event'; session: string; event: string }
    | { kind: 'session-notes'; session: string };
  excerpt: string;
  theme: string | null;
  minutesLost?: number;
  occurrencesPerMonth?: number;
  severity?: number;
}

export const DEMO_TEAMS = ['Payments', 'Search', 'Mobile Apps', 'Data Platform'];

export const DEMO_DEVELOPERS: DemoDeveloper[] = [
  { key: 'ada', name: 'Ada Okafor', team: 'Payments', tenureBand: '1-3y', background: 'backend' },
  { key: 'tomas', name: 'Tomás Rivera', team: 'Payments', tenureBand: '<1y', background: 'backend' },
  { key: 'mei', name: 'Mei Chen', team: 'Payments', tenureBand: '5y+', background: 'SRE' },
  { key: 'jonas', name: 'Jonas Becker', team: 'Search', tenureBand: '3-5y', background: 'backend' },
  { key: 'priya', name: 'Priya Nair', team: 'Search', tenureBand: '<1y', background: 'frontend' },
  { key: 'samuel', name: 'Samuel Osei', team: 'Search', tenureBand: '1-3y', background: 'data' },
  { key: 'lena', name: 'Lena Fischer', team: 'Mobile Apps', tenureBand: '1-3y', background: 'mobile' },
  { key: 'kwame', name: 'Kwame Mensah', team: 'Mobile Apps', tenureBand: '5y+', background: 'mobile' },
  { key: 'hana', name: 'Hana Sato', team: 'Mobile Apps', tenureBand: '<1y', background: 'frontend' },
  { key: 'diego', name: 'Diego Alvarez', team: 'Data Platform', tenureBand: '3-5y', background: 'data' },
  { key: 'ingrid', name: 'Ingrid Halvorsen', team: 'Data Platform', tenureBand: '5y+', background: 'backend' },
  { key: 'noor', name: 'Noor Haddad', team: 'Data Platform', tenureBand: '1-3y', background: 'SRE' },
];

export const DEMO_THEMES: Record<string, { title: string; description: string }> = {
  newService: {
    title: 'Setting up a new service takes two days and needs manual steps from four teams',
    description: 'Repository, namespace, database, DNS, secrets, pipeline, dashboards and alerts are requested one by one from different teams.',
  },
  staging: {
    title: 'Getting a staging environment means an ops ticket and days of waiting',
    description: 'Teams share a few staging environments and wait for ops tickets to change them.',
  },
  cost: {
    title: 'Developers cannot see what their service costs without asking FinOps',
    description: 'Cost questions go to FinOps by message and come back as a spreadsheet a week later.',
  },
  tracing: {
    title: 'There is no standard way to add distributed tracing',
    description: 'Requests are followed across services by grepping logs and lining up timestamps.',
  },
  ci: {
    title: 'Every service has its own CI pipeline, so failures are slow to debug',
    description: 'Pipelines are copied between teams and drift; a red build often means a broken pipeline, not broken code.',
  },
  approvals: {
    title: 'Production deploys wait hours for a manual change approval',
    description: 'Change requests need an SRE approver who is reached through Slack.',
  },
};

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    developer: 'ada',
    daysAgo: 80,
    status: 'complete',
    answers: [
      "Last Tuesday I shipped the refund-webhook change. Merge to main, wait for the Jenkins job, then open a change request in ServiceNow because payments is in scope for PCI. The CR needs an approver from SRE, so I post in #sre-help and wait. Once it was approved I ran the deploy job by hand and watched Grafana for twenty minutes, because we don't have automatic rollback.",
      "The change request. The code was ready at 11 and went out at 4. Nobody was blocking on purpose, the approver was just in meetings. Most weeks I lose **half a day per deploy** to waiting for approvals.",
      "Getting a database for the new ledger service. I asked the DBA team in Slack, then opened a ticket, then had to ask Mei which Terraform module we are supposed to use because there are three in the repo.",
      "The docs say to use the service template in Backstage, but the template is from 2023 and doesn't build. Everyone on my team copies the payments-api repo and deletes what they don't need.",
      "A staging environment I can create myself. Right now I share staging-2 with three other people and we step on each other's migrations.",
    ],
    notes:
      'Candid and specific. She estimates the ledger service took **two full days** before the first commit could be deployed anywhere.\n\nFollow-up: ask for the ServiceNow change request history to measure approval waits.',
  },
  {
    developer: 'tomas',
    daysAgo: 73,
    status: 'complete',
    answers: [
      "I have only deployed twice. Both times I followed the onboarding wiki page step by step, and both times a step was out of date: the wiki still says to run `make deploy-staging`, which was removed last year. Ada sat with me and showed me the Jenkins job instead.",
      "Creating my first service. I started on Monday and had a hello-world endpoint in staging on Wednesday afternoon. I needed a repo from the GitHub admins, a namespace from the platform team, a database from the DBAs and a DNS entry from networking.",
      'Pretty much everything in the first month. I asked in #platform-help about the Vault path for secrets three times, because the answer scrolled away.',
      "The docs say to request secrets through the Vault UI. In practice I copy the secret block from another service's Helm values and change the names.",
      'One command that gives me a repo, a pipeline and a staging namespace that already work. I would happily fill in a form if it did everything.',
    ],
    notes: 'Second week of onboarding when we spoke. Good candidate for shadowing: he is about to create the refunds service.',
  },
  {
    developer: 'mei',
    daysAgo: 64,
    status: 'complete',
    answers: [
      'I deploy infrastructure more than services. The last one was a Terraform change to the payments VPC: plan locally, open a PR, wait for the Atlantis apply, then check by hand that nothing drifted.',
      'Answering questions. I counted for one week: 14 direct messages asking which Terraform module to use, how to get a database, or why a pipeline failed. Each one is ten or fifteen minutes of context switching.',
      'Cost data. When finance asks why the payments AWS bill went up, I have to ask FinOps for a breakdown, and it takes them a week.',
      'The runbook says to page the on-call through PagerDuty for database failovers. We actually run the failover script ourselves, because the runbook steps no longer match the cluster.',
      'Tracing. When a payment times out I grep logs in three services and line up timestamps by hand. With traces that would be a five-minute job instead of an hour.',
    ],
    notes: "Mei is the unofficial platform help desk for Payments. Check whether other teams have their own 'Mei'.",
  },
  {
    developer: 'jonas',
    daysAgo: 52,
    status: 'complete',
    answers: [
      'Search deploys through GitHub Actions, not Jenkins, because we moved before anything was standardised. Our workflow is 600 lines of YAML that two people understand.',
      'Debugging a flaky integration test in CI last sprint. It only failed on the shared runners, and there is no way to get a shell on them. Took me most of two days.',
      'Adding tracing to the indexer. There is an OpenTelemetry wiki page, but it describes a collector that no longer exists. I ended up asking in #observability and got three different answers.',
      'We skip the mandatory container scan on hotfix branches, because it adds eight minutes and hotfixes are urgent. Everyone knows, nobody likes it.',
      'The same pipeline for every service, owned by someone. Then a CI failure would mean my code is broken, not the pipeline.',
    ],
    notes: 'Strong opinions on CI. Likely early adopter for a standard pipeline.',
  },
  {
    developer: 'priya',
    daysAgo: 40,
    status: 'draft',
    answers: [
      "I deployed the new search results page last week. I only push to main and the pipeline does the rest, but I don't know what the pipeline does, so when it went red I asked Jonas.",
      'Waiting for a staging environment to test the page with real data. I opened a ticket with ops and waited three days.',
      "The feature flag setup and the CDN cache rules. Both are documented in someone's head.",
      '',
      '',
    ],
    notes: 'Ran out of time after question 3. Finish the write-up after the follow-up on Thursday.',
  },
  {
    developer: 'lena',
    daysAgo: 29,
    status: 'complete',
    answers: [
      "Mobile releases go through the app stores, so for us 'deploy' means the backend-for-frontend service. I deploy it about once a month and relearn the process every time.",
      'Getting the BFF into staging so the app could talk to it. Staging needed a new ingress rule and that is an ops ticket. We waited four days and tested against mocks in the meantime.',
      'Certificates for the staging domain. I asked in three Slack channels before someone told me which team owns them.',
      "The docs say to use the shared logging library. We don't, because it pulls in 40 MB of dependencies into the app build.",
      'Seeing the backend traces when a request from the app fails. Right now I send the request id to the backend team and wait.',
    ],
    notes: 'Mobile depends on other teams for every backend change; their friction is mostly waiting.',
  },
  {
    developer: 'diego',
    daysAgo: 16,
    status: 'complete',
    answers: [
      'Our Airflow deployment is a Helm chart we maintain ourselves. Last deploy: bump the image tag, open a PR, wait for review, then run helm upgrade from my laptop, because the CI runner has no access to the data cluster.',
      'Cost questions. Product asked what the nightly reprocessing job costs. I could not answer; FinOps sent a spreadsheet nine days later.',
      'Networking between the data cluster and the services cluster. The firewall rule request form has twelve fields and no one knows what half of them mean.',
      "We deploy from laptops even though the policy says CI only, because the CI runners can't reach our cluster.",
      'A cost number per service in the same dashboard as latency. We would switch off the expensive jobs nobody reads within a week.',
    ],
    notes: 'Diego keeps a private spreadsheet of job costs estimated from instance hours. Ask whether we can see it.',
  },
  {
    developer: 'ingrid',
    daysAgo: 4,
    status: 'complete',
    answers: [
      'I deployed the schema-registry upgrade. It went fine, but only because I have done it ten times. The process is a checklist in my own notes, not in any doc.',
      'Setting up the new ingestion service in spring. Two days for the scaffolding alone: repo, pipeline, namespace, secrets, dashboards, alerts. None of it is the actual work.',
      'Alerts. Nobody could tell me the right way to route alerts for a new service, so I copied the PagerDuty config from another team.',
      'We ignore the official service template entirely. Every senior engineer I know starts from their last service.',
      'Traces across the pipeline. When data goes missing between Kafka and the warehouse we spend hours finding which hop dropped it.',
    ],
    notes:
      'Veteran view: the pain is not one step but the number of steps. She would trade flexibility for a golden path if it covered alerts too.',
  },
];

export const DEMO_SESSIONS: DemoSession[] = [
  {
    key: 'refunds',
    developer: 'tomas',
    scenario: 'onboarding-service',
    focus: 'Create the payments-refunds service from scratch',
    daysAgo: 68,
    minutes: 95,
    events: [
      { key: 'tabs', at: '4:10', kind: 'tab-switch', note: 'Switched between the onboarding wiki, Backstage and the payments-api repo to find which template to start from.', minutesLost: 5 },
      { key: 'secrets', at: '11:35', kind: 'copied-from-runbook', note: 'Copied the Helm values block for secrets from payments-api and renamed the keys by hand.', minutesLost: 10 },
      { key: 'namespace-ask', at: '23:50', kind: 'asked-for-help', note: 'Asked in #platform-help for a Kubernetes namespace; was told to open a ticket.', minutesLost: 5 },
      { key: 'namespace-wait', at: '31:20', kind: 'waiting', note: 'Waited for the namespace ticket and wrote the README meanwhile.', minutesLost: 40 },
      { key: 'jenkins', at: '52:05', kind: 'dead-end', note: 'Pipeline failed: the Jenkins shared library version in the copied Jenkinsfile no longer exists.', minutesLost: 25 },
      { key: 'pin', at: '1:07:40', kind: 'workaround', note: 'Pinned the shared library to the version payments-api uses instead of the latest.', minutesLost: 5 },
      { key: 'dns', at: '1:24:15', kind: 'asked-for-help', note: 'Asked Ada which DNS entry format staging uses.', minutesLost: 10 },
    ],
    notes:
      'Tomás did not complain once; he treats all of this as normal. After 95 minutes there was still no service in staging. The namespace ticket was the longest single wait.',
  },
  {
    key: 'lag',
    developer: 'noor',
    scenario: 'incident-debugging',
    focus: 'Consumer lag alert on the orders-events Kafka topic',
    daysAgo: 33,
    minutes: 70,
    events: [
      { key: 'tabs', at: '1:30', kind: 'tab-switch', note: 'Opened Grafana, Kibana, the Kafka UI and the runbook in four tabs.', minutesLost: 2 },
      { key: 'kubectl', at: '6:45', kind: 'copied-from-runbook', note: 'Copied kubectl commands from the runbook to find the consumer pods; two of them referenced an old namespace.', minutesLost: 8 },
      { key: 'logs', at: '14:20', kind: 'dead-end', note: 'Logs for the consumer were split across three services with no shared request id.', minutesLost: 20 },
      { key: 'owner', at: '27:00', kind: 'asked-for-help', note: 'Asked in #data-oncall who owns the upstream producer.', minutesLost: 12 },
      { key: 'confirm', at: '38:30', kind: 'waiting', note: 'Waited for the producer team to confirm a deploy at 09:12.', minutesLost: 15 },
      { key: 'restart', at: '55:10', kind: 'workaround', note: 'Restarted the consumer group by hand instead of the documented rollout, because the rollout job needs an approval.', minutesLost: 5 },
    ],
    notes:
      'Root cause: a producer deploy changed the message schema. With traces across producer and consumer this would have been a 10 minute diagnosis instead of an hour.',
  },
  {
    key: 'pipeline',
    developer: 'hana',
    scenario: 'first-ci-cd',
    focus: 'First pipeline for the mobile web companion app',
    daysAgo: 9,
    minutes: 60,
    events: [
      { key: 'compare', at: '3:05', kind: 'tab-switch', note: "Compared three teams' pipeline files to work out which one to copy.", minutesLost: 5 },
      { key: 'copy', at: '9:40', kind: 'copied-from-runbook', note: "Copied the GitHub Actions workflow from the search team's repo.", minutesLost: 10 },
      { key: 'runner', at: '21:15', kind: 'dead-end', note: 'Build failed on a runner label that only exists for the search team.', minutesLost: 20 },
      { key: 'ask', at: '33:50', kind: 'asked-for-help', note: 'Asked Jonas on Slack what the runner label means.', minutesLost: 10 },
      { key: 'slot', at: '47:30', kind: 'waiting', note: 'Waited for a staging deploy slot: the shared staging environment was locked by another team.', minutesLost: 15 },
    ],
    notes: "Hana's first pipeline took an hour to reach a green build, and most of that hour was reverse engineering another team's YAML.",
  },
];

export const DEMO_EVIDENCE: DemoEvidence[] = [
  // A new service takes two days and four teams.
  { source: { kind: 'interview', developer: 'tomas', anchor: 'q-2' }, excerpt: 'I needed a repo from the GitHub admins, a namespace from the platform team, a database from the DBAs and a DNS entry from networking', theme: 'newService', minutesLost: 960, occurrencesPerMonth: 0.25 },
  { source: { kind: 'interview', developer: 'ada', anchor: 'q-3' }, excerpt: 'ask Mei which Terraform module we are supposed to use because there are three in the repo', theme: 'newService', minutesLost: 60, occurrencesPerMonth: 1 },
  { source: { kind: 'interview', developer: 'ada', anchor: 'q-4' }, excerpt: "Everyone on my team copies the payments-api repo and deletes what they don't need.", theme: 'newService', severity: 3 },
  { source: { kind: 'interview', developer: 'ingrid', anchor: 'q-2' }, excerpt: 'Two days for the scaffolding alone: repo, pipeline, namespace, secrets, dashboards, alerts.', theme: 'newService', minutesLost: 960, occurrencesPerMonth: 0.2 },
  { source: { kind: 'interview', developer: 'ingrid', anchor: 'q-4' }, excerpt: 'Every senior engineer I know starts from their last service.', theme: 'newService', severity: 2 },
  { source: { kind: 'interview', developer: 'mei', anchor: 'q-2' }, excerpt: '14 direct messages asking which Terraform module to use, how to get a database, or why a pipeline failed', theme: 'newService', minutesLost: 15, occurrencesPerMonth: 56 },
  { source: { kind: 'event', session: 'refunds', event: 'secrets' }, excerpt: 'Copied the Helm values block for secrets from payments-api and renamed the keys by hand.', theme: 'newService', minutesLost: 10, occurrencesPerMonth: 1 },
  { source: { kind: 'event', session: 'refunds', event: 'namespace-wait' }, excerpt: 'Waited for the namespace ticket', theme: 'newService', minutesLost: 40, occurrencesPerMonth: 1 },
  // Staging environments.
  { source: { kind: 'interview', developer: 'ada', anchor: 'q-5' }, excerpt: "I share staging-2 with three other people and we step on each other's migrations.", theme: 'staging', minutesLost: 60, occurrencesPerMonth: 4 },
  { source: { kind: 'interview', developer: 'priya', anchor: 'q-2' }, excerpt: 'I opened a ticket with ops and waited three days.', theme: 'staging', severity: 3 },
  { source: { kind: 'interview', developer: 'lena', anchor: 'q-2' }, excerpt: 'Staging needed a new ingress rule and that is an ops ticket. We waited four days', theme: 'staging', severity: 3 },
  { source: { kind: 'event', session: 'pipeline', event: 'slot' }, excerpt: 'the shared staging environment was locked by another team', theme: 'staging', minutesLost: 15, occurrencesPerMonth: 4 },
  // Cost visibility.
  { source: { kind: 'interview', developer: 'mei', anchor: 'q-3' }, excerpt: 'I have to ask FinOps for a breakdown, and it takes them a week.', theme: 'cost', minutesLost: 120, occurrencesPerMonth: 1 },
  { source: { kind: 'interview', developer: 'diego', anchor: 'q-2' }, excerpt: 'I could not answer; FinOps sent a spreadsheet nine days later.', theme: 'cost', minutesLost: 90, occurrencesPerMonth: 1 },
  { source: { kind: 'interview', developer: 'diego', anchor: 'q-5' }, excerpt: 'A cost number per service in the same dashboard as latency.', theme: 'cost' },
  // Tracing.
  { source: { kind: 'interview', developer: 'mei', anchor: 'q-5' }, excerpt: 'I grep logs in three services and line up timestamps by hand.', theme: 'tracing', minutesLost: 60, occurrencesPerMonth: 3 },
  { source: { kind: 'interview', developer: 'jonas', anchor: 'q-3' }, excerpt: 'I ended up asking in #observability and got three different answers.', theme: 'tracing', severity: 2 },
  { source: { kind: 'interview', developer: 'lena', anchor: 'q-5' }, excerpt: 'Right now I send the request id to the backend team and wait.', theme: 'tracing', minutesLost: 45, occurrencesPerMonth: 2 },
  { source: { kind: 'interview', developer: 'ingrid', anchor: 'q-5' }, excerpt: 'we spend hours finding which hop dropped it', theme: 'tracing', minutesLost: 180, occurrencesPerMonth: 2 },
  { source: { kind: 'event', session: 'lag', event: 'logs' }, excerpt: 'Logs for the consumer were split across three services with no shared request id.', theme: 'tracing', minutesLost: 20, occurrencesPerMonth: 2 },
  { source: { kind: 'session-notes', session: 'lag' }, excerpt: 'With traces across producer and consumer this would have been a 10 minute diagnosis instead of an hour.', theme: 'tracing', minutesLost: 50, occurrencesPerMonth: 1 },
  // CI pipelines.
  { source: { kind: 'interview', developer: 'jonas', anchor: 'q-2' }, excerpt: 'there is no way to get a shell on them. Took me most of two days.', theme: 'ci', minutesLost: 900, occurrencesPerMonth: 0.5 },
  { source: { kind: 'interview', developer: 'jonas', anchor: 'q-5' }, excerpt: 'a CI failure would mean my code is broken, not the pipeline', theme: 'ci', severity: 2 },
  { source: { kind: 'event', session: 'refunds', event: 'jenkins' }, excerpt: 'Pipeline failed: the Jenkins shared library version in the copied Jenkinsfile no longer exists.', theme: 'ci', minutesLost: 25, occurrencesPerMonth: 1 },
  { source: { kind: 'event', session: 'pipeline', event: 'runner' }, excerpt: 'Build failed on a runner label that only exists for the search team.', theme: 'ci', minutesLost: 20, occurrencesPerMonth: 2 },
  { source: { kind: 'event', session: 'pipeline', event: 'copy' }, excerpt: "Copied the GitHub Actions workflow from the search team's repo.", theme: 'ci', minutesLost: 10, occurrencesPerMonth: 1 },
  // Change approvals.
  { source: { kind: 'interview', developer: 'ada', anchor: 'q-2' }, excerpt: 'lose half a day per deploy to waiting for approvals', theme: 'approvals', minutesLost: 240, occurrencesPerMonth: 4 },
  { source: { kind: 'interview', developer: 'ada', anchor: 'q-1' }, excerpt: 'The CR needs an approver from SRE, so I post in #sre-help and wait.', theme: 'approvals' },
  { source: { kind: 'event', session: 'lag', event: 'restart' }, excerpt: 'because the rollout job needs an approval', theme: 'approvals', minutesLost: 5, occurrencesPerMonth: 2 },
  // Saved but not sorted yet: what the untagged inbox is for.
  { source: { kind: 'interview', developer: 'lena', anchor: 'q-4' }, excerpt: 'it pulls in 40 MB of dependencies into the app build', theme: null, severity: 2 },
  { source: { kind: 'interview', developer: 'diego', anchor: 'q-3' }, excerpt: 'The firewall rule request form has twelve fields and no one knows what half of them mean.', theme: null, minutesLost: 30, occurrencesPerMonth: 1 },
];
