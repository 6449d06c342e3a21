// Kysely table types: the shape of every table, in one file. Written by hand beside the
// migrations in db/migrations/; a migration that changes a table changes its type here too.
import type { ColumnType, Generated } from 'kysely';

/** A timestamp the database fills in, readable as a Date, writable as a Date or ISO string. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = 'admin' | 'editor' | 'viewer';
export type TenureBand = '<1y' | '1-3y' | '3-5y' | '5y+';
export type ParticipantOrigin = 'manual' | 'directory-import' | 'ticket-requester';

export interface UsersTable {
  id: Generated<string>;
  name: string;
  email: string;
  password_hash: string;
  role: Role;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: UpdatedAt;
}

export interface AuthFailuresTable {
  id: Generated<string>;
  /** `account:<email>` or `client:<address>`. */
  key: string;
  failed_at: CreatedAt;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface ParticipantsTable {
  id: Generated<string>;
  display_name: string;
  email: string | null;
  team_id: string | null;
  tenure_band: TenureBand | null;
  background: string | null;
  origin: ColumnType<ParticipantOrigin, ParticipantOrigin | undefined, ParticipantOrigin>;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  rate_limits: RateLimitsTable;
  teams: TeamsTable;
  participants: ParticipantsTable;
}
