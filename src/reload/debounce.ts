/** Calls `action` once, `ms` after the last of a burst of calls (an editor's save is several events). */
export function debounce(ms: number, action: (reason: string) => void) {
  let timer: NodeJS.Timeout | undefined
  return {
    call(reason: string) {
      clearTimeout(timer)
      timer = setTimeout(() => action(reason), ms)
    },
    cancel() {
      clearTimeout(timer)
    },
  }
}
