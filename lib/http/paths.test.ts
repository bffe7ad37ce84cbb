import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { badPathReason } from "./paths";

describe("badPathReason", () => {
  it("passes the paths the site has, escaped or not", () => {
    for (const path of ["/", "/cities/boston-ma", "/cities/caf%C3%A9", "/a%20b", "/%25ff"]) {
      expect(badPathReason(path), path).toBeNull();
    }
  });

  it("names bad escapes and control characters", () => {
    expect(badPathReason("/cities/%ff%fe")).toBe("malformed percent-escape in the path");
    expect(badPathReason("/updates/%ff")).toBe("malformed percent-escape in the path");
    expect(badPathReason("/cities/%E0%A4")).toBe("malformed percent-escape in the path");
    expect(badPathReason("/cities/%")).toBe("malformed percent-escape in the path");
    expect(badPathReason("/cities/%00")).toBe("control character in the path");
    expect(badPathReason("/cities/a%0Ab/history")).toBe("control character in the path");
  });

  it("refuses an escaped segment exactly when it holds a control character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const path = `/cities/${encodeURIComponent(text)}/history`;
        expect(badPathReason(path) !== null).toBe(/\p{Cc}/u.test(text));
      }),
      { numRuns: 300 },
    );
  });
});
