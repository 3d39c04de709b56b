/**
 * Resolves after pending timers, I/O and UI events had their turn: setImmediate in Node; in
 * browsers a MessageChannel message (nested zero-delay timers are clamped to 4 ms there). Long
 * loops await it between units of work so signal handlers (Ctrl-C) and timers can run.
 *
 * @example for (const batch of batches) { await yieldToEventLoop(); work(batch); }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else if (typeof MessageChannel === 'function') {
      const channel = new MessageChannel();
      // the DOM's MessagePort (Node's typings lack `onmessage`, but Node takes the setImmediate branch)
      (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}
