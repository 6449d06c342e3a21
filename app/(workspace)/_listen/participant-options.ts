// The input of the developer picker's list (participant-select.tsx): active developers by name. A
// constant a server page can prefetch with, so its query is exactly the one the picker reads.
import type { RouterInputs } from '@/server/root';

export const ACTIVE_DEVELOPERS_INPUT = { status: 'active', sort: 'name', limit: 500 } as const satisfies RouterInputs['participants']['list'];
