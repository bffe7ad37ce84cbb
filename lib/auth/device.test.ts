import { describe, expect, it } from "vitest";
import { describeDevice, networkOf } from "./device";

describe("describeDevice", () => {
  it("names the browser and the system of common User-Agents", () => {
    const cases: [string, string][] = [
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Firefox on Windows",
      ],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Safari on iPhone",
      ],
      [
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
        "Chrome on Android",
      ],
      [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
        "Edge on macOS",
      ],
      [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
        "Chrome on Linux",
      ],
      ["curl/8.5.0", "Unknown browser"],
      ["", "Unknown browser"],
    ];
    for (const [ua, expected] of cases) expect(describeDevice(ua), ua).toBe(expected);
  });
});

describe("networkOf", () => {
  it("keeps an IPv4 /24 and an IPv6 /48, never the whole address", () => {
    expect(networkOf("203.0.113.77")).toBe("203.0.113.x");
    expect(networkOf("::ffff:198.51.100.4")).toBe("198.51.100.x");
    expect(networkOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1::/48");
    expect(networkOf("2001:0db8::1")).toBe("2001:db8:0::/48");
    expect(networkOf("::1")).toBe("0:0:0::/48");
  });

  it("answers nothing for what is not an address", () => {
    for (const bad of [null, "", "unknown", "test-ip-abc", "2001:zz::1"]) {
      expect(networkOf(bad), String(bad)).toBe("");
    }
  });
});
