/** A background event source (stream, queue, timer) that stops cleanly with the cloud. */
export interface Poller {
  /** Stops polling and waits for the invocation in flight, if any. */
  stop(): Promise<void>;
}
