/** Locks a PGlite folder for this process (see pglite-lock.mjs); returns the release. */
export function acquireDirLock(dir: string): () => void;
