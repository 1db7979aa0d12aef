import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Browser, chromium } from 'playwright-core';
import type { TestApp } from './test-app';

/** Debian's chromium (or CHROMIUM_PATH), headless, with no background network (this machine has none). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: more switches, e.g. `--host-resolver-rules=MAP clausetracker.test 127.0.0.1`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** An application served on a port of its own to a headless Chromium: what each browser test starts with. */
export interface ServedToChromium {
  t: TestApp;
  /** `http://127.0.0.1:<port>`, or the host name given, which Chromium resolves to 127.0.0.1. */
  origin: string;
  browser: Browser;
  /** Closes the browser and the application, and gives PUBLIC_URL back its value. */
  close(): Promise<void>;
}

/**
 * Starts a test application (`startTestApp` with `rateLimits`), lets `prepare` write what the test reads, serves it
 * on a free port of 127.0.0.1, and launches Chromium. `host`: the name the browser uses for it (mapped to 127.0.0.1
 * with `--host-resolver-rules`); `publicUrl`: the service is told that origin as its PUBLIC_URL (the reports link to
 * it absolutely), given back at `close`. What was started is closed if a later step fails.
 */
export async function serveToChromium(
  options: {
    rateLimits?: boolean;
    host?: string;
    publicUrl?: boolean;
    prepare?: (t: TestApp) => Promise<unknown>;
  } = {},
): Promise<ServedToChromium> {
  const savedPublicUrl = process.env.PUBLIC_URL;
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    if (options.publicUrl) {
      if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = savedPublicUrl;
    }
    await browser?.close();
    await t?.close();
  };
  try {
    // Loaded here: the report test, which serves nothing, does not load the application with this file.
    const { startTestApp } = await import('./test-app');
    t = await startTestApp(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits });
    await options.prepare?.(t);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
    if (options.publicUrl) process.env.PUBLIC_URL = origin;
    browser = await launchChromium(
      options.host ? [`--host-resolver-rules=MAP ${options.host} 127.0.0.1`] : [],
    );
    return { t, origin, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
