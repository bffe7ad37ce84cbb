import { AsyncLocalStorage } from "node:async_hooks";
import net from "node:net";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseUnavailable, noteIfDatabaseUnavailable } from "./database-unavailable";

/** An error as pg or Node make them: a message and a code. */
const coded = (code: string, message = `failed (${code})`) =>
  Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("counts the socket errors of a database that is down, restarting or unreachable", () => {
    for (const code of [
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "ETIMEDOUT",
      "EHOSTUNREACH",
      "ENOTFOUND",
    ]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
    }
  });

  it("counts Postgres's shutdown, start-up, connection and timeout codes", () => {
    for (const code of ["57P01", "57P02", "57P03", "08000", "08003", "08006", "08P01", "53300"]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
    }
    expect(
      isDatabaseUnavailable(coded("57014", "canceling statement due to statement timeout")),
    ).toBe(true);
  });

  it("counts node-postgres's lost, refused and timed-out connections", () => {
    for (const message of [
      "Connection terminated unexpectedly",
      "Connection terminated due to connection timeout",
      "Connection terminated",
      "timeout exceeded when trying to connect",
      "Query read timeout",
      "Client has encountered a connection error and is not queryable",
      "Client was closed and is not queryable",
    ]) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
  });

  it("looks through the errors drizzle and pg wrap around the cause", () => {
    // drizzle's DrizzleQueryError: "Failed query: …" with the driver's error as its cause.
    const wrapped = new Error("Failed query: select 1", {
      cause: new Error("Connection terminated unexpectedly"),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    // A host with several addresses (::1 and 127.0.0.1): one AggregateError of the attempts.
    const attempts = new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")], "");
    expect(isDatabaseUnavailable(attempts)).toBe(true);
  });

  it("does not count bugs, refused statements or anything that is not an error", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is not a function"))).toBe(false);
    // unique_violation, syntax_error, serialization_failure, lock_not_available, undefined_table
    for (const code of ["23505", "42601", "40001", "55P03", "42P01"]) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(coded("ENOENT"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("wrapper", { cause: coded("23505") }))).toBe(false);
    for (const value of [undefined, null, "ECONNREFUSED", 57, {}]) {
      expect(isDatabaseUnavailable(value)).toBe(false);
    }
  });

  it("stops on a cause that points back at itself", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("counts what pg really throws when nothing listens, or the server hangs up", async () => {
    // Nothing listening: a port that was just free.
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const freePort = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await new Client({ host: "127.0.0.1", port: freePort })
      .connect()
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);

    // A server that accepts and hangs up, as a restarting Postgres does.
    const hangUp = net.createServer((socket) => socket.destroy());
    await new Promise<void>((r) => hangUp.listen(0, "127.0.0.1", r));
    const port = (hangUp.address() as net.AddressInfo).port;
    const cut = await new Client({ host: "127.0.0.1", port, connectionTimeoutMillis: 2_000 })
      .connect()
      .catch((e: unknown) => e);
    await new Promise((r) => hangUp.close(r));
    expect(isDatabaseUnavailable(cut)).toBe(true);
  });
});

describe("noteIfDatabaseUnavailable", () => {
  const notes = new AsyncLocalStorage<{ databaseUnavailable?: boolean }>();
  const global = globalThis as { __citywatchRequestNotes?: unknown };
  afterEach(() => {
    delete global.__citywatchRequestNotes;
  });

  it("marks the current request's note, and only for an unavailable database", async () => {
    global.__citywatchRequestNotes = notes;
    const down = {};
    const bug = {};
    await Promise.all([
      notes.run(down, async () => {
        await Promise.resolve();
        noteIfDatabaseUnavailable(coded("ECONNREFUSED"));
      }),
      notes.run(bug, async () => noteIfDatabaseUnavailable(new Error("a bug"))),
    ]);
    expect(down).toEqual({ databaseUnavailable: true });
    expect(bug).toEqual({});
  });

  it("does nothing outside a request or without the server's edge", () => {
    global.__citywatchRequestNotes = notes;
    expect(() => noteIfDatabaseUnavailable(coded("ECONNREFUSED"))).not.toThrow();
    delete global.__citywatchRequestNotes;
    expect(() => noteIfDatabaseUnavailable(coded("ECONNREFUSED"))).not.toThrow();
  });
});
