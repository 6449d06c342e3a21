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
  { label: 'Listen', items: [{ href: '/directory', label: 'Developer directory' }] },
  { label: 'Measure', items: [{ href: '/metrics', label: 'Platform metrics' }] },
  {
    label: 'Workspace',
    items: [
      { href: '/members', label: 'Members' },
      { href: '/settings/api-tokens', label: 'API tokens', roles: ['admin'] },
      { href: '/account', label: 'Your account' },
    ],
  },
];
