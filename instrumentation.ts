/**
 * Runs once when the server starts: opens the database, applies migrations
 * and seeds it, so the first visitor does not wait for it; starts the mailer.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (!("__citywatchServerEdge" in globalThis) && process.env.NODE_ENV === "production") {
    console.warn(
      "[citywatch] started without lib/http/server-edge.mjs (start with `npm start`): X-Forwarded-For and X-Forwarded-Host are taken from any client",
    );
  }
  const { getDatabaseKind } = await import("./db/client");
  try {
    const kind = await getDatabaseKind();
    console.log(`[citywatch] database ready (${kind})`);
    const { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsEnabled } =
      await import("./db/seed/demo-accounts");
    if (demoAccountsEnabled(process.env)) {
      console.log(
        `[citywatch] demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`,
      );
    }
  } catch (error) {
    console.error("[citywatch] database could not be opened at start:", error);
  }
  // The cache's tag expirations, listening before the first request: the proxy trusts a
  // cookie's role only while they are (lib/cache/account-changes.ts).
  const { tagExpirations } = await import("./lib/cache/tag-expirations.mjs");
  tagExpirations();
  // The password rule's dictionaries (about half a second to load), before the first sign-up.
  void import("./lib/validation/password-strength")
    .then((m) => m.loadPasswordEstimator())
    .catch((error) => console.error("[citywatch] password estimator did not load:", error));
  // The mailer composes and sends; the DAL's outbox stores, claims and settles.
  const { startMailWorker } = await import("./lib/mail/worker");
  startMailWorker(await import("./lib/dal/news/internal/outbox"));
}
