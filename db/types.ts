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
/** How an evidence item costs time (DESIGN.md "Ranking"): minutes x a monthly rate, or minutes once, on its date. */
export type EvidenceKind = 'recurring' | 'single';
/** Where an item's minutes came from: typed by a person, a per-category ticket rule, or the working hours of a ticket's wait. */
export type EvidenceMinutesOrigin = 'entered' | 'category_rule' | 'working_hours';
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
  id: Generated<number>;
  /** `account:<email>` or `client:<address>`. */
  key: string;
  failed_at: CreatedAt;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
  /** When the window ends; the row (and the client key it holds) is deleted soon after. */
  expires_at: Timestamp;
}

/** Secrets the server generated for itself (migration 0750), e.g. `keys`: the HMAC key. */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

/** One row (id is always true): workspace-wide webhook settings (migration 0751). */
export interface WebhookSettingsTable {
  id: Generated<boolean>;
  allow_private_targets: Generated<boolean>;
  updated_at: Generated<Date>;
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
  /** Recurring estimate or single occurrence; filled from the source kind by a trigger when not given (migration 0700). */
  kind: ColumnType<EvidenceKind, EvidenceKind | undefined, EvidenceKind>;
  /** Null exactly when minutes_lost is null; 'entered' by the trigger when minutes come without an origin. */
  minutes_origin: ColumnType<EvidenceMinutesOrigin | null, EvidenceMinutesOrigin | null | undefined, EvidenceMinutesOrigin | null>;
  /** When the friction was observed (interview date, ticket created): the ranking's date window. */
  observed_on: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  /** to_tsvector('english', excerpt), kept by PostgreSQL (a generated column): never written. */
  search_vector: SearchVector;
}

export interface ThemesTable {
  id: Generated<string>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<ThemeStatus, ThemeStatus | undefined, ThemeStatus>;
  merged_into_id: string | null;
  /** One of the one or two themes the MVP is scoped to; the inventory shows them first. */
  is_mvp_focus: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** The search text as a tsvector, kept by PostgreSQL (migration 0840): never written. */
  search_vector: SearchVector;
}

export interface EvidenceThemesTable {
  evidence_id: string;
  theme_id: string;
  created_at: CreatedAt;
}

/** A field of an evidence item as its history names it (migration 0720). */
export type EvidenceHistoryField = 'minutes_lost' | 'occurrences_per_month' | 'kind' | 'severity' | 'participant_id' | 'excerpt';

/** One corrected field of an evidence item: who, when, from what to what (values as text). */
export interface EvidenceHistoryTable {
  id: Generated<string>;
  evidence_id: string;
  field: EvidenceHistoryField;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: CreatedAt;
}

/** "Each ticket of this category costs N minutes" (migration 0721). */
export interface TicketCategoryCostsTable {
  category: string;
  minutes_per_ticket: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
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

export type ImportKind = 'tickets' | 'postmortems';
export type ImportFormat = 'jira' | 'github' | 'servicenow' | 'zendesk' | 'linear' | 'slack' | 'csv' | 'postmortem-markdown' | 'postmortem-csv';
export type ImportStatus = 'running' | 'completed' | 'failed' | 'rolled-back';

/** A problem with one row (or item, or file) of an imported file. */
export interface ImportProblemJson {
  row: number;
  column?: string;
  file?: string;
  message: string;
}

export interface ImportBatchesTable {
  id: Generated<string>;
  kind: ImportKind;
  format: ImportFormat;
  /** Tickets are unique per source + external key: 'jira', 'github', …, or 'csv:<name>'. */
  source: string;
  file_name: string;
  file_bytes: ColumnType<number, number | undefined, number>;
  status: ImportStatus;
  is_skip_bad_rows: ColumnType<boolean, boolean | undefined, boolean>;
  via: 'page' | 'api';
  mapping: ColumnType<unknown, string | null | undefined, string | null> | null;
  rows_read: ColumnType<number, number | undefined, number>;
  inserted: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  unchanged: ColumnType<number, number | undefined, number>;
  skipped: ColumnType<number, number | undefined, number>;
  participants_created: ColumnType<number, number | undefined, number>;
  problem_count: ColumnType<number, number | undefined, number>;
  /** The first problems (row, column, reason), as JSON. */
  problems: ColumnType<ImportProblemJson[], string | undefined, string>;
  notes: ColumnType<string[], string | undefined, string>;
  error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  rolled_back_by: string | null;
  /** The IANA zone the import read dates without a zone in (null before it was recorded). */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ImportRevisionsTable {
  batch_id: string;
  record_kind: 'ticket' | 'postmortem';
  record_id: string;
  /** The record as it was before the import changed it (jsonb), written only by SQL. */
  previous: ColumnType<unknown, string, string>;
}

export interface ImportBatchParticipantsTable {
  batch_id: string;
  participant_id: string;
}

export interface TicketMappingsTable {
  id: Generated<string>;
  name: string;
  format: 'jira' | 'servicenow' | 'zendesk' | 'linear' | 'csv';
  mapping: ColumnType<Record<string, string | null>, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TicketsTable {
  id: Generated<string>;
  source: string;
  external_key: string;
  title: string;
  /** The title lower-cased without punctuation: what repeat questions are matched on (pg_trgm). */
  title_norm: string;
  body: ColumnType<string, string | undefined, string>;
  status: string | null;
  export_category: string | null;
  category: string | null;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  components: ColumnType<string[], string[] | undefined, string[]>;
  comments: ColumnType<string[], string[] | undefined, string[]>;
  requester_name: string | null;
  requester_email: string | null;
  participant_id: string | null;
  /** Null when the export had no creation date for the ticket. */
  opened_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  resolved_at: Date | null;
  content_hash: string;
  inserted_batch_id: string | null;
  updated_batch_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * to_tsvector('english', title || ' ' || body) of a ticket, inserted by SQL only after the import
 * that wrote the ticket commits (migration 0950, server/tickets/service-search-vectors.ts).
 */
export interface TicketSearchTable {
  ticket_id: string;
  vector: string;
}

/** Import batches whose tickets still need their row in ticket_search. */
export interface TicketSearchPendingTable {
  batch_id: string;
  created_at: CreatedAt;
}

export interface TicketCategoryRulesTable {
  id: Generated<string>;
  match_on: 'keyword' | 'label';
  pattern: string;
  category: string;
  position: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PostmortemsTable {
  id: Generated<string>;
  external_key: string;
  title: string;
  incident_date: string | null;
  summary: ColumnType<string, string | undefined, string>;
  timeline: ColumnType<string, string | undefined, string>;
  contributing_factors: ColumnType<string[], string[] | undefined, string[]>;
  action_items: ColumnType<string[], string[] | undefined, string[]>;
  lessons: ColumnType<string, string | undefined, string>;
  category: string | null;
  severity: string | null;
  detection_minutes: number | null;
  recovery_minutes: number | null;
  body: ColumnType<string, string | undefined, string>;
  infrastructure_keywords: ColumnType<string[], string[] | undefined, string[]>;
  /** null until a person confirmed or rejected the suggestion. */
  is_infrastructure: boolean | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  content_hash: string;
  inserted_batch_id: string | null;
  updated_batch_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** The search text as a tsvector, kept by PostgreSQL (migration 0840): never written. */
  search_vector: SearchVector;
}
export type SurveyQuestionKind = 'scale_10' | 'scale_5' | 'enps' | 'single_choice' | 'multiple_choice' | 'free_text';
export type SurveyAccess = 'link' | 'invitation';

export interface SurveysTable {
  id: Generated<string>;
  /** Runs of the same survey (one per quarter) share it; the trend follows a series. */
  series_id: string;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  /** The public link is /s/<slug>. */
  slug: string;
  /** 'YYYY-Qn': the run's point on the trend. */
  quarter: string;
  opens_on: string;
  closes_on: string;
  /** Set when someone closed the survey before its closing date. */
  closed_on: string | null;
  asks_team: ColumnType<boolean, boolean | undefined, boolean>;
  asks_tenure: ColumnType<boolean, boolean | undefined, boolean>;
  access: ColumnType<SurveyAccess, SurveyAccess | undefined, SurveyAccess>;
  /** An open link takes one answer per browser (a marker kept in the browser only). */
  one_answer_per_browser: ColumnType<boolean, boolean | undefined, boolean>;
  origin: ColumnType<'builder' | 'import', 'builder' | 'import' | undefined, never>;
  /** For imported runs: how many people received the original survey, when known. */
  invited_count: number | null;
  /** Bumped by triggers on any change to the survey or its questions (migration 0900). */
  definition_version: ColumnType<number, never, never>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SurveyQuestionsTable {
  id: Generated<string>;
  survey_id: string;
  series_key: string;
  position: number;
  kind: SurveyQuestionKind;
  prompt: string;
  is_required: ColumnType<boolean, boolean | undefined, boolean>;
  options: ColumnType<string[], string[] | undefined, string[]>;
}

/** One anonymous submission: no account, address, user agent or invitation; the day only. */
export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  submitted_on: string;
  /** Self-reported team name, as chosen on the form. */
  team: string | null;
  tenure_band: TenureBand | null;
  origin: ColumnType<'form' | 'import', 'form' | 'import' | undefined, never>;
}

export interface SurveyAnswersTable {
  response_id: string;
  question_id: string;
  score: number | null;
  choices: string[] | null;
  text_value: string | null;
  /** to_tsvector('english', text_value), migration 0840. */
  text_vector: SearchVector;
}

export interface SurveyInviteesTable {
  survey_id: string;
  participant_id: string;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  survey_id: string;
  token_hash: string;
  is_used: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SurveyImportsTable {
  id: Generated<string>;
  survey_id: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RatingFlowsTable {
  id: Generated<string>;
  /** What the widget's data-flow attribute and the API's "flow" field name, e.g. create-service. */
  key: string;
  name: string;
  /** Origins (scheme://host[:port]) whose pages may post ratings from a browser. */
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One anonymous rating: no account, address or user agent; the day only. */
export interface RatingsTable {
  id: Generated<string>;
  flow_id: string;
  score: number;
  comment: string | null;
  rated_on: string;
}

/** JSON stored as jsonb: written as a JSON string, read back parsed (validate it before use). */
export type JsonColumn = ColumnType<unknown, string, never>;

export interface ThemeMergesTable {
  id: Generated<string>;
  /** The theme merged away (B); it forwards to the target while the merge is in effect. */
  source_theme_id: string;
  target_theme_id: string;
  merged_by: string | null;
  merged_at: CreatedAt;
  undone_at: Date | null;
  undone_by: string | null;
}

export interface ThemeMergeEvidenceTable {
  merge_id: string;
  evidence_id: string;
  /** The target theme did not have this evidence before the merge: undoing takes it back. */
  is_new_to_target: boolean;
}

export interface InventorySnapshotsTable {
  id: Generated<string>;
  title: string;
  /** The inventory filter the ranking was taken with. */
  filter: JsonColumn;
  /** The frozen ranked themes; a trigger refuses every update of a snapshot row. */
  ranking: JsonColumn;
  directory_size: number;
  taken_by: string | null;
  taken_at: CreatedAt;
}

export interface InventorySharesTable {
  id: Generated<string>;
  label: string;
  /** SHA-256 of the link's token: the link itself is shown once. */
  token_hash: string;
  token_prefix: string;
  filter: JsonColumn;
  created_by: string | null;
  created_at: CreatedAt;
  last_viewed_at: Date | null;
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
  /** The in-flow rating flow this item changes: its impact view compares that flow's ratings. */
  rating_flow_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The open request it was merged into (status 'merged', item_id null); migration 0760. */
  merged_into_request_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The board (category) the developer picked; migration 0761. */
  board_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The search text as a tsvector, kept by PostgreSQL (migration 0840): never written. */
  search_vector: SearchVector;
}

/** Who hears about a request's outcome: its submitter and voters who left an email (migration 0762). */
export interface RequestFollowersTable {
  id: Generated<string>;
  request_id: string;
  /** Private: never on a public page or in a public output. */
  email: string;
  created_at: CreatedAt;
}

export type RequestEmailStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** The outbox of emails about requests' outcomes, one per event, request and address (migration 0762). */
export interface RequestEmailsTable {
  id: Generated<string>;
  request_id: string | null;
  event: 'accepted' | 'merged' | 'declined' | 'shipped';
  to_email: string;
  subject: string;
  body: string;
  dedupe_key: string;
  status: ColumnType<RequestEmailStatus, RequestEmailStatus | undefined, RequestEmailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  locked_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  unsubscribed_at: Date | null;
  created_at: CreatedAt;
}

/** Addresses that unsubscribed, as a keyed hash (migration 0762). */
export interface EmailOptoutsTable {
  email_hash: string;
  created_at: CreatedAt;
}

/** The key unsubscribe links are signed with (one row, migration 0762). */
export interface EmailSigningKeysTable {
  id: number;
  secret: string;
}

/** A board (category) of requests, defined by the platform team (migration 0761). */
export interface RoadmapBoardsTable {
  id: Generated<string>;
  /** The board's name in addresses: /roadmap?board=ci-cd. */
  slug: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

/** One row per committed write to what the public board shows (migration 0760). */
export interface RoadmapChangesTable {
  id: Generated<number>;
  changed_at: CreatedAt;
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

export type InterviewStatus = 'draft' | 'complete';
export type ShadowingScenario = 'onboarding-service' | 'incident-debugging' | 'first-ci-cd' | 'other';
export type FrictionKind = 'tab-switch' | 'asked-for-help' | 'copied-from-runbook' | 'waiting' | 'dead-end' | 'workaround' | 'other';
/** A stored tsvector generated by PostgreSQL from a text column: read by search, never written. */
export type SearchVector = ColumnType<string | null, never, never>;

export interface InterviewGuidesTable {
  id: Generated<string>;
  title: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InterviewGuideQuestionsTable {
  id: Generated<string>;
  guide_id: string;
  /** 1-based order within the guide. */
  position: number;
  prompt: string;
}

export interface InterviewsTable {
  id: Generated<string>;
  participant_id: string;
  interviewed_on: string;
  interviewer_id: string | null;
  guide_id: string | null;
  /** The guide's title when the interview was recorded. */
  guide_title: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  status: ColumnType<InterviewStatus, InterviewStatus | undefined, InterviewStatus>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  notes_vector: SearchVector;
  /** The recording's address (the company's video tool); evidence from a turn opens it at that second. */
  recording_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** The file the transcript was imported from; null when there is no transcript. */
  transcript_file_name: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SpeakerRole = 'interviewer' | 'participant';

export interface ThemeSuggestionDismissalsTable {
  id: Generated<string>;
  /** Exactly one subject per row (migration 0910): an evidence item, a survey answer or a request. */
  evidence_id: string | null;
  /** With question_id: a survey free-text answer's key (nothing about who answered). */
  response_id: string | null;
  question_id: string | null;
  request_id: string | null;
  /** Set for a dismissed "fits theme X"; null for a dismissed group. */
  theme_id: string | null;
  /** The stemmed word or phrase of a dismissed "these items look like one pain" group. */
  cluster_term: string | null;
  dismissed_by: string | null;
  created_at: CreatedAt;
}

export interface InterviewTranscriptTurnsTable {
  id: Generated<string>;
  interview_id: string;
  /** 1-based; the spot `#t-<position>` of the interview page. */
  position: number;
  speaker_name: string;
  speaker_role: SpeakerRole;
  /** Milliseconds from the start of the recording. */
  start_ms: number;
  body: string;
  body_vector: SearchVector;
}

export interface TranscriptSpeakerRolesTable {
  /** The speaker's name, trimmed and lower-cased. */
  speaker_key: string;
  speaker_role: SpeakerRole;
  updated_at: UpdatedAt;
}

export interface InterviewAnswersTable {
  id: Generated<string>;
  interview_id: string;
  /** 1-based; the spot `#q-<position>` of the interview page. */
  position: number;
  /** The guide question, copied when the interview was recorded. */
  prompt: string;
  body: ColumnType<string, string | undefined, string>;
  updated_at: UpdatedAt;
  body_vector: SearchVector;
}

export interface ShadowingSessionsTable {
  id: Generated<string>;
  participant_id: string;
  scenario: ShadowingScenario;
  /** What the developer set out to do, e.g. "Create the payments-ledger service". */
  focus: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  observer_id: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  notes_vector: SearchVector;
}

export interface FrictionEventsTable {
  /** Chosen by the browser, so a retried capture is saved once. */
  id: string;
  session_id: string;
  offset_seconds: number;
  kind: FrictionKind;
  note: ColumnType<string, string | undefined, string>;
  minutes_lost: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  note_vector: SearchVector;
}

export interface DemoRecordsTable {
  /** The table the demo wrote to. */
  entity: string;
  record_id: string;
  created_at: CreatedAt;
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

/** One row per statement that changed an input of the pain inventory (see migration 0620). */
export interface InventoryChangesTable {
  id: Generated<number>;
  changed_at: CreatedAt;
}

/**
 * Per theme, the fold of its theme_developer_figures: items, kinds, developers, the two strongest
 * items and the median of the developers' monthly minutes for window_months (migrations 0860, 0930).
 */
export interface ThemeFiguresTable {
  theme_id: string;
  evidence_count: number;
  unattributed_items: number;
  kinds: number;
  developers: number;
  quote_ids: string[];
  window_months: number;
  timed_developers: number;
  median_low: number | null;
  median_high: number | null;
  computed_at: CreatedAt;
}

/** Per (theme, developer), or the theme's unattributed evidence under the nil uuid: the ranking's maintained input (migration 0930). */
export interface ThemeDeveloperFiguresTable {
  theme_id: string;
  participant_key: string;
  items: number;
  largest_recurring: number | null;
  single_minutes: number | null;
  kinds: number;
  quote_ids: string[];
  quote_minutes: (number | null)[];
  quote_dates: string[];
}

/** Pairs whose figures a write has changed, recomputed on the next read (migration 0930). */
export interface ThemeFiguresStalePairsTable {
  theme_id: string;
  participant_key: string;
  marked_at: CreatedAt;
}

/** Themes whose figures a write has changed, recomputed on the next read (migration 0860). */
export interface ThemeFiguresStaleTable {
  theme_id: string;
  marked_at: CreatedAt;
}

/** One row per statement that changed an input of the platform metrics (see migration 0630). */
export interface DeliveryChangesTable {
  id: Generated<number>;
  changed_at: CreatedAt;
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
  recovered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}

/**
 * Per (week or quarter, service, team): the sums of its deployments and its latest one, kept by
 * triggers on deployments (migration 0940); the delivery dashboard reads these.
 */
export interface DeliveryFiguresTable {
  period_kind: 'week' | 'quarter';
  period: string;
  period_start: Timestamp;
  period_end: Timestamp;
  service_id: string;
  team_id: string | null;
  deployments: number;
  platform_deployments: number;
  failures: number;
  unrecovered_failures: number;
  latest_at: Timestamp;
  latest_id: number;
  latest_via_platform: boolean;
}

/** Per quarter and scope ('all', 'none' for no team, or a team id): the medians (migration 0940). */
export interface DeliveryQuarterMediansTable {
  quarter: string;
  scope: string;
  lead_time_median_hours: number | null;
  recovery_median_hours: number | null;
}

/** Quarters whose medians a write changed, recomputed on the next read (migration 0940). */
export interface DeliveryQuartersStaleTable {
  quarter: string;
  marked_at: CreatedAt;
}

export interface PlatformTasksTable {
  id: Generated<number>;
  event_id: string;
  task: string;
  team_id: string | null;
  is_self_service: boolean;
  completed_at: Timestamp;
  created_at: CreatedAt;
}

export interface ManualWorkCategoriesTable {
  category: string;
  marked_by: string | null;
  marked_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  auth_failures: AuthFailuresTable;
  rate_limits: RateLimitsTable;
  server_secrets: ServerSecretsTable;
  webhook_settings: WebhookSettingsTable;
  teams: TeamsTable;
  participants: ParticipantsTable;
  evidence: EvidenceTable;
  themes: ThemesTable;
  evidence_themes: EvidenceThemesTable;
  api_tokens: ApiTokensTable;
  import_batches: ImportBatchesTable;
  import_revisions: ImportRevisionsTable;
  import_batch_participants: ImportBatchParticipantsTable;
  ticket_mappings: TicketMappingsTable;
  tickets: TicketsTable;
  ticket_search: TicketSearchTable;
  ticket_search_pending: TicketSearchPendingTable;
  ticket_category_rules: TicketCategoryRulesTable;
  postmortems: PostmortemsTable;
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_invitees: SurveyInviteesTable;
  survey_invitations: SurveyInvitationsTable;
  survey_imports: SurveyImportsTable;
  rating_flows: RatingFlowsTable;
  ratings: RatingsTable;
  theme_merges: ThemeMergesTable;
  evidence_history: EvidenceHistoryTable;
  ticket_category_costs: TicketCategoryCostsTable;
  theme_merge_evidence: ThemeMergeEvidenceTable;
  inventory_snapshots: InventorySnapshotsTable;
  inventory_shares: InventorySharesTable;
  roadmap_items: RoadmapItemsTable;
  inventory_changes: InventoryChangesTable;
  theme_figures: ThemeFiguresTable;
  theme_figures_stale: ThemeFiguresStaleTable;
  theme_developer_figures: ThemeDeveloperFiguresTable;
  theme_figures_stale_pairs: ThemeFiguresStalePairsTable;
  delivery_changes: DeliveryChangesTable;
  delivery_figures: DeliveryFiguresTable;
  delivery_quarter_medians: DeliveryQuarterMediansTable;
  delivery_quarters_stale: DeliveryQuartersStaleTable;
  roadmap_changes: RoadmapChangesTable;
  roadmap_boards: RoadmapBoardsTable;
  request_followers: RequestFollowersTable;
  request_emails: RequestEmailsTable;
  email_optouts: EmailOptoutsTable;
  email_signing_keys: EmailSigningKeysTable;
  roadmap_item_themes: RoadmapItemThemesTable;
  roadmap_item_public_themes: RoadmapItemThemesTable;
  roadmap_item_history: RoadmapItemHistoryTable;
  roadmap_publications: RoadmapPublicationsTable;
  roadmap_requests: RoadmapRequestsTable;
  roadmap_votes: RoadmapVotesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  interview_guides: InterviewGuidesTable;
  interview_guide_questions: InterviewGuideQuestionsTable;
  interviews: InterviewsTable;
  interview_answers: InterviewAnswersTable;
  shadowing_sessions: ShadowingSessionsTable;
  friction_events: FrictionEventsTable;
  demo_records: DemoRecordsTable;
  delivery_services: DeliveryServicesTable;
  deployments: DeploymentsTable;
  platform_tasks: PlatformTasksTable;
  manual_work_categories: ManualWorkCategoriesTable;
  theme_suggestion_dismissals: ThemeSuggestionDismissalsTable;
  interview_transcript_turns: InterviewTranscriptTurnsTable;
  transcript_speaker_roles: TranscriptSpeakerRolesTable;
}
