'use client';
// The workspace frame: navigation beside the page on a laptop, behind a menu button on a phone.
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { CommandPalette } from './command-palette';
import { IntentLink } from './intent-link';
import { NAV_GROUPS } from './nav-items';
import { useSession } from './session-context';

function matches(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The entry for this page: the most specific one that matches (/evidence/inbox, not /evidence). */
function isCurrent(pathname: string, href: string) {
  if (!matches(pathname, href)) return false;
  return !NAV_GROUPS.some((group) => group.items.some((item) => item.href.length > href.length && matches(pathname, item.href)));
}

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const session = useSession();
  const trpc = useTRPC();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const sidebarRef = useRef<HTMLDivElement>(null);
  // The sidebar scrolls on its own on a short screen: keep this page's entry in view in it.
  useEffect(() => {
    const current = sidebarRef.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView({ block: 'nearest' });
  }, [pathname]);
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        router.replace('/login');
        router.refresh();
      },
    }),
  );

  const nav = (
    <nav aria-label="Workspace" className="flex flex-col gap-3">
      {NAV_GROUPS.map((group) => {
        const items = group.items.filter((item) => !item.roles || item.roles.includes(session.role));
        if (items.length === 0) return null;
        return (
          <div key={group.label}>
            <p className="px-3 text-xs font-semibold tracking-wide text-slate-400 uppercase">{group.label}</p>
            <ul className="mt-1 flex flex-col gap-0.5">
              {items.map((item) => {
                const current = isCurrent(pathname, item.href);
                return (
                  <li key={item.href}>
                    <IntentLink
                      href={item.href}
                      aria-current={current ? 'page' : undefined}
                      onClick={() => setMenuOpen(false)}
                      className={`block rounded-md px-3 py-1 text-sm ${
                        current ? 'bg-slate-700 font-medium text-white' : 'text-slate-200 hover:bg-slate-800 hover:text-white'
                      }`}
                    >
                      {item.label}
                    </IntentLink>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );

  const account = (
    <div className="shrink-0 border-t border-slate-700 px-3 pt-3 text-sm">
      <p className="truncate font-medium text-white">{session.name}</p>
      <p className="flex items-center justify-between gap-2">
        <span className="text-slate-300 capitalize">{session.role}</span>
        <button type="button" onClick={() => signOut.mutate()} className="rounded-md px-0 text-slate-200 underline-offset-2 hover:text-white hover:underline">
          Sign out
        </button>
      </p>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="no-print flex items-center justify-between bg-slate-900 px-4 py-3 lg:hidden">
        <Link href="/" prefetch={false} className="text-lg font-semibold text-white">
          Frictionlog
        </Link>
        <button
          type="button"
          aria-expanded={isMenuOpen}
          aria-controls="mobile-nav"
          onClick={() => setMenuOpen((open) => !open)}
          className="rounded-md border border-slate-600 px-3 py-1 text-sm text-white"
        >
          {isMenuOpen ? 'Close menu' : 'Menu'}
        </button>
      </div>
      {isMenuOpen && (
        <div id="mobile-nav" className="no-print flex flex-col gap-5 bg-slate-900 px-3 pb-5 lg:hidden">
          {nav}
          {account}
        </div>
      )}
      <aside className="no-print hidden w-60 shrink-0 flex-col gap-3 bg-slate-900 py-4 lg:sticky lg:top-0 lg:flex lg:h-screen">
        <Link href="/" prefetch={false} className="shrink-0 px-6 text-lg font-semibold text-white">
          Frictionlog
        </Link>
        {/* Scrolls on its own (with a visible bar) when the screen is shorter than the list. */}
        <div ref={sidebarRef} data-testid="sidebar-scroll" className="sidebar-scroll min-h-0 flex-1 overflow-y-auto overscroll-contain px-3 pb-2">
          {nav}
        </div>
        {account}
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
      <CommandPalette />
    </div>
  );
}
