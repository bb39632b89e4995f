// Heavy work off the main thread (issues #14 item 6, #19 item 6): a paste is decoded, the open
// case predicted and the Verify view's checks run in the page's worker (static/worker.js running
// the page's own wasm), and when that worker cannot run the page does the work on its own thread,
// says why in the console, and loses nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startRelay, opensslCertificate, pageSuite } from './harness.mjs';

const suite = pageSuite();
let pem;

before(() => {
  pem = opensslCertificate('/C=JP/O=Pulsar/CN=worker.example.test', '0x0b0c');
});

/** The page's User Timing measures by name: how many of each. */
const measures = (page, names = ['decode', 'decode-worker', 'decode-receive']) =>
  page.evaluate((names) => Object.fromEntries(names
    .map((n) => [n, performance.getEntriesByName(`mqocsp:${n}`).length])), names);

const ticket = (name) => readFileSync(new URL(`../testdata/tickets/${name}.txt`, import.meta.url), 'utf8');

/** Pastes two copies of the certificate and waits for them and the subject on screen. */
async function pasteTwo(page) {
  await page.getByLabel(/Paste what the customer sent/).fill(`${pem}\n${pem}`);
  await page.locator('[data-field="summary"]', { hasText: '2 objects' }).waitFor({ timeout: 15000 });
  const subject = page.locator('[data-field="subject"] .value').first();
  assert.equal(await subject.textContent(), 'CN=worker.example.test,O=Pulsar,C=JP');
}

test('a paste is decoded in the worker, not on the page', async () => {
  const page = await suite.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Errors, and the page's own warnings (a fallback to decoding on the page warns).
    if (message.type() === 'error' || /mqocsp/.test(message.text())) errors.push(message.text());
  });
  // A fresh page starts its worker before anything is pasted (and warms it with a built-in
  // case, unrecorded: src/services/worker.rs warm_up).
  const started = page.waitForEvent('worker', { timeout: 10000 });
  await page.goto(suite.relay.url);
  await started;
  await pasteTwo(page);
  // The worker's decode came back (its duration recorded on the page) in a batch the page read;
  // the page itself decoded nothing.
  assert.deepEqual(await measures(page), { decode: 0, 'decode-worker': 1, 'decode-receive': 1 });
  // Under the relay's Content-Security-Policy, without a violation or a fallback warning.
  assert.deepEqual(errors, []);
  const script = await fetch(new URL('worker.js', suite.relay.url));
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type'), /javascript/);
  await page.close();
});

test("a ticket's case is predicted and its certificate verified in the worker, and a what-if too", async () => {
  const page = await suite.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /mqocsp/.test(message.text())) errors.push(message.text());
  });
  await page.goto(suite.relay.url);
  await page.getByLabel(/Paste what the customer sent/).fill(ticket('03-server-revoked-with-ocsp-text'));
  const verdict = page.locator('[data-field="verdict"][aria-busy="false"]');
  await verdict.locator('[data-field="verdict-headline"]', { hasText: '2393' }).waitFor({ timeout: 15000 });
  // The Verify view's report came from the worker too, for the queue manager's certificate.
  await page.locator('section.verify[aria-busy="false"] .step').first().waitFor({ timeout: 15000 });
  const names = ['predict', 'predict-worker', 'predict-read', 'verify', 'verify-worker', 'resolve'];
  const first = await measures(page, names);
  assert.equal(first.predict, 0, 'nothing predicted on the page');
  assert.equal(first.verify, 0, 'nothing verified on the page');
  assert.ok(first['predict-worker'] >= 1 && first['predict-read'] >= 1, JSON.stringify(first));
  assert.ok(first['verify-worker'] >= 1, JSON.stringify(first));
  // A what-if (the queue manager's certificate is the question; relax the client's policy) is
  // predicted in the worker as well, and the banner follows it.
  await page.locator('#client-policy').selectOption('WARN');
  await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]', { hasText: /Connected|Not connected/ }).waitFor({ timeout: 15000 });
  const after = await measures(page, names);
  assert.equal(after.predict, 0, 'the what-if was not predicted on the page');
  assert.ok(after['predict-worker'] > first['predict-worker'], JSON.stringify(after));
  // The Markdown report and the share link are written in the worker as well (a long ticket's
  // report predicts it again); the report is downloaded with the case's outcome in it.
  const downloaded = page.waitForEvent('download');
  await page.locator('#report').click();
  const report = await downloaded;
  assert.equal(report.suggestedFilename(), 'mqocsp-report.md');
  const { readFile } = await import('node:fs/promises');
  assert.match(await readFile(await report.path(), 'utf8'), /2393|Connected/);
  await page.locator('#share-link').click();
  assert.match(await page.locator('#share-link-text').inputValue(), /#case=v1\./);
  const tools = await measures(page, ['report', 'report-worker']);
  assert.deepEqual(tools, { report: 0, 'report-worker': 1 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('when the worker cannot start, the page decodes the paste itself and says why', async () => {
  const context = await suite.browser.newContext();
  // The worker's script fails to load (as a stale or blocked file would).
  await context.route('**/worker.js*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await context.newPage();
  const logged = [];
  page.on('console', (message) => logged.push(message.text()));
  const crashes = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await page.goto(suite.relay.url);
  await pasteTwo(page);
  assert.equal((await measures(page))['decode-worker'], 0);
  assert.ok((await measures(page)).decode >= 1, 'decoded on the page');
  assert.ok(logged.some((text) => /mqocsp: the worker failed.*working on the page/.test(text)), logged.join('\n'));
  assert.deepEqual(crashes, []);
  // Later pastes decode on the page too.
  await page.getByLabel(/Paste what the customer sent/).fill(pem);
  await page.locator('[data-field="summary"]', { hasText: '1 object' }).waitFor({ timeout: 15000 });
  await context.close();
});

test('the relay built with the page in it serves the worker too', async () => {
  const builtIn = await startRelay([], { embedded: true });
  try {
    const page = await suite.browser.newPage();
    await page.goto(builtIn.url);
    await pasteTwo(page);
    assert.deepEqual(await measures(page), { decode: 0, 'decode-worker': 1, 'decode-receive': 1 });
    await page.close();
  } finally {
    await builtIn.stop();
  }
});
