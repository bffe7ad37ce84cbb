import { useCallback, useEffect, useState } from "react";
import type { CommentPage } from "@/lib/dal/comments/comments";
import type { LoadedComments } from "./comment-threads";

/**
 * A page's comments, asked for by whoever is looking (the page itself is
 * cached for everyone), and older threads on demand. `update` applies one of
 * the changes in comment-threads.ts.
 */
export function useComments(subject: string) {
  const [data, setData] = useState<LoadedComments | null>(null);
  const [error, setError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (after?: string) => {
      const query = new URLSearchParams({ on: subject, ...(after ? { after } : {}) });
      const response = await fetch(`/api/comments?${query}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as CommentPage;
    },
    [subject],
  );

  useEffect(() => {
    let live = true;
    load()
      .then((page) => live && setData(page))
      .catch(
        () => live && setError("The comments could not be loaded. Reload the page to try again."),
      );
    return () => {
      live = false;
    };
  }, [load]);

  // A permalink (#comment-12) scrolls to its comment once the comments are in.
  useEffect(() => {
    if (!data || !window.location.hash.startsWith("#comment-")) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [data]);

  const showMore = async () => {
    if (!data?.next) return;
    setLoadingMore(true);
    try {
      const page = await load(data.next);
      setData({ ...page, threads: [...data.threads, ...page.threads] });
    } catch {
      setError("More comments could not be loaded. Please try again.");
    } finally {
      setLoadingMore(false);
    }
  };

  const update = (change: (d: LoadedComments) => LoadedComments) => setData((d) => d && change(d));

  return { data, error, loadingMore, showMore, update };
}
