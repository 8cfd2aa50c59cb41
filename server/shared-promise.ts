/**
 * The promise `map` holds for `key`, started by `start` the first time it is wanted: concurrent
 * callers share one attempt. A failed one is forgotten, so the next call tries again.
 */
export function sharedPromise<K, V>(map: Map<K, Promise<V>>, key: K, start: () => Promise<V>): Promise<V> {
  let promise = map.get(key);
  if (!promise) {
    const started = start();
    promise = started;
    map.set(key, started);
    started.catch(() => {
      if (map.get(key) === started) map.delete(key);
    });
  }
  return promise;
}
