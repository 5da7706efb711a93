import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.ts?(x)'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
