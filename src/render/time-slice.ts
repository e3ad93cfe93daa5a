/**
 * A build runs on the thread that answers requests: it gives waiting requests their turn
 * whenever it has held the thread for `sliceMs`, so a reload delays no request by much more.
 */
export type TimeSlice = () => Promise<void>

export function timeSlicer(sliceMs = 10): TimeSlice {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < sliceMs) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}
