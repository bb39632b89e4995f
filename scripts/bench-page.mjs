// The page's figures in headless Chromium (issue #8), for scripts/bench.mjs: navigation to an
// interactive page, decode + verify + predict of a 3-certificate case with an OCSP response, a
// 1,000-certificate paste, and the longest main-thread block seen meanwhile.
//
// Work inside the page is read from its own User Timing measures (`mqocsp:decode`, `mqocsp:verify`,
// `mqocsp:file-case`, `mqocsp:predict`, recorded by src/timing.rs); "shown" times come from a
// MutationObserver noting when the result appears in the DOM; long tasks from a PerformanceObserver.
import { startRelay, launchBrowser } from '../e2e/harness.mjs';

// Installed before any page script: records when `selector` first matches (with `text` when given)
// and every long task (a main-thread block over 50 ms).
const PROBE = () => {
  const bench = { longest: 0, seen: {} };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longest = Math.max(bench.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  bench.watch = (name, selector, text) => {
    const check = () => {
      const el = document.querySelector(selector);
      if (el && (!text || el.textContent.includes(text)) && !(name in bench.seen)) bench.seen[name] = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    check();
  };
  document.addEventListener('DOMContentLoaded', () => bench.watch('interactive', '#example-load'));
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The latest `mqocsp:<name>` measure's duration (ms), or 0 when the page recorded none. */
const lastMeasure = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(`mqocsp:${n}`).at(-1)?.duration ?? 0, name);

/** Pastes `text` as a user would (input event, then the page's decode delay) and waits for the summary. */
async function paste(page, text, summary) {
  await page.evaluate(([s]) => window.__bench.watch('summary:' + s, '[data-field="summary"]', s), [summary]);
  // As a paste lands: the whole text at once, then one input event.
  await page.evaluate((t) => {
    const box = document.querySelector('#paste-input');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.locator('[data-field="summary"]', { hasText: summary }).waitFor({ timeout: 60000 });
  return page.evaluate((s) => window.__bench.seen['summary:' + s], summary);
}

/**
 * Runs the page measurements; `threeCertCase` is PEM text with three certificates and an OCSP
 * response, `bundle` the 1,000-certificate PEM. Returns rows of [measurement, figure, target].
 */
export async function pageTimings({ threeCertCase, threeCertSummary, bundle, runs }) {
  const relay = await startRelay([]); // serving dist/ as trunk just built it
  const browser = await launchBrowser();
  const rows = [];
  let longest = 0;
  try {
    // Navigation: a fresh context (cold cache, so the wasm is fetched and compiled) every run.
    const interactive = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(relay.url);
      await page.locator('#example-load').waitFor();
      interactive.push(await page.evaluate(() => window.__bench.seen.interactive));
      longest = Math.max(longest, await page.evaluate(() => window.__bench.longest));
      await context.close();
    }
    rows.push(['navigation to interactive page (cold cache)', `${median(interactive).toFixed(0)} ms`, '<= 1000 ms']);

    // The 3-certificate case and the 1,000-certificate paste, each on a fresh page.
    const caseWork = [];
    const caseShown = [];
    const verdictShown = [];
    const bundleDecode = [];
    const bundleShown = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      await page.goto(relay.url);
      await page.locator('#example-load').waitFor();

      const cardsShown = await paste(page, threeCertCase, threeCertSummary);
      const decodeStart = await page.evaluate(() => performance.getEntriesByName('mqocsp:decode').at(-1).startTime);
      // "New case from the paste": files what was found, predicts, shows the verdict.
      const clicked = await page.evaluate(() => {
        window.__bench.watch('outcome', '[data-field="mq-outcome"]');
        const at = performance.now();
        document.querySelector('#new-case').click();
        return at;
      });
      await page.locator('[data-field="mq-outcome"]').waitFor();
      verdictShown.push((await page.evaluate(() => window.__bench.seen.outcome)) - clicked);
      const work = (await Promise.all(['decode', 'verify', 'file-case', 'predict'].map((n) => lastMeasure(page, n))))
        .reduce((a, b) => a + b, 0);
      caseWork.push(work);
      caseShown.push(cardsShown - decodeStart);

      const shown = await paste(page, bundle, '1000 objects');
      const start = await page.evaluate(() => performance.getEntriesByName('mqocsp:decode').at(-1).startTime);
      bundleDecode.push(await lastMeasure(page, 'decode'));
      bundleShown.push(shown - start);
      longest = Math.max(longest, await page.evaluate(() => window.__bench.longest));
      await context.close();
    }
    rows.push(['3-certificate case + OCSP response: decode + verify + file + predict (work)', `${median(caseWork).toFixed(1)} ms`, '<= 50 ms']);
    rows.push(['3-certificate case: decode start to its cards shown', `${median(caseShown).toFixed(1)} ms`, '']);
    rows.push(['3-certificate case: "New case" click to the verdict shown', `${median(verdictShown).toFixed(1)} ms`, '']);
    rows.push(['1,000-certificate paste: decode (work)', `${median(bundleDecode).toFixed(0)} ms`, '']);
    rows.push(['1,000-certificate paste: decode start to summary and first cards shown', `${median(bundleShown).toFixed(0)} ms`, '<= 1000 ms']);
    rows.push(['longest main-thread block in all of the above', `${longest.toFixed(0)} ms`, '<= 200 ms']);
  } finally {
    await browser.close();
    await relay.stop();
  }
  return rows;
}
