// Checking a webhook's receiver after DNS resolution, and posting to the very address that was
// checked. A name is resolved once per attempt, every address it resolves to must be allowed,
// and the connection is made to that address (the name still goes in Host and TLS SNI), so a
// name that changes its answer between the check and the send (DNS rebinding) cannot reach an
// address the check refused.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as queries from './queries';
import { classifyAddress, hostOf, isMetadataHost, refusalOf } from './target-rules';

export interface ResolvedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type TargetCheck = { ok: true; target: ResolvedTarget } | { ok: false; reason: string };

export async function checkWebhookTarget(rawUrl: string, allowPrivate: boolean): Promise<TargetCheck> {
  const url = new URL(rawUrl);
  const host = hostOf(url);
  if (host.name && isMetadataHost(host.name)) return { ok: false, reason: refusalOf(['forbidden'], allowPrivate)! };
  let addresses: { address: string; family: number }[];
  if (host.address) addresses = [{ address: host.address, family: host.address.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(host.name!, { all: true, verbatim: true });
    } catch {
      return { ok: false, reason: `The name ${host.name} does not resolve to an address.` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `The name ${host.name} does not resolve to an address.` };
  const reason = refusalOf(addresses.map((entry) => classifyAddress(entry.address)), allowPrivate);
  if (reason) return { ok: false, reason };
  return { ok: true, target: { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 } };
}

export async function isPrivateTargetAllowed(db: Db): Promise<boolean> {
  return (await queries.getWebhookSettings(db)).allow_private_targets;
}

/** Refuses, naming the url field, an address webhooks may not be sent to. */
export async function assertAllowedTarget(db: Db, url: string): Promise<void> {
  const check = await checkWebhookTarget(url, await isPrivateTargetAllowed(db));
  if (!check.ok) throw new AppError('BAD_REQUEST', check.reason, { field: 'url' });
}

export interface PinnedAnswer {
  status: number;
  location: string | null;
}

/** POSTs to the checked address only; rejects on network failure or timeout (the caller logs "not delivered"). */
export function postPinned(target: ResolvedTarget, input: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<PinnedAnswer> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
        signal: AbortSignal.timeout(input.timeoutMs),
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: typeof response.headers.location === 'string' ? response.headers.location : null });
      },
    );
    request.on('error', reject);
    request.end(input.body);
  });
}
