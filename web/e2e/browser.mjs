// Debian's Chromium through playwright-core, headless, with an empty profile of its own.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function browser(viewport = { width: 1280, height: 900 }) {
  const profile = mkdtempSync(join(tmpdir(), "forgeflow-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.FORGEFLOW_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  // what is still in flight when a test fails: printed by its failure handler
  const pending = new Map();
  context.on("request", (r) => pending.set(r, `${r.method()} ${r.url()}`));
  context.on("requestfinished", (r) => pending.delete(r));
  context.on("requestfailed", (r) => pending.delete(r));
  context.pendingRequests = () => [...pending.values()];
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}


/** Opens one of the run view's tabs. */
export async function tab(page, name) {
  await page.getByRole("navigation", { name: "Run" }).getByRole("link", { name, exact: true }).click();
}

export async function signUp(page, base, username, password) {
  await page.goto(base + "/");
  await page.waitForURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.fill("input[name=username]", username);
  await page.fill("input[name=email]", `${username}@example.test`);
  await page.fill("input[name=password]", password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();
}


/**
 * Runs a browser test: on failure prints it, saves what the page showed (failure.png in shots)
 * and the requests still in flight, and exits 1. The test sets `watched.page` once it has one.
 */
export function runTest(test, shots, describeProblems = () => []) {
  const watched = { page: null };
  test(watched).catch(async (failure) => {
    console.error(failure);
    await watched.page?.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
    const context = watched.page?.context();
    if (context?.pendingRequests) console.error("requests still in flight:", context.pendingRequests());
    const problems = describeProblems();
    if (problems.length) console.error(problems.join("\n"));
    process.exit(1);
  });
}
