// Which IP literals a webhook may never target in production: everything that is not public
// unicast (RFC 6890 special-purpose ranges), so a merchant cannot point the provider at its own
// loopback, the cloud metadata service (169.254.169.254) or the private network it runs in.
// IPv4-mapped and NAT64 IPv6 forms are refused whole rather than decoded.
import { BlockList, isIP } from 'node:net';

const ipv4Ranges: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const ipv6Ranges: readonly [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

// Two lists: a BlockList also checks an IPv4 address against IPv6 rules in its mapped form, so
// one list holding ::ffff:0:0/96 would refuse every IPv4 address.
const blockedIpv4 = new BlockList();
for (const [network, prefix] of ipv4Ranges) blockedIpv4.addSubnet(network, prefix, 'ipv4');
const blockedIpv6 = new BlockList();
for (const [network, prefix] of ipv6Ranges) blockedIpv6.addSubnet(network, prefix, 'ipv6');

export type IsPrivateAddressReturnType = boolean;

/**
 * True for an IP literal (`10.0.0.1`, `::1`, `[::1]`) outside public unicast space; false for a
 * public address and for anything that is not an IP literal (host names are checked elsewhere).
 */
export function isPrivateAddress(address: string): IsPrivateAddressReturnType {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const version = isIP(literal);
  if (version === 0) return false;
  return version === 4 ? blockedIpv4.check(literal, 'ipv4') : blockedIpv6.check(literal, 'ipv6');
}
