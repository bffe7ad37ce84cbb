import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { badCallbackUrl, clientIp, safeCallbackPath } from "./request";

/** What a browser would do with the path: it must stay on our origin. */
function staysHome(path: string): boolean {
  const base = "https://citywatch.example";
  return path.startsWith("/") && !path.startsWith("//") && new URL(path, base).origin === base;
}

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/cities?x=1#a")).toBe("/cities?x=1#a");
    expect(safeCallbackPath("/me")).toBe("/me");
    expect(safeCallbackPath("/%2F%2Fevil")).toBe("/%2F%2Fevil");
  });

  it("falls back for other origins, schemes and non-strings", () => {
    for (const raw of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "",
      " /cities",
      undefined,
      null,
      42,
      ["/cities"],
      { toString: () => "/cities" },
    ]) {
      expect(safeCallbackPath(raw)).toBe("/");
      expect(safeCallbackPath(raw, "/home")).toBe("/home");
    }
  });

  // Dot segments are resolved by the URL parser: "/.//evil.example" becomes the
  // protocol-relative "//evil.example", which a browser (router.push) leaves the site for.
  it("never returns a protocol-relative path through dot segments", () => {
    for (const raw of [
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/./\\evil.example",
    ]) {
      const result = safeCallbackPath(raw);
      expect(result, raw).not.toMatch(/^\/\//);
      expect(staysHome(result), raw).toBe(true);
    }
  });

  it("always returns a path on this origin, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (raw) => {
        const result = safeCallbackPath(raw);
        expect(staysHome(result)).toBe(true);
        expect(staysHome(safeCallbackPath(`/${raw}`))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("always returns a path on this origin, for strings built from URL syntax", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      ".",
      "..",
      "%2e",
      "%2E",
      "%2f",
      "%5c",
      "\t",
      "\n",
      " ",
      ":",
      "@",
      "?",
      "#",
      "evil.example",
      "http:",
      "javascript:",
      "a",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const raw = pieces.join("");
        expect(staysHome(safeCallbackPath(raw)), raw).toBe(true);
        expect(staysHome(safeCallbackPath(`/${raw}`)), `/${raw}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("clientIp", () => {
  const headers = (value: string | null) => ({
    get: (name: string) => (name.toLowerCase() === "x-forwarded-for" ? value : null),
  });

  it("takes the first X-Forwarded-For entry, trimmed", () => {
    expect(clientIp(headers("203.0.113.7, 10.0.0.1, 10.0.0.2"))).toBe("203.0.113.7");
    expect(clientIp(headers("  2001:db8::1 ,10.0.0.1"))).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "X-Forwarded-For": "198.51.100.4, 10.0.0.1" }))).toBe(
      "198.51.100.4",
    );
  });

  it("says unknown when there is no usable entry", () => {
    expect(clientIp(headers(null))).toBe("unknown");
    expect(clientIp(headers(""))).toBe("unknown");
    expect(clientIp(headers(" , 10.0.0.1"))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

describe("badCallbackUrl", () => {
  const request = (query: string, cookies: Record<string, string> = {}) => ({
    nextUrl: new URL(`http://127.0.0.1/api/auth/csrf${query}`),
    cookies: { get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) },
  });

  it("passes paths, http(s) URLs and no callbackUrl at all, as next-auth does", () => {
    for (const query of [
      "",
      "?callbackUrl=",
      "?callbackUrl=/cities",
      "?callbackUrl=https://x.example/",
    ]) {
      expect(badCallbackUrl(request(query)), query).toBeNull();
    }
    expect(badCallbackUrl(request("", { "next-auth.callback-url": "/me" }))).toBeNull();
  });

  it("names what next-auth would refuse with a 500: in the query or in its cookie", () => {
    for (const query of [
      "?callbackUrl=foo",
      "?callbackUrl=javascript:alert(1)",
      "?callbackUrl=/ok&callbackUrl=x",
    ]) {
      expect(badCallbackUrl(request(query)), query).toEqual({ in: "query" });
    }
    const secure = "__Secure-next-auth.callback-url";
    expect(badCallbackUrl(request("", { [secure]: "ftp://x" }))).toEqual({
      in: "cookie",
      cookie: secure,
    });
  });
});
