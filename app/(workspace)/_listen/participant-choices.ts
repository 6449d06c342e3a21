// The input of the developer picker's list (participant-select.tsx): active developers by name.
// A pure file, so a server page that opens with the picker shown (?new=1) prefetches the same query.
export const PARTICIPANT_CHOICES = { status: 'active', sort: 'name', limit: 500 } as const;
