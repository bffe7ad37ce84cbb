// A nudge from the code that queues an account email (the DAL) to the mail
// worker in the same process (lib/mail/worker.ts), so a verification or reset
// email goes out within a second, not at the worker's next tick. Neither
// imports the other: both import this. Another instance's worker still finds
// the email at its next tick.

type Signal = { listeners: Set<() => void> };
const signal = ((globalThis as { __citywatchOutboxSignal?: Signal }).__citywatchOutboxSignal ??= {
  listeners: new Set(),
});

/** An email was queued that should go out now. */
export function emailQueued(): void {
  for (const listener of signal.listeners) listener();
}

/** Calls `listener` whenever an email is queued that should go out now; returns a stop. */
export function onEmailQueued(listener: () => void): () => void {
  signal.listeners.add(listener);
  return () => signal.listeners.delete(listener);
}
