import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asRead, parseAtom, readable, text } from "@/test/follows";
import { HOSTILE, hostileString } from "@/test/hostile";
import { renderAtom, type AtomEntry, type AtomFeed } from "./atom";

const entry = (n: number, over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: `https://citywatch.example/updates/${n}`,
  title: `Update ${n}`,
  link: `https://citywatch.example/updates/${n}`,
  updated: `2024-0${n}-01T00:00:00.000Z`,
  published: `2024-0${n}-01T00:00:00.000Z`,
  author: `Author ${n}`,
  summary: `Summary ${n}`,
  ...over,
});

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: "https://citywatch.example/cities/boston-ma",
  title: "CityWatch: policy updates in Boston, Massachusetts",
  selfLink: "https://citywatch.example/cities/boston-ma/feed.xml",
  alternateLink: "https://citywatch.example/cities/boston-ma",
  updated: "2024-03-01T00:00:00.000Z",
  entries: [entry(3), entry(2), entry(1, { published: undefined })],
  ...over,
});

describe("renderAtom", () => {
  it("is an Atom feed with id, title, updated and self and alternate links", () => {
    const xml = renderAtom(feed());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const f = parseAtom(xml);
    expect(f["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(f.id)).toBe("https://citywatch.example/cities/boston-ma");
    expect(text(f.title)).toBe("CityWatch: policy updates in Boston, Massachusetts");
    expect(text(f.updated)).toBe("2024-03-01T00:00:00.000Z");
    expect(f.link).toEqual([
      {
        "@_rel": "self",
        "@_type": "application/atom+xml",
        "@_href": "https://citywatch.example/cities/boston-ma/feed.xml",
      },
      {
        "@_rel": "alternate",
        "@_type": "text/html",
        "@_href": "https://citywatch.example/cities/boston-ma",
      },
    ]);
  });

  it("has every entry, in order, each with id, title, link, updated, author and summary", () => {
    const f = parseAtom(renderAtom(feed()));
    expect(f.entry).toHaveLength(3);
    for (const [k, n] of [3, 2, 1].entries()) {
      const e = f.entry![k]!;
      expect(text(e.id)).toBe(`https://citywatch.example/updates/${n}`);
      expect(text(e.title)).toBe(`Update ${n}`);
      expect(e.link).toEqual([
        { "@_rel": "alternate", "@_href": `https://citywatch.example/updates/${n}` },
      ]);
      expect(text(e.updated)).toBe(`2024-0${n}-01T00:00:00.000Z`);
      expect(text(e.author.name)).toBe(`Author ${n}`);
      expect(text(e.summary)).toBe(`Summary ${n}`);
    }
    expect(text(f.entry![0]!.published)).toBe("2024-03-01T00:00:00.000Z");
    // published is optional: left out, not empty
    expect(f.entry![2]).not.toHaveProperty("published");
  });

  it("with no entries is still a well-formed feed", () => {
    const f = parseAtom(renderAtom(feed({ entries: [] })));
    expect(f.entry).toBeUndefined();
    expect(text(f.id)).toBe("https://citywatch.example/cities/boston-ma");
  });

  const nasty = [
    "</title><script>alert(1)</script>",
    "</summary></entry><entry><title>forged</title>",
    "Tom & Jerry &amp; &lt;not a tag&gt; &#60; &unknown;",
    "]]><![CDATA[x",
    "<!-- comment --><?pi?><!DOCTYPE x [<!ENTITY e 'boom'>]>&e;",
    `"quoted" and 'single'`,
    "control \u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF chars",
    "tab\tnew\nline\rcarriage\r\nend",
    "\u202eevil \u200b zero width \u0085 next line \u007f delete",
    "  padded  ",
  ];

  it.each([...nasty, ...HOSTILE].map((s) => [JSON.stringify(s).slice(0, 50), s]))(
    "escapes %s in every text and still parses to the same text",
    (_, s) => {
      const xml = renderAtom(
        feed({
          title: s,
          id: s,
          entries: [entry(1, { title: s, summary: s, author: s, id: s, link: s, updated: s })],
        }),
      );
      expect(xml).not.toContain("<script>");
      expect(xml).not.toMatch(/<entry>[\s\S]*<entry>/);
      const f = parseAtom(xml);
      const e = f.entry![0]!;
      expect(f.entry).toHaveLength(1);
      for (const node of [f.title, f.id, e.title, e.summary, e.author.name, e.id, e.updated]) {
        expect(asRead(text(node))).toBe(readable(s));
      }
    },
  );

  it("any text at all stays well-formed and reads back as given (property)", () => {
    const anyText = fc.oneof(
      hostileString,
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.string({
        unit: fc.constantFrom(..."<>&\"';]!-?/=\u0000\u0001\u000b\u001f\ufffe\uffff\r\n\t a"),
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(anyText, anyText, anyText, (title, summary, author) => {
        const f = parseAtom(
          renderAtom(feed({ title, entries: [entry(1, { title, summary, author })] })),
        );
        const e = f.entry![0]!;
        expect(asRead(text(f.title))).toBe(readable(title));
        expect(asRead(text(e.title))).toBe(readable(title));
        expect(asRead(text(e.summary))).toBe(readable(summary));
        expect(asRead(text(e.author.name))).toBe(readable(author));
      }),
      { numRuns: 500 },
    );
  });
});
