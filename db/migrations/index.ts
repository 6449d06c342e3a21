// Every migration, in order. Listed by hand (not read from disk) so the bundled server and the
// command-line migrator run exactly the same set.
import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-evidence-themes';
import * as m0100 from './0100-discovery';
import * as m0200 from './0200-pain-inventory';
import * as m0300 from './0300-imports-tickets-postmortems';
import * as m0400 from './0400-roadmap';
import * as m0500 from './0500-surveys';
import * as m0501 from './0501-ratings';
import * as m0600 from './0600-delivery-events';
import * as m0610 from './0610-impact';
import * as m0620 from './0620-inventory-changes';
import * as m0630 from './0630-delivery-changes';
import * as m0700 from './0700-evidence-kind';
import * as m0710 from './0710-self-service';
import * as m0720 from './0720-evidence-history';
import * as m0721 from './0721-ticket-category-costs';
import * as m0730 from './0730-tickets-undated-zones';
import * as m0731 from './0731-tickets-linear-slack-formats';
import * as m0750 from './0750-server-secret-and-expiring-limits';
import * as m0751 from './0751-webhook-private-targets';
import * as m0760 from './0760-roadmap-requests-board';
import * as m0761 from './0761-roadmap-boards';
import * as m0762 from './0762-request-emails';
import * as m0770 from './0770-theme-suggestion-dismissals';
import * as m0771 from './0771-interview-transcripts';
import * as m0830 from './0830-survey-one-answer-per-browser';
import * as m0840 from './0840-search-everything';
import * as m0860 from './0860-theme-figures';
import * as m0900 from './0900-survey-definition-version';
import * as m0910 from './0910-theme-dismissals-answers-requests';
import * as m0920 from './0920-ticket-search-after-import';
import * as m0930 from './0930-theme-developer-figures';
import * as m0940 from './0940-delivery-figures';
import * as m0950 from './0950-ticket-search-side-table';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-evidence-themes': m0002,
  '0100-discovery': m0100,
  '0200-pain-inventory': m0200,
  '0300-imports-tickets-postmortems': m0300,
  '0400-roadmap': m0400,
  '0500-surveys': m0500,
  '0501-ratings': m0501,
  '0600-delivery-events': m0600,
  '0610-impact': m0610,
  '0620-inventory-changes': m0620,
  '0630-delivery-changes': m0630,
  '0700-evidence-kind': m0700,
  '0710-self-service': m0710,
  '0720-evidence-history': m0720,
  '0721-ticket-category-costs': m0721,
  '0730-tickets-undated-zones': m0730,
  '0731-tickets-linear-slack-formats': m0731,
  '0750-server-secret-and-expiring-limits': m0750,
  '0751-webhook-private-targets': m0751,
  '0760-roadmap-requests-board': m0760,
  '0761-roadmap-boards': m0761,
  '0762-request-emails': m0762,
  '0770-theme-suggestion-dismissals': m0770,
  '0771-interview-transcripts': m0771,
  '0830-survey-one-answer-per-browser': m0830,
  '0840-search-everything': m0840,
  '0860-theme-figures': m0860,
  '0900-survey-definition-version': m0900,
  '0910-theme-dismissals-answers-requests': m0910,
  '0920-ticket-search-after-import': m0920,
  '0930-theme-developer-figures': m0930,
  '0940-delivery-figures': m0940,
  '0950-ticket-search-side-table': m0950,
};
