import { cotlabProject } from './preset.js';

export default cotlabProject('test-utils');
