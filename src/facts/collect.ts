// The run's deadline over the fact phases: a phase that has not answered when the overall timeout passes (or the run
// is stopped) ends as "timed out", and what it had not learned is unverifiable, not a hang.

/** Ends a phase at the overall deadline: what it had not learned by then is unverifiable, not a hang. */
export async function guard<T>(work: Promise<T>, signal: AbortSignal, graceMs = 0): Promise<T | { timedOut: true }> {
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ timedOut: true }>((resolve) => {
    const fire = () => resolve({ timedOut: true });
    onAbort = () => {
      if (graceMs > 0) timer = setTimeout(fire, graceMs);
      else fire();
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    if (timer) clearTimeout(timer);
  }
}
