import { defineConfig } from 'vite';
import { reactExampleConfig } from '../_lib/vite-react.mjs';

export default defineConfig(reactExampleConfig());
