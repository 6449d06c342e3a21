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
  { label: 'Overview', items: [{ href: '/', label: 'Home' }] },
  {
    label: 'Listen',
    items: [
      { href: '/directory', label: 'Developer directory' },
      { href: '/interviews', label: 'Interviews' },
      { href: '/shadowing', label: 'Shadowing' },
      { href: '/coverage', label: 'Coverage' },
      { href: '/search', label: 'Search' },
    ],
  },
  { label: 'Understand', items: [{ href: '/evidence', label: 'Evidence' }] },
  {
    label: 'Workspace',
    items: [
      { href: '/members', label: 'Members' },
      { href: '/settings/api-tokens', label: 'API tokens', roles: ['admin'] },
      { href: '/settings/demo', label: 'Demo workspace', roles: ['admin'] },
      { href: '/account', label: 'Your account' },
    ],
  },
];
