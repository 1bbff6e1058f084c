import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The built UI lands in the Maven module's classes as static resources, which the api-gateway
// serves on the API's own origin (no CORS: the session cookie and the CSRF header just work).
// FORGEFLOW_WEB_OUT moves it; `npm run dev` proxies /api to a running `forgeflow serve`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.FORGEFLOW_WEB_OUT ?? "target/classes/static",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: { "/api": process.env.FORGEFLOW_URL ?? "http://127.0.0.1:8080" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
