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

/**
 * One read per run and key. The gate starts some reads before the manifests are read (the cluster, the registries
 * ARM lists); the collectors that need them later share that answer instead of asking ARM again.
 */
export function oncePerRun<C extends object, T>(read: (ctx: C, key: string) => Promise<T>) {
  const runs = new WeakMap<C, Map<string, Promise<T>>>();
  return (ctx: C, key: string): Promise<T> => {
    let byKey = runs.get(ctx);
    if (!byKey) runs.set(ctx, (byKey = new Map()));
    let answer = byKey.get(key);
    if (!answer) byKey.set(key, (answer = read(ctx, key)));
    return answer;
  };
}
