import { cotlabProject } from '@cotlab/test-utils/preset';

export default cotlabProject('compiler');
