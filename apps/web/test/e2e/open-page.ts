import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBGPU_ARGS } from '../../../../tools/chromium.js';

export interface OpenBrowser {
  context: BrowserContext;
  /** Opens the app at `query`, recording console errors and uncaught exceptions into `errors`. */
  open(query?: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Adds WEBGPU_ARGS, so the browser offers WebGPU (SwiftShader's adapter); without it, it offers none. */
  webgpu?: boolean;
}

/** One headless Chromium per test file, with a fresh profile. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'nn-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    args: options.webgpu === true ? [...CHROMIUM_ARGS, ...WEBGPU_ARGS] : CHROMIUM_ARGS,
  });
  return {
    context,
    async open(query = '') {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${inject('baseUrl')}${query}`);
      await page.getByTestId('backend-info').filter({ hasNotText: '…' }).waitFor();
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The number a data-testid element shows. */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

/** Waits until the trainer says `status` (ready, running, paused, done). */
export async function waitForStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await page
    .getByTestId('status-value')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor({ timeout });
}
