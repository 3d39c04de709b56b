/** Base class of every error this package throws; `code` is stable, the message is for people. */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly code: 'not-found' | 'unknown-layout' | 'download-failed' | 'checksum-mismatch' | 'size-mismatch' | 'hub-metadata' | 'aborted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
