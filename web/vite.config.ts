import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  base: './',
  server: { proxy: { '/api': 'http://127.0.0.1:9400', '/actuator': 'http://127.0.0.1:9400' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  test: { environment: 'jsdom', include: ['tests/**/*.test.ts'] }
})
