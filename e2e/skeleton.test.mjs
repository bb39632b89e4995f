// The walking skeleton end to end: relay serves the built page, Chromium pastes a certificate
// made by openssl, the decoded subject appears, a screenshot is kept for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay, launchBrowser, opensslCertificate, screenshotPath } from './harness.mjs';

let relay;
let browser;

before(async () => {
  relay = await startRelay();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await relay?.stop();
});

test('relay answers /api/health', async () => {
  const response = await fetch(new URL('api/health', relay.url));
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.status, 'ok');
});

test('pasting a certificate shows its subject', async () => {
  const pem = opensslCertificate(
    '/C=JP/ST=Chiba/O=Pulsar Integration PL921WC Inc./CN=www.pulsarintegration.PL921WC.com',
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(relay.url);
  await page.getByLabel(/Paste certificates/).fill(`From the customer's ticket:\n${pem}\n`);
  const subject = page.locator('[data-field="subject"]');
  await subject.waitFor({ timeout: 10000 });
  assert.equal(
    await subject.textContent(),
    'CN=www.pulsarintegration.PL921WC.com,O=Pulsar Integration PL921WC Inc.,ST=Chiba,C=JP',
  );
  assert.equal(await page.locator('[data-field="serial"]').textContent(), '0a1b');
  await page.screenshot({ path: screenshotPath('skeleton-decoded.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad input shows an error and keeps the paste', async () => {
  const page = await browser.newPage();
  await page.goto(relay.url);
  const broken = '-----BEGIN CERTIFICATE-----\nMIIC?abc\n-----END CERTIFICATE-----\n';
  await page.getByLabel(/Paste certificates/).fill(broken);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.textContent(), /line 2, column 5: '\?' is not a base64 character/);
  assert.equal(await page.getByLabel(/Paste certificates/).inputValue(), broken);
  await page.close();
});
