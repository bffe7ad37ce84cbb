import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock } from "./pglite-lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "citywatch-lock-"));

describe("acquireDirLock", () => {
  it("refuses a folder locked by another live process", () => {
    const dir = path.join(tmp(), "pglite");
    fs.mkdirSync(dir);
    // pid 1 is always alive
    fs.writeFileSync(path.join(dir, "..", "pglite.lock"), "1");
    expect(() => acquireDirLock(dir)).toThrow(/open in another process \(pid 1\)/);
  });

  it("takes over a lock left by a dead process, and releases it", () => {
    const dir = path.join(tmp(), "pglite");
    const lockPath = path.join(dir, "..", "pglite.lock");
    fs.mkdirSync(dir);
    fs.writeFileSync(lockPath, "999999999");
    const release = acquireDirLock(dir);
    expect(fs.readFileSync(lockPath, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
