// The Imports page's upload: streams the file in and progress back (server/imports/rest.ts).
export { postImportPageRoute as POST } from '@/server/imports/rest';

export const dynamic = 'force-dynamic';
