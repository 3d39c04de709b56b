export { version } from './version.js';
export { END_OF_TEXT, splitStories, StorySplitter } from './stories.js';
export {
  HUB_ENDPOINT,
  hubFileUrl,
  hubTreeUrl,
  TINYSTORIES_FILES,
  TINYSTORIES_REPO,
  TINYSTORIES_REVISION,
  type TinyStoriesFile,
} from './tinystories.js';
export { DatasetError } from './errors.js';
