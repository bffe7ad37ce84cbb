import { describe, expect, it } from "vitest";
import { forwardedClient, plainAddress, trustedProxies } from "./forwarding.mjs";

describe("trustedProxies", () => {
  it("trusts nobody when unset or empty", () => {
    for (const spec of [undefined, "", " , "]) {
      const isTrusted = trustedProxies(spec);
      expect(isTrusted("127.0.0.1")).toBe(false);
      expect(isTrusted("::1")).toBe(false);
    }
  });

  it("takes addresses and CIDR ranges, IPv4 and IPv6, and IPv4-mapped peers", () => {
    const isTrusted = trustedProxies("127.0.0.1, ::1, 10.0.0.0/8, 2001:db8::/32");
    expect(isTrusted("127.0.0.1")).toBe(true);
    expect(isTrusted("::ffff:127.0.0.1")).toBe(true);
    expect(isTrusted("::1")).toBe(true);
    expect(isTrusted("10.200.3.4")).toBe(true);
    expect(isTrusted("11.0.0.1")).toBe(false);
    expect(isTrusted("2001:db8:1::5")).toBe(true);
    expect(isTrusted("2001:db9::5")).toBe(false);
    expect(isTrusted("not an address")).toBe(false);
    expect(isTrusted("")).toBe(false);
  });

  it("refuses, at start, an entry that is not an address or a range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/x", "1.2.3.4/8/9", "::1/129", "*"]) {
      expect(() => trustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("forwardedClient", () => {
  const proxies = trustedProxies("127.0.0.1,10.0.0.0/8");

  it("a direct client is its socket address, whatever X-Forwarded-For says", () => {
    expect(forwardedClient("203.0.113.9", "198.51.100.1", proxies)).toEqual({
      client: "203.0.113.9",
      viaTrustedProxy: false,
    });
    expect(forwardedClient("::ffff:203.0.113.9", undefined, trustedProxies(""))).toEqual({
      client: "203.0.113.9",
      viaTrustedProxy: false,
    });
  });

  it("behind a trusted proxy, the nearest address no trusted proxy is", () => {
    // nginx appends the address it saw: whatever the client wrote comes before it.
    expect(forwardedClient("127.0.0.1", "6.6.6.6, 203.0.113.9", proxies)).toEqual({
      client: "203.0.113.9",
      viaTrustedProxy: true,
    });
    // Two trusted hops in front of the client.
    expect(forwardedClient("127.0.0.1", "203.0.113.9, 10.1.2.3", proxies).client).toBe(
      "203.0.113.9",
    );
    // Only trusted hops: the farthest of them.
    expect(forwardedClient("127.0.0.1", "10.9.9.9, 10.1.2.3", proxies).client).toBe("10.9.9.9");
    // No header: the proxy itself.
    expect(forwardedClient("127.0.0.1", undefined, proxies).client).toBe("127.0.0.1");
  });

  it("stops at an entry that is not an address", () => {
    expect(forwardedClient("127.0.0.1", "1.1.1.1, garbage, 10.1.2.3", proxies).client).toBe(
      "10.1.2.3",
    );
    expect(forwardedClient("127.0.0.1", " , ", proxies).client).toBe("127.0.0.1");
  });

  it("plainAddress trims and unwraps IPv4-mapped IPv6", () => {
    expect(plainAddress(" ::ffff:192.0.2.1 ")).toBe("192.0.2.1");
    expect(plainAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
