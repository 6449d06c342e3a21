// The first steps of a new workspace, shown on the home page until developers have been interviewed.
import Link from 'next/link';
import { Panel } from '@/app/_components/page-header';
import type { WeeklyReview } from './format';

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

export function GettingStarted({ review }: { review: WeeklyReview }) {
  const { discovery, workspace } = review;
  return (
    <Panel title="Getting started" description="Listening starts with knowing whom to listen to.">
      <ol className="divide-y divide-slate-100">
        <Step isDone={workspace.members > 1} title="Invite your team" href="/members" cta="Members">
          Add the researchers who log interviews as editors, and stakeholders as viewers.
        </Step>
        <Step isDone={discovery.directorySize > 0} title="Build the developer directory" href="/directory/import" cta="Import a CSV">
          List developers by team, tenure and background, so you can see whose voice is missing.
        </Step>
        <Step isDone={discovery.directorySize >= 15} title="Aim for 15-20 developers across teams and tenure" href="/directory" cta="Directory">
          Talk to people with different backgrounds, from new hires to veterans.
        </Step>
        <Step
          isDone={discovery.interviewedDevelopers >= discovery.target.min}
          title={`Listen: interview and shadow developers (${discovery.interviewedDevelopers} of ${discovery.target.min}-${discovery.target.max} interviewed)`}
          href="/coverage"
          cta="Coverage"
        >
          Ask the five discovery questions, sit with developers at work, and save what shows friction as evidence. Want to see it first? An admin
          can load the demo workspace.
        </Step>
      </ol>
    </Panel>
  );
}
