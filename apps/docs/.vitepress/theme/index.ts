import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import TrainingDemo from './components/TrainingDemo.vue';
import TuringPlayground from './components/TuringPlayground.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('TuringPlayground', TuringPlayground);
    app.component('TrainingDemo', TrainingDemo);
  },
} satisfies Theme;
