import path from 'node:path';
import { defineConfig } from 'vite';

// built into the project's dist/ with everything else it builds (`npm run dashboard:build`)
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: path.resolve(import.meta.dirname, '../../dist/dashboard'), emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
