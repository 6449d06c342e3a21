import type { Metadata } from 'next';
import Link from 'next/link';
import { getServerCaller } from '../_trpc/server';
import { PageHeader, Panel } from '../_components/page-header';

export const metadata: Metadata = { title: 'Home' };

function Step({ isDone, title, children, href, cta }: { isDone: boolean; title: string; children: React.ReactNode; href: string; cta: string }) {
  return (
    <li className="flex gap-3 py-3">
      <span
        aria-hidden
        className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
          isDone ? 'bg-green-600 text-white' : 'border-2 border-slate-300 bg-white'
        }`}
      >
        {isDone ? '✓' : ''}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">
          {title} <span className="sr-only">{isDone ? '(done)' : '(to do)'}</span>
        </p>
        <p className="text-sm text-slate-600">{children}</p>
      </div>
      <Link href={href} className="self-center text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
        {cta}
      </Link>
    </li>
  );
}

export default async function HomePage() {
  const caller = await getServerCaller();
  const [me, teams, directory, members, coverage] = await Promise.all([
    caller.auth.me(),
    caller.teams.list(),
    caller.participants.list({ limit: 1 }),
    caller.members.list(),
    caller.coverage.get(),
  ]);
  const stats = [
    { label: 'Developers in the directory', value: directory.total, href: '/directory' },
    { label: 'Teams', value: teams.length, href: '/directory/teams' },
    { label: 'Workspace members', value: members.length, href: '/members' },
  ];

  return (
    <>
      <PageHeader
        title={`Hello, ${me.name}`}
        description="Frictionlog helps your platform team listen before it builds: who the developers are, where they lose time, and whether what you ship makes it better."
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        {stats.map((stat) => (
          <div key={stat.label} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
            <dt className="text-sm text-slate-600">{stat.label}</dt>
            <dd className="mt-1 text-3xl font-semibold text-slate-900">
              <Link href={stat.href} className="after:absolute after:inset-0">
                {stat.value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Panel title="Getting started" description="Listening starts with knowing whom to listen to.">
        <ol className="divide-y divide-slate-100">
          <Step isDone={members.length > 1} title="Invite your team" href="/members" cta="Members">
            Add the researchers who log interviews as editors, and stakeholders as viewers.
          </Step>
          <Step isDone={directory.total > 0} title="Build the developer directory" href="/directory/import" cta="Import a CSV">
            List developers by team, tenure and background, so you can see whose voice is missing.
          </Step>
          <Step isDone={directory.total >= 15} title="Aim for 15-20 developers across teams and tenure" href="/directory" cta="Directory">
            Talk to people with different backgrounds, from new hires to veterans.
          </Step>
          <Step
            isDone={coverage.interviewedDevelopers >= coverage.target.min}
            title={`Listen: interview and shadow developers (${coverage.interviewedDevelopers} of ${coverage.target.min}-${coverage.target.max} interviewed)`}
            href="/coverage"
            cta="Coverage"
          >
            Ask the five discovery questions, sit with developers at work, and save what shows friction as evidence. Want to see it first?
            An admin can load the demo workspace.
          </Step>
        </ol>
      </Panel>
    </>
  );
}
