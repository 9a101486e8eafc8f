// Builds the explorer and the GraphiQL page into dist/client, which the API server serves as static files.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, '../dist/client'),
    emptyOutDir: true,
    // GraphiQL and Cytoscape are big; the warning would only repeat what we already know.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        main: resolve(root, 'index.html'),
        graphiql: resolve(root, 'graphiql.html'),
      },
      // GraphiQL's Radix dependencies carry "use client" for React Server Components, meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
