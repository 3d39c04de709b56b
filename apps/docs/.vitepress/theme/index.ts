import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import TuringPlayground from './components/TuringPlayground.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('TuringPlayground', TuringPlayground);
  },
} satisfies Theme;
