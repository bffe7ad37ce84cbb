import "server-only";
import { renderUserMarkdown } from "@/lib/markdown/user-markdown";
import { UserHtml } from "./user-html";

/**
 * Renders Markdown that people wrote, on the server: no raw HTML, sanitised,
 * no images, and links marked as user content so they pass no reputation and
 * no opener.
 */
export function UserMarkdown({ children }: { children: string }) {
  return <UserHtml html={renderUserMarkdown(children)} />;
}
