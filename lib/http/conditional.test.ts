import { describe, expect, it } from "vitest";
import { conditionalJson, etagMatches, notModified, weakEtag } from "./conditional";

const URL_ = "https://citywatch.test/api/cities";
const get = (headers: Record<string, string> = {}, method = "GET") =>
  new Request(URL_, { method, headers });
const MODIFIED = Date.UTC(2026, 11, 7, 18, 30, 15, 250);
const HTTP_DATE = "Mon, 07 Dec 2026 18:30:15 GMT";

describe("weakEtag", () => {
  it("is weak, quoted, and the same for the same body only", () => {
    expect(weakEtag("{}")).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(weakEtag('{"a":1}')).toBe(weakEtag('{"a":1}'));
    expect(weakEtag('{"a":1}')).not.toBe(weakEtag('{"a":2}'));
  });
});

describe("etagMatches", () => {
  const tag = 'W/"abc"';
  it.each([
    ['W/"abc"', true],
    ['"abc"', true], // weak comparison ignores W/
    ['"x", W/"abc"', true],
    ['"x",W/"abc" , "y"', true],
    ["*", true],
    ['"abcd"', false],
    ['W/"ab"', false],
    ["", false],
    ["abc", false],
  ])("If-None-Match: %s → %s", (header, expected) => {
    expect(etagMatches(header, tag)).toBe(expected);
  });
});

describe("notModified", () => {
  const v = { etag: 'W/"abc"', lastModified: MODIFIED };
  const h = (o: Record<string, string>) => new Headers(o);
  it("holds when If-Modified-Since is at or after the last change, to the second", () => {
    expect(notModified(h({ "if-modified-since": HTTP_DATE }), v)).toBe(true);
    expect(notModified(h({ "if-modified-since": "Mon, 07 Dec 2026 19:00:00 GMT" }), v)).toBe(true);
    expect(notModified(h({ "if-modified-since": "Mon, 07 Dec 2026 18:30:14 GMT" }), v)).toBe(false);
  });
  it("ignores a date that does not parse, and asks nothing without headers", () => {
    expect(notModified(h({ "if-modified-since": "yesterday-ish" }), v)).toBe(false);
    expect(notModified(h({}), v)).toBe(false);
    expect(notModified(h({ "if-modified-since": HTTP_DATE }), { etag: v.etag })).toBe(false);
  });
  it("lets If-None-Match decide when both are sent", () => {
    const both = (inm: string) => h({ "if-none-match": inm, "if-modified-since": HTTP_DATE });
    expect(notModified(both('"other"'), v)).toBe(false);
    expect(notModified(both('W/"abc"'), v)).toBe(true);
  });
});

describe("conditionalJson", () => {
  const data = { cities: [{ slug: "boston-ma" }] };
  const headers = { "cache-control": "no-cache" };

  it("answers 200 with the JSON, its ETag, Last-Modified and the route's headers", async () => {
    const response = conditionalJson(get(), data, { lastModified: MODIFIED, headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(data);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("etag")).toBe(weakEtag(JSON.stringify(data)));
    expect(response.headers.get("last-modified")).toBe(HTTP_DATE);
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers an empty 304 with the same validators when the ETag matches", async () => {
    const etag = conditionalJson(get(), data).headers.get("etag")!;
    for (const inm of [etag, etag.slice(2), `"nope", ${etag}`, "*"]) {
      const response = conditionalJson(get({ "if-none-match": inm }), data, {
        lastModified: MODIFIED,
        headers,
      });
      expect(response.status, inm).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("last-modified")).toBe(HTTP_DATE);
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("answers 200 when the body changed since the client's copy", () => {
    const etag = conditionalJson(get(), data).headers.get("etag")!;
    const changed = { cities: [] };
    expect(conditionalJson(get({ "if-none-match": etag }), changed).status).toBe(200);
  });

  it("answers 304 on If-Modified-Since alone, and HEAD too, but never for a POST", () => {
    const ims = { "if-modified-since": HTTP_DATE };
    expect(conditionalJson(get(ims), data, { lastModified: MODIFIED }).status).toBe(304);
    expect(conditionalJson(get(ims, "HEAD"), data, { lastModified: MODIFIED }).status).toBe(304);
    expect(conditionalJson(get(ims, "POST"), data, { lastModified: MODIFIED }).status).toBe(200);
  });
});
