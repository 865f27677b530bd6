/**
 * Classifies an IP address as public or as one of the classes an outbound call must never
 * reach. Pure; IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo)
 * are judged by the IPv4 address inside, so `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { UrlBlockReason } from '../../ports/outbound-http.port.ts';

type Range = readonly [prefix: string, bits: number, reason: UrlBlockReason];

const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified_address'],
  ['10.0.0.0', 8, 'private_address'],
  ['100.64.0.0', 10, 'cgnat_address'],
  ['127.0.0.0', 8, 'loopback_address'],
  ['169.254.0.0', 16, 'link_local_address'],
  ['172.16.0.0', 12, 'private_address'],
  ['192.0.0.0', 24, 'reserved_address'],
  ['192.0.2.0', 24, 'reserved_address'],
  ['192.168.0.0', 16, 'private_address'],
  ['198.18.0.0', 15, 'reserved_address'],
  ['198.51.100.0', 24, 'reserved_address'],
  ['203.0.113.0', 24, 'reserved_address'],
  ['224.0.0.0', 4, 'multicast_address'],
  ['255.255.255.255', 32, 'broadcast_address'],
  ['240.0.0.0', 4, 'reserved_address'],
];

const ipv4ToInt = (ip: string): number => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);

const inRange4 = (value: number, prefix: string, bits: number): boolean => {
  const size = 2 ** (32 - bits);
  const start = ipv4ToInt(prefix);
  return value >= start && value < start + size;
};

function classifyIpv4(ip: string): UrlBlockReason | undefined {
  const value = ipv4ToInt(ip);
  return IPV4_RANGES.find(([prefix, bits]) => inRange4(value, prefix, bits))?.[2];
}

/** Expands an IPv6 text (with `::` and an optional trailing dotted quad) into 16 bytes. */
export function ipv6ToBytes(ip: string): number[] {
  let text = ip.split('%')[0] as string;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...(dotted[1] as string).split('.').map(Number));
    text = `${text.slice(0, dotted.index)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  const all = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  const bytes = all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

const v4 = (bytes: readonly number[], from: number): string => bytes.slice(from, from + 4).join('.');
const allZero = (bytes: readonly number[], from: number, to: number): boolean => bytes.slice(from, to).every((b) => b === 0);

/** The IPv4 address an IPv6 address carries, for the forms a router or stack would honour. */
function embeddedIpv4(bytes: readonly number[]): string | undefined {
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible; :: and ::1 are not addresses in it)
  if (allZero(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(bytes, 12);
  if (allZero(bytes, 0, 12) && !allZero(bytes, 12, 15)) return v4(bytes, 12);
  // 64:ff9b::/96 NAT64, 2002::/16 6to4, 2001:0::/32 Teredo (client address inverted)
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b) return v4(bytes, 12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(bytes, 2);
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0 && bytes[3] === 0) return bytes.slice(12, 16).map((b) => b ^ 0xff).join('.');
  return undefined;
}

function classifyIpv6(ip: string): UrlBlockReason | undefined {
  const bytes = ipv6ToBytes(ip);
  const first = bytes[0] as number;
  const second = bytes[1] as number;
  if (allZero(bytes, 0, 16)) return 'unspecified_address';
  if (allZero(bytes, 0, 15) && bytes[15] === 1) return 'loopback_address';
  const inner = embeddedIpv4(bytes);
  if (inner !== undefined) return classifyIpv4(inner);
  if (first === 0xff) return 'multicast_address';
  if (first === 0xfe && (second & 0xc0) === 0x80) return 'link_local_address';
  if (first === 0xfe && (second & 0xc0) === 0xc0) return 'reserved_address'; // deprecated site-local
  if ((first & 0xfe) === 0xfc) return 'unique_local_address';
  if (first === 0x20 && second === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8) return 'reserved_address'; // documentation
  if (first === 0x01 && allZero(bytes, 1, 8)) return 'reserved_address'; // discard-only 100::/64
  return undefined;
}

/**
 * Why an address must not be reached, or undefined when it is public.
 *
 * @example
 * classifyAddress('169.254.169.254'); // 'link_local_address'
 * classifyAddress('::ffff:10.0.0.1'); // 'private_address'
 * classifyAddress('93.184.216.34');   // undefined
 */
export function classifyAddress(ip: string): UrlBlockReason | undefined {
  const bare = ip.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return classifyIpv4(bare);
  if (isIPv6(bare)) return classifyIpv6(bare);
  return 'invalid_url';
}

export const isIpLiteral = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '');
  return isIPv4(bare) || isIPv6(bare);
};
