import { isIP } from "node:net";

// Which hosts are the server's own network: a webhook pointed there would let an account make the
// server post to places only it can reach (its database, its cloud metadata service).

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
];

function v4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/**
 * Whether a URL's hostname is loopback, link-local or private, by name (localhost) or as an address
 * literal. A public name that resolves to a private address is not caught here (that needs the resolver
 * at delivery time); the operator who runs aigov on a private network should firewall it.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const version = isIP(host);
  if (version === 4) {
    const n = v4Number(host);
    return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (version === 6) {
    if (host === "::1" || host === "::") return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return isPrivateHost(mapped[1] as string);
    return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}
