/**
 * Runs queued callbacks one per event-loop turn, in order: between two of them the loop polls
 * sockets and runs timers. For work that continues synchronously for milliseconds (a stored turn
 * commits to SQLite, a prompt is built) and arrives in batches, such as the coverage workers'
 * replies, which Node hands over all at once when several are waiting.
 */
export function createOnePerLoopTurn(): (callback: () => void) => void {
  const queue: Array<() => void> = []
  let scheduled = false
  const runOne = () => {
    try {
      queue.shift()?.()
    } finally {
      // Queued after whatever the callback queued, so that runs first.
      scheduled = queue.length > 0
      if (scheduled) setImmediate(runOne)
    }
  }
  return (callback) => {
    queue.push(callback)
    if (!scheduled) {
      scheduled = true
      setImmediate(runOne)
    }
  }
}
