// People's Markdown is rendered on the server into HTML that is safe to put in
// a page as it is: nothing that runs, nothing loaded from elsewhere, links
// that pass no reputation, and every script and joiner kept intact.
import { describe, expect, it } from "vitest";
import { renderUserMarkdown } from "./user-markdown";

describe("renderUserMarkdown", () => {
  it("renders emphasis, lists, headings and links, each link marked as user content", () => {
    expect(renderUserMarkdown("**bold** _it_ [site](https://example.org)")).toBe(
      '<p><strong>bold</strong> <em>it</em> <a href="https://example.org" rel="nofollow ugc noopener">site</a></p>',
    );
    expect(renderUserMarkdown("# Title\n\n- one\n- two")).toBe(
      "<h1>Title</h1>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
    );
  });

  it("drops raw HTML, scripts, event handlers, images and script links", () => {
    const html = renderUserMarkdown(
      [
        "<script>alert(1)</script>",
        'Text <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>',
        "![pic](https://example.org/p.png) [bad](javascript:alert(1)) <iframe src=//evil></iframe>",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|javascript:/i);
    expect(html).toContain('<a rel="nofollow ugc noopener">bad</a>');
  });

  it("keeps emoji sequences and Persian with its zero-width non-joiner intact", () => {
    const family = "👩‍👩‍👧‍👦";
    const persian = "می‌خواهم";
    expect(renderUserMarkdown(`${family} ${persian}`)).toBe(`<p>${family} ${persian}</p>`);
  });

  it("escapes text that looks like markup", () => {
    expect(renderUserMarkdown("1 < 2 & 3 > 2")).toBe("<p>1 &#x3C; 2 &#x26; 3 > 2</p>");
  });
});
