import fs from "node:fs";
import path from "node:path";

// Shared by the app (db/open.ts) and the command-line scripts that open the
// folder (db:backup, db:restore, db:generate-load and the benchmarks).

/**
 * PGlite is a single-process database: two processes writing one folder
 * corrupt it. A lock file holding our pid refuses a second opener while the
 * first is alive, and is taken over when its owner has died. Returns the release.
 */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner === process.pid) return () => fs.rmSync(lockPath, { force: true });
      if (isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is open in another process (pid ${owner}). ` +
            "Stop it, or set PGLITE_DIR to another folder.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
