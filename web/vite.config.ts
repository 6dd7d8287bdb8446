/**
 * The web app's build. `npm run build` writes web/dist, which `styr serve` serves at `/`; `npm run dev:web`
 * starts Vite with hot reload and sends /api to a running `styr serve` (STYR_API_URL, default :8080).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: { '/api': { target: process.env.STYR_API_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
