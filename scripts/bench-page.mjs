// The page's figures in headless Chromium (issues #8 and #14), for scripts/bench.mjs and, run
// alone, for scripts/bench-page: navigation to an interactive page, decode + verify + predict of a
// 3-certificate case with an OCSP response, a what-if re-prediction on it (click to the new verdict
// on screen), a 1,000-certificate paste and the longest main-thread block during it, the longest
// block seen in all of it, and the share link's size after one and after three rounds of live
// answers from a real `openssl ocsp` responder through the relay. Figures only, never pass/fail.
//
// Work inside the page is read from its own User Timing measures (`mqocsp:decode`, `mqocsp:verify`,
// `mqocsp:file-case`, `mqocsp:resolve`, `mqocsp:predict`, recorded by src/timing.rs; work done in
// the worker is `mqocsp:decode-worker`, `mqocsp:predict-worker`, `mqocsp:verify-worker`, reading
// its answers back `mqocsp:decode-receive`, `mqocsp:predict-read`, `mqocsp:verify-read`); "shown" times come from a
// MutationObserver noting when the result appears in the DOM; long tasks from a PerformanceObserver.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { startRelay, launchBrowser, opensslResponder, fillConfig } from '../e2e/harness.mjs';

/** The hand-written tickets of the corpus (crates/cli/tests/tickets.rs). */
const TICKETS = fileURLToPath(new URL('../testdata/tickets/', import.meta.url));

/** Every ticket of the corpus, in one text (as a support engineer might paste a whole thread). */
const corpusTickets = () => readdirSync(TICKETS).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(TICKETS, f), 'utf8')).join('\n');

// Installed before any page script: records when `selector` first matches (with `text` when given)
// and every long task (a main-thread block over 50 ms).
const PROBE = () => {
  const bench = { longest: 0, blocks: [], seen: {} };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.longest = Math.max(bench.longest, entry.duration);
      bench.blocks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (over 50 ms) also count the browser's style and layout work, which a
  // long task may leave out: laying out a large paste in the textarea was one.
  bench.frames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.frames.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  bench.watch = (name, selector, text) => {
    const check = () => {
      const el = document.querySelector(selector);
      if (el && (!text || el.textContent.includes(text)) && !(name in bench.seen)) bench.seen[name] = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    check();
  };
  // Pastes `bench.text` over the box's text as the browser does after Ctrl+A: a paste event
  // carrying it (the page takes a large one over, src/components/paste_box.rs); when no handler
  // cancels it, the whole text lands in the box at once and one input event follows.
  bench.paste = () => {
    const box = document.querySelector('#paste-input') ?? document.querySelector('#paste-held');
    box.focus();
    box.select?.();
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', bench.text);
    if (box.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }))) {
      box.value = bench.text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    delete bench.text;
  };
  document.addEventListener('DOMContentLoaded', () => bench.watch('interactive', '#example-load'));
};

/** The 3-certificate case's work on the page's main thread (decoding, verifying and predicting
 * there when no worker runs; reading the worker's answers back; filing and resolving the case),
 * and in the worker. */
const CASE_WORK_PAGE = ['decode', 'decode-receive', 'verify', 'verify-read', 'file-case', 'resolve', 'predict', 'predict-read'];
const CASE_WORK_WORKER = ['decode-worker', 'verify-worker', 'predict-worker'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The latest `mqocsp:<name>` measure's duration (ms), or 0 when the page recorded none. */
const lastMeasure = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(`mqocsp:${n}`).at(-1)?.duration ?? 0, name);

/** Where the latest decode began (performance.now()): the page's own decode, or the decode the
 * worker reported back (`mqocsp:decode-worker`, recorded on the page ending when its answer came). */
const decodeStart = (page) =>
  page.evaluate(() => ['mqocsp:decode', 'mqocsp:decode-worker']
    .flatMap((n) => performance.getEntriesByName(n)).sort((a, b) => a.startTime - b.startTime).at(-1).startTime);

/** The summed durations (ms) of every `mqocsp:<name>` measure that started at or after `since`. */
const measuresSince = (page, name, since) =>
  page.evaluate(([n, t]) => performance.getEntriesByName(`mqocsp:${n}`).filter((e) => e.startTime >= t)
    .reduce((sum, e) => sum + e.duration, 0), [name, since]);

/** A page in a fresh context (cold cache, so the wasm is fetched and compiled), with the probe
 * installed, once it is interactive; with `settle`, also once it has been open for a second, as
 * a page is before anyone pastes into it (its worker starts and warms up meanwhile). */
async function freshPage(browser, relay, { settle = false } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(relay.url);
  await page.locator('#example-load').waitFor();
  if (settle) await page.waitForTimeout(1000);
  return { context, page };
}

/** Pastes `text` as a user would (input event, then the page's decode delay) and waits for the summary. */
async function paste(page, text, summary) {
  await page.evaluate(([s]) => window.__bench.watch('summary:' + s, '[data-field="summary"]', s), [summary]);
  // The text reaches the page first, in a task of its own: handing 1.6 MB over the DevTools
  // protocol takes a task of about 40 ms that a real paste (the browser reading its clipboard)
  // does not have, and it would count as the page's block.
  await page.evaluate((t) => { window.__bench.text = t; }, text);
  await page.evaluate(() => { window.__bench.pastedAt = performance.now(); window.__bench.paste(); });
  await page.locator('[data-field="summary"]', { hasText: summary }).waitFor({ timeout: 60000 });
  return page.evaluate((s) => window.__bench.seen['summary:' + s], summary);
}

/** The longest main-thread block (ms) that started at or after `since` (performance.now()). A
 * long task is reported after it ends; two frames' wait lets the last one arrive. */
async function longestSince(page, since, kind = 'blocks') {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  return page.evaluate(([t, kind]) => Math.max(0, ...window.__bench[kind].filter((b) => b.start + b.duration >= t).map((b) => b.duration)), [since, kind]);
}

/**
 * A what-if on the open case as a user makes it (a change of the client's OCSPAuthentication in
 * the what-if controls), timed from the change event to the re-predicted outcome on screen (the
 * outcome's first DOM change after it, and the frame after that). Returns [ms to the DOM, ms to
 * the next frame, headline before, headline after].
 */
async function whatIf(page, value) {
  return page.evaluate((v) => new Promise((resolve) => {
    const outcome = document.querySelector('.diagnose .outcome');
    const headline = () => document.querySelector('[data-field="mq-outcome"]').textContent;
    const before = headline();
    const select = document.querySelector('#client-policy');
    let at = 0;
    const observer = new MutationObserver(() => {
      observer.disconnect();
      // The DOM holds the new verdict; it is on screen at the next frame, which also waits for
      // the display's next refresh.
      const inDom = performance.now() - at;
      requestAnimationFrame(() => resolve([inDom, performance.now() - at, before, headline()]));
    });
    observer.observe(outcome, { subtree: true, childList: true, characterData: true, attributes: true });
    // A what-if that leaves the outcome as it was changes nothing to observe: say so, not hang.
    setTimeout(() => { observer.disconnect(); resolve([NaN, NaN, before, `${headline()} (no change seen in 5 s)`]); }, 5000);
    at = performance.now();
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }), value);
}

/**
 * Runs the page measurements; `threeCertCase` is PEM text with three certificates and an OCSP
 * response, `bundle` the 1,000-certificate PEM, `tickets` a text of many tickets (by default every
 * ticket of the corpus).
 * Returns rows of [measurement, figure, target].
 */
export async function pageTimings({ threeCertCase, threeCertSummary, bundle, tickets = corpusTickets(), runs }) {
  const relay = await startRelay([]); // serving dist/ as trunk just built it
  const browser = await launchBrowser();
  const rows = [];
  let longest = 0;
  try {
    // Navigation: a fresh context (cold cache, so the wasm is fetched and compiled) every run.
    const interactive = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await freshPage(browser, relay);
      interactive.push(await page.evaluate(() => window.__bench.seen.interactive));
      longest = Math.max(longest, await page.evaluate(() => window.__bench.longest));
      await context.close();
    }
    rows.push(['navigation to interactive page (cold cache)', `${median(interactive).toFixed(0)} ms`, '<= 1000 ms']);

    // The 3-certificate case and the 1,000-certificate paste, each on a fresh page.
    const caseWork = [];
    const caseWorkPage = [];
    const caseWorkWorker = [];
    const caseShown = [];
    const verdictShown = [];
    const bundleDecode = [];
    const bundleWorker = [];
    const bundleReceive = [];
    const bundleRead = [];
    const bundleShown = [];
    const bundleBlock = [];
    const bundleFrame = [];
    const bundleKeep = [];
    const whatIfDom = [];
    const whatIfFirst = [];
    const whatIfNext = [];
    const whatIfShown = [];
    const whatIfWork = [];
    let whatIfHeadlines = '';
    for (let i = 0; i < runs; i++) {
      const { context, page } = await freshPage(browser, relay, { settle: true });

      const cardsShown = await paste(page, threeCertCase, threeCertSummary);
      const caseStart = await decodeStart(page);
      // "New case from the paste": files what was found, predicts, shows the verdict.
      const clicked = await page.evaluate(() => {
        window.__bench.watch('outcome', '[data-field="mq-outcome"]');
        const at = performance.now();
        document.querySelector('#new-case').click();
        return at;
      });
      await page.locator('[data-field="mq-outcome"]').waitFor();
      verdictShown.push((await page.evaluate(() => window.__bench.seen.outcome)) - clicked);
      await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]').waitFor();
      await page.locator('section.verify[aria-busy="false"]').waitFor();
      // Each piece of work once, where it ran.
      const sum = async (names) => (await Promise.all(names.map((n) => lastMeasure(page, n)))).reduce((a, b) => a + b, 0);
      const onPage = await sum(CASE_WORK_PAGE);
      const inWorker = await sum(CASE_WORK_WORKER);
      caseWork.push(onPage + inWorker);
      caseWorkPage.push(onPage);
      caseWorkWorker.push(inWorker);
      caseShown.push(cardsShown - caseStart);

      const shown = await paste(page, bundle, '1000 objects');
      const pasted = await page.evaluate(() => window.__bench.pastedAt);
      bundleBlock.push(await longestSince(page, pasted));
      bundleFrame.push(await longestSince(page, pasted, 'frames'));
      bundleKeep.push(await lastMeasure(page, 'keep'));
      const start = await decodeStart(page);
      // Decoded on the page (before #14 item 6, or when no worker could be made) or in the worker.
      bundleDecode.push(await measuresSince(page, 'decode', pasted));
      bundleWorker.push(await measuresSince(page, 'decode-worker', pasted));
      bundleReceive.push(await measuresSince(page, 'decode-receive', pasted));
      bundleRead.push(await measuresSince(page, 'decode-read', pasted));
      bundleShown.push(shown - start);
      // What-ifs where the policy decides: the built-in seed case whose client responder is down
      // (3 certificates and a CA; with the responder pasted above, every answer is good and no
      // policy changes the outcome). OPTIONAL connects, REQUIRED gives 2393.
      await page.selectOption('#example-select', 'client-responder-down');
      await page.locator('#example-load').click();
      await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]', { hasText: '2393' }).waitFor();
      for (const value of ['OPTIONAL', 'REQUIRED']) {
        const [inDom, onScreen, before, after] = await whatIf(page, value);
        whatIfDom.push(inDom);
        (value === 'OPTIONAL' ? whatIfFirst : whatIfNext).push(inDom);
        whatIfShown.push(onScreen);
        // The worker's prediction arrives after the click: wait for it before reading its figures.
        await page.locator('.outcome-wrap[aria-busy="false"]').waitFor();
        whatIfWork.push((await Promise.all(['resolve', 'predict', 'predict-worker', 'predict-read'].map((n) => lastMeasure(page, n))))
          .reduce((a, b) => a + b, 0));
        whatIfHeadlines = `${before} -> ${after}`;
      }

      longest = Math.max(longest, await page.evaluate(() => window.__bench.longest));
      await context.close();
    }
    // Every ticket of the corpus pasted at once on a fresh page (208 KB: logs, configurations,
    // 85 objects): it becomes the case, is predicted, and its cards, "Found" rows and verdict are
    // built. The longest block from the paste until the verdict is no longer busy.
    const ticketsBlock = [];
    const ticketsFrame = [];
    const ticketsVerdict = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await freshPage(browser, relay, { settle: true });
      await page.evaluate(() => window.__bench.watch('verdict', '.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]'));
      await page.evaluate((t) => { window.__bench.text = t; }, tickets);
      const pasted = await page.evaluate(() => { const at = performance.now(); window.__bench.paste(); return at; });
      await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]').waitFor({ timeout: 60000 });
      await page.locator('section.verify[aria-busy="false"]').waitFor();
      ticketsVerdict.push((await page.evaluate(() => window.__bench.seen.verdict)) - pasted);
      // The cards still being added (a few per task) finish well within this.
      await page.waitForTimeout(500);
      ticketsBlock.push(await longestSince(page, pasted));
      ticketsFrame.push(await longestSince(page, pasted, 'frames'));
      longest = Math.max(longest, await page.evaluate(() => window.__bench.longest));
      await context.close();
    }
    rows.push(['3-certificate case + OCSP response: decode + verify + file + resolve + predict (work)', `${median(caseWork).toFixed(1)} ms`, '<= 50 ms']);
    rows.push(['  of which on the main thread (reading answers back, filing, resolving)', `${median(caseWorkPage).toFixed(1)} ms`, '']);
    rows.push(['  of which in the worker (decode, verify, predict)', `${median(caseWorkWorker).toFixed(1)} ms`, '']);
    rows.push(['3-certificate case: decode start to its cards shown', `${median(caseShown).toFixed(1)} ms`, '']);
    rows.push(['3-certificate case: "New case" click to the verdict shown', `${median(verdictShown).toFixed(1)} ms`, '']);
    rows.push(['1,000-certificate paste: decode on the main thread (work)', `${median(bundleDecode).toFixed(0)} ms`, '']);
    rows.push(['1,000-certificate paste: decode in the worker (work, off the main thread)', `${median(bundleWorker).toFixed(0)} ms`, '']);
    rows.push(['1,000-certificate paste: reading the worker\'s answers back (all batches, main thread)', `${median(bundleReceive).toFixed(0)} ms`, '']);
    rows.push(['  of which reading their JSON (the rest: DER trees and fields restored)', `${median(bundleRead).toFixed(0)} ms`, '']);
    rows.push(['1,000-certificate paste: decode start to summary and first cards shown', `${median(bundleShown).toFixed(0)} ms`, '<= 1000 ms']);
    rows.push(['1,000-certificate paste: longest main-thread block', `${median(bundleBlock).toFixed(0)} ms`, '<= 50 ms']);
    rows.push(['  longest animation frame (with the browser\'s style and layout)', `${median(bundleFrame).toFixed(0)} ms`, '']);
    rows.push(['1,000-certificate paste: keeping it in local storage (pack, per change)', `${median(bundleKeep).toFixed(0)} ms`, '']);
    rows.push(['seed case client-responder-down: what-if click to the new verdict in the DOM', `${median(whatIfDom).toFixed(1)} ms`, '<= 16 ms']);
    rows.push(['  the first what-if after opening the case / the next one', `${median(whatIfFirst).toFixed(1)} / ${median(whatIfNext).toFixed(1)} ms`, '']);
    rows.push(['seed case client-responder-down: what-if click to the next frame after it (on screen)', `${median(whatIfShown).toFixed(1)} ms`, '']);
    rows.push([`  (the what-ifs: ${whatIfHeadlines})`, '', '']);
    rows.push(['seed case client-responder-down: what-if re-prediction (resolve + predict work)', `${median(whatIfWork).toFixed(1)} ms`, '']);
    rows.push([`every ticket of testdata/tickets pasted at once (${(tickets.length / 1024).toFixed(0)} KB): paste to the verdict shown`, `${median(ticketsVerdict).toFixed(0)} ms`, '']);
    rows.push(['every ticket pasted at once: longest main-thread block', `${median(ticketsBlock).toFixed(0)} ms`, '<= 50 ms']);
    rows.push(['  longest animation frame (with the browser\'s style and layout)', `${median(ticketsFrame).toFixed(0)} ms`, '']);
    rows.push(['longest main-thread block in all of the above', `${longest.toFixed(0)} ms`, '<= 200 ms']);
  } finally {
    await browser.close();
    await relay.stop();
  }
  return rows;
}

/**
 * The share link's length after one, two and three rounds of "Ask the responders now" against a
 * real `openssl ocsp` responder through the relay: live answers replace the earlier ones in the
 * case, so the link should not grow. Returns rows of [measurement, figure, target].
 */
export async function shareLinkGrowth() {
  const responder = await opensslResponder();
  const relay = await startRelay(['--allow', `127.0.0.1:${responder.port}`]);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(relay.tokenUrl);
    await page.locator('#paste-input').fill(`${responder.qmPem}\n${responder.caPem}`);
    await page.locator('.found li', { hasText: 'qm-e2e' }).getByRole('button', { name: "the queue manager's" }).click();
    await page.locator('.found li', { hasText: 'e2e Root CA' }).getByRole('button', { name: 'client trusts it' }).click();
    await page.locator('.config summary').click();
    await fillConfig(page, '#client-cmdline', `mqpgfc -ch TO.QM1 -ru "${responder.url}" MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4`);
    await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
    await page.locator('[data-field="mq-outcome"]').waitFor();
    const sizes = [];
    for (let round = 1; round <= 3; round++) {
      const answered = page.waitForResponse((r) => r.url().includes('/api/ocsp'));
      await page.locator('#ask-live').click();
      await answered;
      await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 15000 });
      // The session's last line (src/services/live.rs): everything it recorded is in the case.
      await page.locator('[data-field="live-log"]', { hasText: 'done: MQ would ask no further source' }).waitFor({ timeout: 15000 });
      await page.locator('[data-field="mq-outcome"]', { hasText: 'Connected' }).waitFor({ timeout: 15000 });
      // The link is packed in the worker and then written to the address bar; the status says
      // "Packing…" until it is there.
      const link = await page.evaluate(() => new Promise((resolve) => {
        const tools = document.querySelector('.case-tools');
        let packing = false;
        const observer = new MutationObserver(() => {
          const status = tools.querySelector('[role="status"]')?.textContent ?? '';
          if (status.startsWith('Packing')) packing = true;
          else if (packing) { observer.disconnect(); resolve(location.href); }
        });
        observer.observe(tools, { subtree: true, childList: true, characterData: true });
        document.querySelector('#share-link').click();
      }));
      // The case inside (v1. + base64url of raw deflate of its JSON). Each answer is new bytes
      // (producedAt, the request's fresh nonce, a new signature, whose ECDSA length moves by a
      // byte): the case may move by those bytes and the link by their deflate coding, no more.
      const json = inflateRawSync(Buffer.from(link.split('#case=v1.')[1], 'base64url')).toString();
      const { ocsp = [], crls = [] } = JSON.parse(json).evidence ?? {};
      const body = (b) => [b ?? []].flat().reduce((n, piece) => n + Buffer.from(piece, 'base64').length, 0);
      sizes.push([link.length, json.length, ocsp.length + crls.length, [...ocsp, ...crls].reduce((n, r) => n + body(r.body), 0)]);
    }
    const row = (round, [link, json, answers, bytes]) => [`share link after ${round} of live answers (case JSON; answers kept, their bytes)`, `${link} B`, `(${json} B; ${answers}, ${bytes} B)`];
    const [first, , third] = sizes;
    return [
      row('1 round', first),
      row('2 rounds', sizes[1]),
      [...row('3 rounds', third).slice(0, 2), `${row('3 rounds', third)[2]} <= after 1 round: ${first[0]} B; ${third[0] - first[0] >= 0 ? '+' : ''}${third[0] - first[0]} B, answers ${third[3] - first[3] >= 0 ? '+' : ''}${third[3] - first[3]} B`],
    ];
  } finally {
    await browser.close();
    await relay.stop();
    responder.stop();
  }
}

/** Fixtures made fresh with openssl, as scripts/bench.mjs makes them: a 3-certificate case
 * (root, leaf, delegated OCSP responder) with the responder's answer, and a 1,000-certificate
 * bundle (20 RSA-2048 leaves repeated). */
export function makeFixtures(dir) {
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650',
    '-subj', '/C=AU/O=Pulsar/CN=Bench Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaves = [];
  for (let i = 1; i <= 20; i++) {
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `leaf${i}.key`, '-out', `leaf${i}.csr`, '-subj', `/C=AU/O=Pulsar/CN=qm${i}.bench.test`,
      '-addext', `subjectAltName=DNS:qm${i}.bench.test`, '-addext', 'extendedKeyUsage=serverAuth,clientAuth',
      '-addext', 'authorityInfoAccess=OCSP;URI:http://127.0.0.1:8888/');
    openssl('x509', '-req', '-in', `leaf${i}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(i), '-days', '365', '-copy_extensions', 'copyall', '-out', `leaf${i}.pem`);
    leaves.push(readFileSync(join(dir, `leaf${i}.pem`), 'utf8'));
  }
  openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'responder.key', '-out', 'responder.csr', '-subj', '/C=AU/O=Pulsar/CN=Bench OCSP responder',
    '-addext', 'extendedKeyUsage=OCSPSigning', '-addext', 'keyUsage=critical,digitalSignature');
  openssl('x509', '-req', '-in', 'responder.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '100', '-days', '365', '-copy_extensions', 'copyall', '-out', 'responder.pem');
  const end = openssl('x509', '-noout', '-enddate', '-dateopt', 'iso_8601', '-in', 'leaf1.pem').toString();
  writeFileSync(join(dir, 'index.txt'), `V\t${end.replace(/[^0-9]/g, '').slice(2, 14)}Z\t\t01\tunknown\t/C=AU/O=Pulsar/CN=qm1.bench.test\n`);
  openssl('ocsp', '-issuer', 'ca.pem', '-cert', 'leaf1.pem', '-no_nonce', '-reqout', 'request.der');
  openssl('ocsp', '-index', 'index.txt', '-CA', 'ca.pem', '-rsigner', 'responder.pem', '-rkey', 'responder.key', '-reqin', 'request.der', '-respout', 'response.der');
  const pem = (label, der) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
  return {
    threeCertCase: ['ca.pem', 'leaf1.pem', 'responder.pem'].map((f) => readFileSync(join(dir, f), 'utf8')).join('')
      + pem('OCSP RESPONSE', readFileSync(join(dir, 'response.der'))),
    threeCertSummary: '4 objects, 0 problems',
    bundle: Array.from({ length: 1000 }, (_, i) => leaves[i % 20]).join(''),
  };
}

// Run alone (scripts/bench-page): the page's figures only, each in this one run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.env.MQOCSP_BENCH_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'mqocsp-bench-page-'));
  try {
    const rows = [...await pageTimings({ ...makeFixtures(dir), runs }), ...await shareLinkGrowth()];
    const chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    console.log(`\nthe page in headless Chromium (${chromium}; median of ${runs} runs) — ${new Date().toISOString()}`);
    const width = Math.max(...rows.map((r) => r[0].length));
    for (const [what, figure, target] of rows) console.log(`  ${what.padEnd(width)}  ${figure.padStart(9)}  ${target}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
