// A local SMTP server for tests that send email (smtp-server): it keeps every message it receives,
// decoded enough to read the subject and the text; an address starting with "bounce" is refused.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  return Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

function decodeSubject(subject: string): string {
  return subject
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, text: string) => decodeQuotedPrintable(text.replace(/_/g, ' ')));
}

function decode(raw: string, to: string[]): ReceivedMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n\s+/g, ' ');
  return { to, subject: decodeSubject(/^Subject: (.*)$/m.exec(headers)?.[1] ?? ''), text: decodeQuotedPrintable(rest.join('\n\n')) };
}

export async function startSmtpServer(): Promise<{ url: string; inbox: ReceivedMail[]; close: () => Promise<void> }> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) return callback(new Error('Mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('latin1');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        inbox.push(decode(raw, session.envelope.rcptTo.map((rcpt) => rcpt.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** The unsubscribe link at the end of an email. */
export function unsubscribeLinkOf(mail: ReceivedMail): string {
  return /(\S+\/roadmap\/unsubscribe\?token=\S+)/.exec(mail.text)![1];
}
