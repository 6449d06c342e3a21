// The workspace navigation, grouped the way the discovery loop runs. A new area adds its entry here.
export interface NavItem {
  href: string;
  label: string;
  /** Only shown to these roles; everyone when absent. */
  roles?: ('admin' | 'editor' | 'viewer')[];
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

export const NAV_GROUPS: NavGroup[] = [
  {
    label: 'Overview',
    items: [
      { href: '/', label: 'Home' },
      { href: '/search', label: 'Search' },
    ],
  },
  {
    label: 'Listen',
    items: [
      { href: '/directory', label: 'Developer directory' },
      { href: '/interviews', label: 'Interviews' },
      { href: '/shadowing', label: 'Shadowing' },
      { href: '/coverage', label: 'Coverage' },
    ],
  },
  {
    label: 'Signals',
    items: [
      { href: '/tickets', label: 'Tickets' },
      { href: '/postmortems', label: 'Post-mortems' },
      { href: '/imports', label: 'Imports' },
    ],
  },
  {
    label: 'Understand',
    items: [
      { href: '/evidence', label: 'Evidence' },
      { href: '/evidence/inbox', label: 'Untagged inbox' },
      { href: '/themes', label: 'Themes' },
      { href: '/inventory', label: 'Pain inventory' },
    ],
  },
  {
    label: 'Act',
    items: [
      { href: '/manage/roadmap', label: 'Roadmap' },
      { href: '/manage/requests', label: 'Request inbox' },
      { href: '/roadmap', label: 'Public roadmap' },
    ],
  },
  {
    label: 'Measure',
    items: [
      { href: '/surveys', label: 'Surveys' },
      { href: '/ratings', label: 'Ratings' },
      { href: '/metrics', label: 'Platform metrics' },
    ],
  },
  {
    label: 'Workspace',
    items: [
      { href: '/members', label: 'Members' },
      { href: '/settings/api-tokens', label: 'API tokens', roles: ['admin'] },
      { href: '/settings/webhooks', label: 'Webhooks', roles: ['admin'] },
      { href: '/settings/demo', label: 'Demo workspace', roles: ['admin'] },
      { href: '/account', label: 'Your account' },
    ],
  },
];
