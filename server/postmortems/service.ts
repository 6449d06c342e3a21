// Post-mortems: the detail page and the infrastructure flag a person confirms. Importing them is
// imports/service-postmortems.ts.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as queries from './queries';

export async function getPostmortem(db: Db, input: { id: string }) {
  const row = await queries.getPostmortem(db, input);
  if (!row) throw new AppError('NOT_FOUND', 'This post-mortem is no longer here.');
  const evidence = await queries.listPostmortemEvidence(db, input);
  return { ...row, evidence };
}

export async function setInfrastructure(db: Db, input: { id: string; isInfrastructure: boolean | null; userId: string }) {
  const row = await queries.setInfrastructure(db, input);
  if (!row) throw new AppError('NOT_FOUND', 'This post-mortem is no longer here.');
  return row;
}
