// Which addresses a webhook may be sent to. Only public unicast addresses by default; an admin
// setting adds private networks (loopback, RFC 1918, unique-local IPv6, CGNAT) for receivers
// inside the company. Link-local (cloud metadata at 169.254.169.254 lives there), unspecified,
// multicast, broadcast, reserved and translated ranges, and the cloud metadata host names, are
// never allowed. Addresses are parsed by ipaddr.js, so 2130706433, 0x7f.1 and ::ffff:127.0.0.1
// are all the loopback address they stand for. Pure.
import ipaddr from 'ipaddr.js';

export type TargetVerdict = 'public' | 'private' | 'forbidden';

const PRIVATE_RANGES = new Set(['private', 'loopback', 'uniqueLocal', 'carrierGradeNat']);

/** Names that reach a cloud provider's instance metadata from inside the instance. */
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

export function classifyAddress(text: string): TargetVerdict {
  if (!ipaddr.isValid(text)) return 'forbidden';
  const address = ipaddr.process(text);
  const range = address.range();
  if (range === 'unicast') return 'public';
  return PRIVATE_RANGES.has(range) ? 'private' : 'forbidden';
}

/** The URL's host as an address or a name to resolve (brackets off IPv6, trailing dot off names). */
export function hostOf(url: URL): { address: string | null; name: string | null } {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  return ipaddr.isValid(host) ? { address: host, name: null } : { address: null, name: host };
}

export function isMetadataHost(name: string): boolean {
  return METADATA_HOSTS.has(name.toLowerCase().replace(/\.$/, ''));
}

/** Why an address may not receive webhooks, or null when it may. */
export function refusalOf(verdicts: TargetVerdict[], allowPrivate: boolean): string | null {
  if (verdicts.includes('forbidden')) {
    return 'This address points at a link-local, metadata, reserved or unspecified address: webhooks cannot be sent there.';
  }
  if (!allowPrivate && verdicts.includes('private')) {
    return 'This address is on a private network (loopback, 10.x, 172.16-31.x, 192.168.x, 100.64.x or fc00::/7). An admin can allow private receivers below.';
  }
  return null;
}
