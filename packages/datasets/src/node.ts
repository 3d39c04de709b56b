export * from './index.js';
export { downloadVerified, type DownloadOptions, type DownloadProgress, type DownloadResult } from './node/download.js';
export { hubFileInfo, listHubFiles, type HubFileInfo, type HubOptions } from './node/hub.js';
export { defaultCacheDir, obtainTinyStories, obtainTinyStoriesParquet, sharedTinyStoriesSample, type ObtainOptions } from './node/obtain.js';
export { detectLayout, readStories, type TextLayout } from './node/read.js';
