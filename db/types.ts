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

export type RoadmapLane = 'in_progress' | 'planned' | 'requested' | 'shipped' | 'declined';
export type RequestStatus = 'open' | 'merged' | 'accepted' | 'declined';
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface RoadmapItemsTable {
  id: Generated<string>;
  title: string;
  /** Public description, Markdown (rendered sanitized). */
  description: ColumnType<string, string | undefined, string>;
  /** Private to the workspace; never on a public page. */
  internal_note: ColumnType<string, string | undefined, string>;
  lane: RoadmapLane;
  /** Order within the lane, 0 first. */
  position: ColumnType<number, number | undefined, number>;
  /** 'YYYY-Qn'. */
  target_quarter: string | null;
  /** Whether the next publish puts it on the public roadmap. */
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  // The public copy as of the last publish; public_lane null = not on the public roadmap.
  public_title: string | null;
  public_description: string | null;
  public_quarter: string | null;
  public_lane: RoadmapLane | null;
  public_position: number | null;
  first_published_at: Date | null;
  public_updated_at: Date | null;
  /** When it was first published as shipped: the quarter of the changelog. */
  shipped_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoadmapItemThemesTable {
  item_id: string;
  theme_id: string;
}

export interface RoadmapItemHistoryTable {
  id: Generated<string>;
  item_id: string;
  from_lane: RoadmapLane | null;
  to_lane: RoadmapLane;
  changed_at: CreatedAt;
  changed_by: string | null;
}

export interface RoadmapPublicationsTable {
  id: Generated<string>;
  published_at: CreatedAt;
  published_by: string | null;
  changes: number;
  public_items: number;
}

export interface RoadmapRequestsTable {
  id: Generated<string>;
  title: string;
  details: ColumnType<string, string | undefined, string>;
  /** The submitter's, to hear back; private to the workspace. */
  email: string | null;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  /** The roadmap item it was merged into or accepted as. */
  item_id: string | null;
  /** Shown on the request's public page. */
  decline_reason: string | null;
  triaged_at: Date | null;
  triaged_by: string | null;
  created_at: CreatedAt;
}

export interface RoadmapVotesTable {
  id: Generated<string>;
  item_id: string | null;
  request_id: string | null;
  /** SHA-256 of the voter's browser cookie. */
  voter_hash: string;
  /** SHA-256 of the voter's email, when given. */
  email_hash: string | null;
  created_at: CreatedAt;
}

export interface WebhooksTable {
  id: Generated<string>;
  name: string;
  url: string;
  /** Signs every delivery (HMAC-SHA256); kept to sign, shown to the admin once. */
  secret: string;
  on_new_request: ColumnType<boolean, boolean | undefined, boolean>;
  on_lane_change: ColumnType<boolean, boolean | undefined, boolean>;
  is_active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event: string;
  /** One line for the delivery log. */
  summary: string;
  /** The exact JSON body sent (and signed). */
  payload: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date | null;
  /** Claimed by a process until then, so two processes never send the same delivery at once. */
  locked_until: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
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
  roadmap_items: RoadmapItemsTable;
  roadmap_item_themes: RoadmapItemThemesTable;
  roadmap_item_public_themes: RoadmapItemThemesTable;
  roadmap_item_history: RoadmapItemHistoryTable;
  roadmap_publications: RoadmapPublicationsTable;
  roadmap_requests: RoadmapRequestsTable;
  roadmap_votes: RoadmapVotesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
