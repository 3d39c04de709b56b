// The one import of TensorFlow.js: every file takes `tf` from here, so backends register once.
export * as tf from '@tensorflow/tfjs';
