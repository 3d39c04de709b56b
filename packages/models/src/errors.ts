/** A model configuration field is missing, of the wrong type or impossible. */
export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`models: config field '${field}' must be ${expected}, got ${describe(received)}`);
  }
}

/** A tensor in a checkpoint or state dict is missing or has the wrong shape. */
export class CheckpointShapeError extends Error {
  override readonly name = 'CheckpointShapeError';
  constructor(
    readonly tensor: string,
    readonly expected: readonly number[] | 'present',
    readonly received: readonly number[] | 'missing',
    readonly source: string,
  ) {
    super(
      expected === 'present'
        ? `models: tensor '${tensor}' is missing from ${source}`
        : `models: tensor '${tensor}' in ${source} has shape [${received === 'missing' ? 'missing' : received.join(', ')}], expected [${expected.join(', ')}]`,
    );
  }
}

/** A file is not valid safetensors, or holds a dtype this package does not read. */
export class SafetensorsFormatError extends Error {
  override readonly name = 'SafetensorsFormatError';
  constructor(
    readonly source: string,
    readonly detail: string,
  ) {
    super(`models: ${source} is not a readable safetensors file: ${detail}`);
  }
}

/** A training or generation argument is out of range (named, with what was expected and received). */
export class ModelArgumentError extends Error {
  override readonly name = 'ModelArgumentError';
  constructor(
    readonly argument: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`models: ${argument} must be ${expected}, got ${describe(received)}`);
  }
}

/** Training hit a NaN or infinite loss; the last good checkpoint (if any) is kept. */
export class NonFiniteLossError extends Error {
  override readonly name = 'NonFiniteLossError';
  constructor(
    readonly step: number,
    readonly loss: number,
    readonly lastCheckpointStep: number | undefined,
  ) {
    super(
      `models: loss became ${loss} at step ${step}; training stopped` +
        (lastCheckpointStep === undefined ? ' (no checkpoint was written)' : `; the last good checkpoint is from step ${lastCheckpointStep}`),
    );
  }
}

/** The backend asked for could not be loaded. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly backend: string,
    options?: { cause?: unknown },
  ) {
    super(`models: backend '${backend}' could not be initialised${options?.cause instanceof Error ? `: ${options.cause.message}` : ''}`, options);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map((v) => describe(v)).join(', ')}]`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null) return String(value);
  return JSON.stringify(value) ?? typeof value;
}
