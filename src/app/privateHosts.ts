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
  // A trailing dot names the same host ("localhost." is localhost).
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const version = isIP(host);
  if (version === 4) {
    const n = v4Number(host);
    return PRIVATE_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (version === 6) {
    if (host === "::1" || host === "::") return true;
    // An IPv4 address inside IPv6 (mapped ::ffff:a.b.c.d, which URL writes as ::ffff:7f00:1; the
    // deprecated compatible ::a.b.c.d; NAT64's 64:ff9b::) reaches that IPv4 address.
    const embedded =
      /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(host);
    if (embedded) {
      if (embedded[1]) return isPrivateHost(embedded[1]);
      const n =
        Number.parseInt(embedded[2] as string, 16) * 65536 + Number.parseInt(embedded[3] as string, 16);
      return isPrivateHost([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."));
    }
    return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}
