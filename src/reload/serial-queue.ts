/**
 * Runs tasks one at a time, in the order given: each reload sees the files as they are when it
 * starts, and a failed task never stops the ones after it.
 */
export function serialQueue(onFailure: (error: unknown) => void) {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = tail.then(task)
      tail = next.catch(onFailure)
      return next
    },
  }
}
