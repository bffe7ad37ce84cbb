import { describe, expect, it } from "vitest";
import { shellFor, type ShellRequest } from "./shells";

const base: ShellRequest = {
  method: "GET",
  pathname: "/me",
  action: false,
  scripts: true,
  plain: false,
  role: "resident",
};

describe("shellFor", () => {
  it("sends a signed-in browser that runs scripts the shell", () => {
    expect(shellFor(base)).toBe("/shell/me");
    expect(shellFor({ ...base, method: "HEAD" })).toBe("/shell/me");
    expect(shellFor({ ...base, pathname: "/notifications" })).toBe("/shell/notifications");
    expect(shellFor({ ...base, pathname: "/moderation", role: "moderator" })).toBe(
      "/shell/moderation",
    );
    expect(shellFor({ ...base, pathname: "/moderation", role: "admin" })).toBe("/shell/moderation");
  });

  it("renders on the server without scripts, without a session, or when asked for plain", () => {
    expect(shellFor({ ...base, scripts: false })).toBeNull();
    expect(shellFor({ ...base, role: null })).toBeNull();
    expect(shellFor({ ...base, plain: true })).toBeNull();
  });

  it("renders on the server for a role the page does not allow (which answers 403)", () => {
    expect(shellFor({ ...base, pathname: "/moderation", role: "resident" })).toBeNull();
    expect(shellFor({ ...base, pathname: "/moderation", role: "superuser" })).toBeNull();
  });

  it("keeps server actions on the shell, and plain form posts on the server page", () => {
    expect(shellFor({ ...base, method: "POST", action: true })).toBe("/shell/me");
    expect(shellFor({ ...base, method: "POST", action: false })).toBeNull();
    expect(shellFor({ ...base, method: "PUT", action: true })).toBeNull();
  });

  it("has no shell for other pages", () => {
    expect(shellFor({ ...base, pathname: "/me/submissions" })).toBeNull();
    expect(shellFor({ ...base, pathname: "/account" })).toBeNull();
    expect(shellFor({ ...base, pathname: "/me/" })).toBeNull();
  });
});
