import "server-only";
import { AuthError } from "@/lib/auth/current-user";
import { describeAuthRefusal } from "@/lib/messages/refusals";

const headers = { "cache-control": "private, no-store" };

/**
 * A signed-in page's personal part as JSON (the cached shells ask for it,
 * lib/pages/shells.ts): `load` reads through the DAL, which checks the
 * session; a refusal becomes 401 (sign in) or 403 with its words.
 */
export async function personalJson(load: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await load(), { headers });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const signIn = error.code === "unauthenticated" || error.code === "session_expired";
    return Response.json(
      { error: error.code, message: describeAuthRefusal(error.code, error.detail) },
      { status: signIn ? 401 : 403, headers },
    );
  }
}
