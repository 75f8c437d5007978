import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// VITE_API_BASE (build time) points the app at the backend, e.g. https://imageflow.example.com;
// left empty, the app calls the API on its own origin (the backend serves it at /).
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    // `npm run dev` forwards the API to a local backend (override with IMAGEFLOW_URL).
    proxy: {
      '/api': process.env.IMAGEFLOW_URL ?? 'http://localhost:8080',
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
