// Reads a Slack workspace export (the zip Slack's admins download: channels.json, users.json and
// one folder per channel holding one JSON file per day) as tickets: each top-level message of a
// person is a ticket keyed by channel and timestamp, its thread replies are its comments, its
// author the requester (name and email from users.json when present), and a white check mark
// reaction marks it resolved. Joins, leaves, topic changes, bot messages and other system
// subtypes are skipped and counted. Pure: bytes in, records out.
import { unzipSync } from 'fflate';
import { MAX_BODY, MAX_TITLE, type MappedRow, type RowProblem, type TicketRecord } from './map-ticket-row';
import { FileError } from './read-records';

/** Subtypes that are not a person asking something. */
const SKIPPED_SUBTYPES = new Set([
  'bot_message', 'channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'channel_archive',
  'channel_unarchive', 'group_join', 'group_leave', 'pinned_item', 'unpinned_item', 'reminder_add', 'tombstone', 'bot_add',
  'bot_remove', 'app_conversation_leave', 'huddle_thread', 'channel_convert_to_private', 'sh_room_created',
]);
/** Reactions that mean "answered". */
const RESOLVED_REACTIONS = new Set(['white_check_mark', 'heavy_check_mark', 'ballot_box_with_check', 'white_tick', 'done', 'resolved']);
const DAY_FILE = /^(?:[^/]+\/)*([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

interface SlackUser {
  name: string | null;
  email: string | null;
}

interface SlackMessage {
  type?: unknown;
  subtype?: unknown;
  user?: unknown;
  bot_id?: unknown;
  text?: unknown;
  ts?: unknown;
  thread_ts?: unknown;
  reactions?: unknown;
  files?: unknown;
  user_profile?: unknown;
}

export interface SlackExportSummary {
  channels: number;
  messages: number;
  skippedSystem: number;
  replies: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw new FileError({ row: 1, file, message: `${file} is not valid JSON (${(error as Error).message}).` });
  }
}

function readUsers(bytes: Uint8Array | undefined): Map<string, SlackUser> {
  const users = new Map<string, SlackUser>();
  if (!bytes) return users;
  const value = parseJson(bytes, 'users.json');
  for (const user of Array.isArray(value) ? value : []) {
    if (!isObject(user) || typeof user.id !== 'string') continue;
    const profile = isObject(user.profile) ? user.profile : {};
    const name = text(profile.real_name) || text(user.real_name) || text(profile.display_name) || text(user.name) || null;
    users.set(user.id, { name, email: text(profile.email) || null });
  }
  return users;
}

/** Slack's markup as people read it: mentions by name, channel names, link labels, entities. */
export function slackText(raw: string, users: Map<string, SlackUser>): string {
  return raw
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => `@${users.get(id)?.name ?? label ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, (_, name: string) => `#${name}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const toIso = (ts: string) => new Date(Math.round(Number(ts) * 1000)).toISOString();

function titleOf(body: string): string {
  const line = body.split('\n').map((part) => part.trim()).find(Boolean) ?? '';
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}

/**
 * The tickets of an export, in channel and time order, with the row of each being its position
 * among the export's messages. Throws a FileError when the zip is not a Slack export or holds no
 * message of a person.
 */
export function readSlackExport(zip: Uint8Array): { rows: (MappedRow & { row: number })[]; summary: SlackExportSummary } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    throw new FileError({ row: 1, message: 'This file is not a zip archive; a Slack export is the .zip Slack gives workspace admins.' });
  }
  const byName = new Map(Object.entries(files).map(([name, bytes]) => [name.replace(/^\.\//, ''), bytes]));
  const usersFile = [...byName.keys()].filter((name) => /(^|\/)users\.json$/.test(name)).sort((a, b) => a.length - b.length)[0];
  const days = [...byName.keys()].map((name) => ({ name, match: DAY_FILE.exec(name) })).filter((entry) => entry.match && !entry.name.includes('__MACOSX'));
  const hasChannels = [...byName.keys()].some((name) => /(^|\/)channels\.json$/.test(name));
  if (days.length === 0 || !hasChannels) {
    throw new FileError({
      row: 1,
      message: 'This zip is not a Slack export: a Slack export has channels.json and one folder per channel with a JSON file per day (e.g. platform-help/2025-07-01.json).',
    });
  }
  const users = readUsers(usersFile ? byName.get(usersFile) : undefined);

  const summary: SlackExportSummary = { channels: new Set(days.map((entry) => entry.match![1])).size, messages: 0, skippedSystem: 0, replies: 0 };
  const parents = new Map<string, { row: number; channel: string; message: SlackMessage; replies: SlackMessage[] }>();
  const problems: (RowProblem & { row: number })[] = [];
  const pendingReplies: { channel: string; message: SlackMessage }[] = [];
  days.sort((a, b) => a.name.localeCompare(b.name));
  for (const { name, match } of days) {
    const channel = match![1];
    const value = parseJson(byName.get(name)!, name);
    if (!Array.isArray(value)) throw new FileError({ row: 1, file: name, message: `${name} is not a list of messages.` });
    for (const item of value) {
      if (!isObject(item)) continue;
      const message = item as SlackMessage;
      if (message.type !== 'message') continue;
      summary.messages += 1;
      const subtype = text(message.subtype);
      if (SKIPPED_SUBTYPES.has(subtype) || (message.bot_id && !message.user) || subtype.startsWith('channel_')) {
        summary.skippedSystem += 1;
        continue;
      }
      const ts = text(message.ts);
      if (!/^\d+(\.\d+)?$/.test(ts)) {
        problems.push({ row: summary.messages, file: name, column: 'ts', message: 'The message has no timestamp (ts).' });
        continue;
      }
      const threadTs = text(message.thread_ts);
      if (threadTs && threadTs !== ts) {
        pendingReplies.push({ channel, message });
        continue;
      }
      parents.set(`${channel}:${ts}`, { row: summary.messages, channel, message, replies: [] });
    }
  }
  for (const reply of pendingReplies) {
    const parent = parents.get(`${reply.channel}:${text(reply.message.thread_ts)}`);
    if (!parent) continue;
    parent.replies.push(reply.message);
    summary.replies += 1;
  }
  if (parents.size === 0 && problems.length === 0) {
    throw new FileError({
      row: 1,
      message: `This Slack export has no messages to import: ${summary.channels} channel${summary.channels === 1 ? '' : 's'}, ${summary.messages} message${summary.messages === 1 ? '' : 's'}, all joins, bot messages or other system messages.`,
    });
  }

  const rows: (MappedRow & { row: number })[] = problems.map((problem) => ({ problems: [problem], row: problem.row }));
  for (const [key, { row, channel, message, replies }] of parents) {
    const userId = text(message.user);
    const profile = isObject(message.user_profile) ? message.user_profile : {};
    const user = users.get(userId) ?? { name: text(profile.real_name) || text(profile.display_name) || null, email: null };
    let body = slackText(text(message.text), users);
    const files = Array.isArray(message.files) ? message.files.filter(isObject).map((file) => text(file.name) || text(file.title)).filter(Boolean) : [];
    if (files.length > 0) body = `${body}${body ? '\n\n' : ''}Files: ${files.join(', ')}`;
    const title = titleOf(body);
    if (!title) {
      rows.push({ row, problems: [{ row, column: 'text', file: channel, message: 'The message has no text.' }] });
      continue;
    }
    const sortedReplies = replies.sort((a, b) => Number(text(a.ts)) - Number(text(b.ts)));
    const reactions = Array.isArray(message.reactions) ? message.reactions.filter(isObject).map((reaction) => text(reaction.name)) : [];
    const isResolved = reactions.some((name) => RESOLVED_REACTIONS.has(name));
    const lastTs = sortedReplies.length > 0 ? text(sortedReplies.at(-1)!.ts) : text(message.ts);
    const record: TicketRecord = {
      externalKey: key,
      title,
      body: body.slice(0, MAX_BODY),
      status: isResolved ? 'resolved' : 'open',
      exportCategory: `#${channel}`,
      labels: [`#${channel}`],
      components: [],
      comments: sortedReplies.map((reply) => {
        const author = users.get(text(reply.user))?.name ?? text(reply.user);
        return `${toIso(text(reply.ts)).slice(0, 16).replace('T', ' ')} ${author}: ${slackText(text(reply.text), users)}`;
      }),
      requesterName: user.name,
      requesterEmail: user.email,
      openedAt: toIso(text(message.ts)),
      // Slack does not say when the check mark was added: the last reply is the nearest moment.
      resolvedAt: isResolved ? toIso(lastTs) : null,
    };
    rows.push({ row, record });
  }
  rows.sort((a, b) => a.row - b.row);
  return { rows, summary };
}
