/**
 * Words for the sessions list on /account: which browser on which system, and
 * roughly where (the network, never the whole address).
 */

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** "Firefox on Windows", "Safari on iPhone", or "Unknown browser". */
export function describeDevice(userAgent: string): string {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown browser");
}

/**
 * The network an address belongs to, as shown to its owner: an IPv4 /24
 * ("203.0.113.x") or an IPv6 /48 ("2001:db8:1::/48"); "" when unknown.
 */
export function networkOf(ip: string | null): string {
  if (!ip) return "";
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip.trim());
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (!ip.includes(":")) return "";
  const [head = "", tail] = ip.trim().toLowerCase().split("::");
  const groups = head.split(":").filter(Boolean);
  // "2001:db8::1": the groups after "::" sit at the end; fill the gap with zeros.
  const filled =
    tail === undefined ? groups : [...groups, ...Array(Math.max(0, 8 - groups.length)).fill("0")];
  const prefix = filled.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, ""));
  if (prefix.length < 3 || prefix.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return "";
  return `${prefix.join(":")}::/48`;
}
