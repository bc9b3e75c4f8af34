import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer build: one bundle served by web mode over HTTP and by Electron over app://. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  worker: { format: 'es' },
});
