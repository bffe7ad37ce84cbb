import { afterEach, describe, expect, it } from "vitest";
import { accountChangedSince } from "./account-changes";
import { EXPIRATIONS_KEY } from "./shared-keys.mjs";

type Holder = { [EXPIRATIONS_KEY]?: unknown };
const holder = globalThis as Holder;
const saved = holder[EXPIRATIONS_KEY];
afterEach(() => {
  holder[EXPIRATIONS_KEY] = saved;
});

const expirations = (listening: boolean, expired: Record<string, number>) => ({
  listening,
  expiredAt: (tag: string) => expired[tag],
});

describe("accountChangedSince", () => {
  it("is false when nothing changed the account, or it changed before the cookie was issued", () => {
    holder[EXPIRATIONS_KEY] = expirations(true, { "account:8": 1_000 });
    expect(accountChangedSince(7, 5_000)).toBe(false);
    expect(accountChangedSince(8, 5_000)).toBe(false);
  });

  it("is true when the account changed at or after the cookie was issued", () => {
    holder[EXPIRATIONS_KEY] = expirations(true, { "account:7": 5_000 });
    expect(accountChangedSince(7, 5_000)).toBe(true);
    expect(accountChangedSince(7, 4_000)).toBe(true);
  });

  it("is true when this process cannot tell: no expirations yet, or not listening", () => {
    holder[EXPIRATIONS_KEY] = undefined;
    expect(accountChangedSince(7, 5_000)).toBe(true);
    holder[EXPIRATIONS_KEY] = expirations(false, {});
    expect(accountChangedSince(7, 5_000)).toBe(true);
  });
});
