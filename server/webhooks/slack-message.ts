// The JSON body of a webhook delivery: a Slack incoming-webhook message (text plus blocks), which
// Slack, Mattermost, Rocket.Chat and most chat tools accept as is. Pure.

export type WebhookMessage =
  | { event: 'request.created'; title: string; details: string; url: string }
  | { event: 'item.lane_changed'; changes: { title: string; url: string; from: string | null; to: string }[]; roadmapUrl: string }
  | { event: 'ping'; by: string };

export interface SlackMessage {
  text: string;
  blocks: { type: 'section'; text: { type: 'mrkdwn'; text: string } }[];
}

/** Slack reads <, > and & as markup; everything people wrote is escaped. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const link = (url: string, label: string) => `<${url}|${escapeSlack(label)}>`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });

export function buildSlackMessage(message: WebhookMessage): SlackMessage {
  switch (message.event) {
    case 'request.created': {
      const details = message.details.trim() ? `\n>${escapeSlack(clip(message.details.trim(), 300)).replace(/\n/g, '\n>')}` : '';
      return {
        text: `New roadmap request: ${escapeSlack(message.title)}`,
        blocks: [section(`*New roadmap request:* ${link(message.url, message.title)}${details}`)],
      };
    }
    case 'item.lane_changed': {
      const lines = message.changes.map(
        (change) => `• ${link(change.url, change.title)}: ${change.from ? `${escapeSlack(change.from)} → ` : 'now '}*${escapeSlack(change.to)}*`,
      );
      const summary = message.changes.length === 1 ? 'One roadmap item changed lane' : `${message.changes.length} roadmap items changed lane`;
      return {
        text: `${summary}: ${message.changes.map((change) => `${escapeSlack(change.title)} → ${escapeSlack(change.to)}`).join('; ')}`,
        blocks: [section(`*${summary}* on the ${link(message.roadmapUrl, 'public roadmap')}`), section(lines.join('\n'))],
      };
    }
    case 'ping':
      return {
        text: `Test message from Frictionlog, sent by ${escapeSlack(message.by)}. This webhook works.`,
        blocks: [section(`*Test message from Frictionlog*, sent by ${escapeSlack(message.by)}. This webhook works.`)],
      };
  }
}

/** One line for the delivery log. */
export function summariseMessage(message: WebhookMessage): string {
  switch (message.event) {
    case 'request.created':
      return `New request: ${clip(message.title, 100)}`;
    case 'item.lane_changed':
      return message.changes.length === 1
        ? `${clip(message.changes[0].title, 80)} → ${message.changes[0].to}`
        : `${message.changes.length} items changed lane`;
    case 'ping':
      return 'Test message';
  }
}
