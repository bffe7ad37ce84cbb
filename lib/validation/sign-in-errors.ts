/** Error codes the server's sign-in passes to the form (shared by both sides). */
export const SIGN_IN_ERROR_CODES = { banned: "banned", rateLimited: "rate_limited:" } as const;
