import { mkdtempSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/nnprof-'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (m) => console.log('pageerror', String(m)));
for (const q of process.argv.slice(3)) {
  await page.goto(process.argv[2] + q);
  await page.getByTestId('backend-info').filter({ hasNotText: '…' }).waitFor();
  console.log(q, await page.getByTestId('backend-info').textContent());
  await page.getByTestId('train-button').click();
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(5000);
    console.log(
      'epoch',
      await page.getByTestId('epoch-value').textContent(),
      'ms',
      await page.getByTestId('train-time').textContent(),
      'status',
      await page.getByTestId('status-value').textContent(),
      'msg',
      await page.getByTestId('message').textContent(),
    );
  }
}
await ctx.close();
