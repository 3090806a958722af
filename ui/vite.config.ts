import { defineConfig } from 'vite';

// Built into ui/dist and embedded in the app; relative asset paths, nothing from the network.
export default defineConfig({
  base: './',
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // antd's "use client" directives mean nothing in a desktop bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  test: { environment: 'node' },
});
