// Every migration, in order. Listed by hand (not read from disk) so the bundled server and the
// command-line migrator run exactly the same set.
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-evidence-themes';
import * as m0600 from './0600-delivery-events';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-evidence-themes': m0002,
  '0600-delivery-events': m0600,
};
