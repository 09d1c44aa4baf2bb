const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` when `signal` aborts; returns the unsubscribe function. A run shares one signal among thousands
 * of requests, so this registers ONE listener per signal and fans out from a Set: O(1) per subscription, and no
 * "MaxListenersExceededWarning" once more than ten requests wait on the same signal.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = subscribers.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    callbacks = created;
    subscribers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        subscribers.delete(signal);
        for (const each of created) each();
        created.clear();
      },
      { once: true },
    );
  }
  const registered = callbacks;
  registered.add(callback);
  return () => {
    registered.delete(callback);
  };
}
