import { vi } from "vitest";

// `after()` needs a request scope, which unit tests calling the DAL directly do
// not have; here it drops the task (lib/cache/tags.test.ts runs it itself).
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: vi.fn(),
}));
