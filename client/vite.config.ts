// Builds the explorer and the GraphiQL page into dist/client, which the API server serves as static files.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * boot.ts starts the first view's requests and then imports the explorer; without a hint the browser
 * would fetch the explorer's bundle only once boot.ts has run. Links in the page let it fetch both at once.
 */
function preloadExplorer(): Plugin {
  return {
    name: 'preload-explorer',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.path.endsWith('/index.html')) return [];
        const tags: HtmlTagDescriptor[] = [];
        // The page already links the entry and what it imports.
        const linked = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
        for (const file of ctx.chunk.dynamicImports) {
          const chunk = ctx.bundle[file];
          if (!chunk || chunk.type !== 'chunk') continue;
          for (const dep of [file, ...chunk.imports].filter((d) => !linked.has(d))) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${dep}` }, injectTo: 'head' });
          for (const css of chunk.viteMetadata?.importedCss ?? []) tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${css}` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [preloadExplorer()],
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
