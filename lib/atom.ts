/** Atom 1.0 (RFC 4287), built by hand: a few elements, every text escaped. */

export type AtomEntry = {
  id: string;
  title: string;
  link: string;
  updated: string;
  published?: string;
  author: string;
  summary: string;
};

export type AtomFeed = {
  id: string;
  title: string;
  selfLink: string;
  alternateLink: string;
  updated: string;
  entries: AtomEntry[];
};

const escapeXml = (s: string) =>
  s
    // characters XML 1.0 does not allow at all
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

export function renderAtom(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries
    .map(
      (x) => `  <entry>
    <id>${e(x.id)}</id>
    <title type="text">${e(x.title)}</title>
    <link rel="alternate" href="${e(x.link)}"/>
    <updated>${e(x.updated)}</updated>${x.published ? `\n    <published>${e(x.published)}</published>` : ""}
    <author><name>${e(x.author)}</name></author>
    <summary type="text">${e(x.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${e(feed.id)}</id>
  <title type="text">${e(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateLink)}"/>
  <updated>${e(feed.updated)}</updated>
  <generator>CityWatch</generator>
${entries}
</feed>
`;
}
