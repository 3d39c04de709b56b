/**
 * TinyStories (Eldan & Li 2023, arXiv:2305.07759), CDLA-Sharing-1.0, as published on the
 * Hugging Face hub. The paper's TinyStories experiment trains on version 1 (`train`).
 */
export const TINYSTORIES_REPO = 'roneneldan/TinyStories';

/** A revision of the dataset repository that is known to hold every file below. */
export const TINYSTORIES_REVISION = 'f54c09fd23315a6f9c86f9dc80f725de7d8f9c64';

export const HUB_ENDPOINT = 'https://huggingface.co';

/**
 * The text files cotlab knows, by short name. Sizes and checksums are read from the hub at download
 * time. The parquet shards (under `data/`) are found by listing the repository: see `listHubFiles`.
 */
export const TINYSTORIES_FILES = {
  /** Version 1 training text (GPT-3.5 + GPT-4 stories), ≈ 1.92 GB. */
  train: 'TinyStories-train.txt',
  /** Version 1 validation text, ≈ 19.4 MB. */
  valid: 'TinyStories-valid.txt',
  /** Version 2 (GPT-4 only) training text. */
  'v2-train': 'TinyStoriesV2-GPT4-train.txt',
  /** Version 2 validation text. */
  'v2-valid': 'TinyStoriesV2-GPT4-valid.txt',
} as const;

export type TinyStoriesFile = keyof typeof TINYSTORIES_FILES;

/** URL of a file of a dataset repository on the hub (the `resolve` endpoint follows LFS redirects). */
export function hubFileUrl(repo: string, path: string, revision = 'main', endpoint = HUB_ENDPOINT): string {
  return `${endpoint}/datasets/${repo}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** URL of the hub API listing of a dataset repository (gives each file's size and LFS sha256). */
export function hubTreeUrl(repo: string, revision = 'main', endpoint = HUB_ENDPOINT, directory = ''): string {
  const dir = directory === '' ? '' : `/${directory.split('/').map(encodeURIComponent).join('/')}`;
  return `${endpoint}/api/datasets/${repo}/tree/${encodeURIComponent(revision)}${dir}`;
}
