import type { NextRequest } from "next/server";
import { listMoreReplies } from "@/lib/dal/comments/comments";
import { idSchema } from "@/lib/validation/moderation";

/** More replies of one thread: `?root=<id>&after=<last reply id shown>`. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const root = idSchema.safeParse(params.get("root"));
  const after = idSchema.safeParse(params.get("after"));
  if (!root.success || !after.success) {
    return Response.json({ error: "Bad request." }, { status: 400 });
  }
  return Response.json(await listMoreReplies(root.data, after.data), {
    headers: { "cache-control": "private, no-store" },
  });
}
