/**
 * One Chromium for the whole e2e run: started once here (vitest globalSetup, in the main
 * process), and each test file connects to it (harness `launchBrowser`) instead of launching its
 * own; every file still gets fresh contexts. Nothing starts where no Chromium is installed.
 */
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';


let server: BrowserServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  const executablePath = findChromium();
  if (executablePath) server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  project.provide('browserWSEndpoint', server?.wsEndpoint() ?? '');
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = null;
}
