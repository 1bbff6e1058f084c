import { browser, signUp } from "./e2e/browser.mjs";
const base = process.argv[2];
const { context, close } = await browser();
const page = context.pages()[0] ?? (await context.newPage());
try {
  await page.goto(base + "/");
  await page.waitForURL(/\/sign-in$/);
  await signUp(page, base, "u" + Date.now().toString(36), "correct horse battery staple");
  await page.fill("input[name=projectName]", "p1");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name: "p1" }).waitFor();
  console.log("ok");
} catch (e) {
  console.log("HANG", context.pendingRequests());
  process.exitCode = 1;
}
await close();
