import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The portal talks to the API gateway under /api; in development the gateway runs on :8080.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: true },
    },
  },
  build: {
    sourcemap: false,
    outDir: 'dist',
  },
});
