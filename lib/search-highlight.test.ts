import { describe, expect, it } from "vitest";
import { MARK_START as S, MARK_STOP as E, splitHighlights } from "./search-highlight";

describe("splitHighlights", () => {
  it("marks only what lies between the sentinels", () => {
    expect(splitHighlights(`Mayor ${S}Ed${E} Lee of ${S}San${E} Francisco`)).toEqual([
      { text: "Mayor ", marked: false },
      { text: "Ed", marked: true },
      { text: " Lee of ", marked: false },
      { text: "San", marked: true },
      { text: " Francisco", marked: false },
    ]);
  });

  it("keeps markup as text and drops stray sentinels", () => {
    expect(splitHighlights(`<b>${E}x${S}<i>`)).toEqual([
      { text: "<b>", marked: false },
      { text: "x", marked: false },
      { text: "<i>", marked: true },
    ]);
    expect(splitHighlights("")).toEqual([]);
  });
});
