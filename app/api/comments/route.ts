import type { NextRequest } from "next/server";
import { listComments } from "@/lib/dal/comments/comments";
import { commentSubjectSchema } from "@/lib/validation/comment";

const headers = { "cache-control": "private, no-store" };

/**
 * A page's comments for whoever asks: `?on=city:boston-ma[&after=<cursor>]`
 * → threads newest first with their first replies, the next cursor and the
 * count. The pages are cached for everyone, so their comment sections ask here.
 */
export async function GET(request: NextRequest) {
  const on = commentSubjectSchema.safeParse(request.nextUrl.searchParams.get("on") ?? "");
  if (!on.success)
    return Response.json({ error: "There is no such page." }, { status: 404, headers });
  const after = request.nextUrl.searchParams.get("after") ?? undefined;
  const page = await listComments(on.data, after);
  if (!page) return Response.json({ error: "There is no such page." }, { status: 404, headers });
  return Response.json(page, { headers });
}
