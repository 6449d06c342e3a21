// Kysely table types: the shape of every table, in one file. Written by hand beside the
// migrations in db/migrations/; a migration that changes a table changes its type here too.
import type { ColumnType, Generated } from 'kysely';

/** A timestamp the database fills in, readable as a Date, writable as a Date or ISO string. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = 'admin' | 'editor' | 'viewer';
export type TenureBand = '<1y' | '1-3y' | '3-5y' | '5y+';
export type EvidenceSourceKind = 'interview' | 'shadowing' | 'ticket' | 'postmortem' | 'survey' | 'rating' | 'request';
export type ThemeStatus = 'candidate' | 'confirmed' | 'archived';
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

export interface EvidenceTable {
  id: Generated<string>;
  source_kind: EvidenceSourceKind;
  /** The row the excerpt comes from: an interview, a friction event, a ticket, … */
  source_id: string;
  /** App path to the exact spot in the source, e.g. `/interviews/<id>#q-2`. */
  source_path: string;
  excerpt: string;
  participant_id: string | null;
  /** Minutes lost each time it happens; null when only a severity is known. */
  minutes_lost: number | null;
  occurrences_per_month: ColumnType<number, number | undefined, number>;
  /** 1-5, used for time lost when minutes_lost is null. */
  severity: number | null;
  /** When the friction was observed (interview date, ticket created): the ranking's date window. */
  observed_on: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ThemesTable {
  id: Generated<string>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<ThemeStatus, ThemeStatus | undefined, ThemeStatus>;
  merged_into_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EvidenceThemesTable {
  evidence_id: string;
  theme_id: string;
  created_at: CreatedAt;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  /** The first characters of the token, shown so an admin can tell tokens apart. */
  token_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface DeliveryServicesTable {
  id: Generated<string>;
  /** The sender's name for the service, e.g. "payments-api". */
  key: string;
  team_id: string | null;
  repository_created_at: Date | null;
  created_event_id: string | null;
  created_at: CreatedAt;
}

export interface DeploymentsTable {
  id: Generated<number>;
  event_id: string;
  service_id: string;
  team_id: string | null;
  via_platform: boolean;
  commit_at: Timestamp;
  deployed_at: Timestamp;
  outcome: 'success' | 'failure';
  recovered_at: Date | string | null;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  rate_limits: RateLimitsTable;
  teams: TeamsTable;
  participants: ParticipantsTable;
  evidence: EvidenceTable;
  themes: ThemesTable;
  evidence_themes: EvidenceThemesTable;
  api_tokens: ApiTokensTable;
  delivery_services: DeliveryServicesTable;
  deployments: DeploymentsTable;
}
