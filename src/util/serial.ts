/**
 * Runs async operations one at a time, in call order: each starts once the previous one settled
 * (whether it succeeded or not). Returns the function that queues an operation.
 */
export function serial(): <T>(operation: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(operation: () => Promise<T>) => {
    const result = tail.then(operation);
    tail = result.catch(() => undefined);
    return result;
  };
}
