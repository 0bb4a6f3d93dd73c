// Opens the Neo4j Browser served by Roost in headless Chromium, connects to the embedded database
// with the given password, runs one Cypher query, checks that its result shows the expected text,
// and saves a screenshot.
//
// Usage: node browser-e2e.mjs <browser-url> <password> <query> <expected-text> <screenshot.png>
// Exit code 0 when the expected text is shown, 1 otherwise (the reason on stderr).
import { chromium } from 'playwright-core';

const [url, password, query, expected, screenshot] = process.argv.slice(2);
if (screenshot && query.includes(expected)) {
  console.error("the expected text must not be part of the query, or the editor alone would match it");
  process.exit(2);
}
if (!screenshot) {
  console.error('usage: node browser-e2e.mjs <browser-url> <password> <query> <expected-text> <screenshot.png>');
  process.exit(2);
}
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const step = (what) => console.log(`e2e: ${what}`);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  // No network beyond loopback: these flags stop Chromium's own background connections.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = null;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
try {
  step(`open ${url}`);
  await page.goto(url);
  const form = page.locator('[data-testid="boltaddress"]');
  await form.waitFor({ timeout: 30_000 });
  step(`connect form preset to ${await form.inputValue()}`);
  await page.locator('[data-testid="username"]').fill('neo4j');
  await page.locator('[data-testid="password"]').fill(password);
  await page.locator('[data-testid="connect"]').click();
  // Connected: the connect form goes away and the connection frame says so.
  await page.getByText(/You are connected as user/).waitFor({ timeout: 30_000 });
  step('connected');

  const editor = page.locator('#monaco-main-editor textarea, [data-testid="activeEditor"] textarea').first();
  await editor.click();
  await page.keyboard.type(query);
  await page.keyboard.press('Control+Enter');
  step(`ran: ${query}`);
  await page.getByText(expected, { exact: false }).first().waitFor({ timeout: 30_000 });
  step(`result shows "${expected}"`);
} catch (e) {
  failed = e;
} finally {
  await page.screenshot({ path: screenshot });
  step(`screenshot ${screenshot}`);
  await browser.close();
}
if (failed) {
  console.error(`e2e failed: ${failed.message.split('\n')[0]}`);
  process.exit(1);
}
