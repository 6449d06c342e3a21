// The input of the developer picker's list (participant-select.tsx): active developers by name.
// A pure file, so a server page that opens with the picker shown (/shadowing?new=1, an interview's
// details for editors) prefetches exactly the query the picker reads.
import type { RouterInputs } from '@/server/root';

export const PARTICIPANT_CHOICES = { status: 'active', sort: 'name', limit: 500 } as const satisfies RouterInputs['participants']['list'];
