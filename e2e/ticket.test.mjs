// A ticket pasted whole (testdata/tickets, written by hand, not from the built-in cases) shows
// the diagnosis first: the verdict banner with the reason code and the cause, and the predicted
// logs next to the observed ones. Light and dark screenshots for the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { screenshotPath, pageSuite } from './harness.mjs';

const suite = pageSuite();

const ticket = (name) => readFileSync(new URL(`../testdata/tickets/${name}.txt`, import.meta.url), 'utf8');

for (const scheme of ['light', 'dark']) {
  test(`a pasted ticket shows its cause first (${scheme})`, async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(suite.relay.url);
    await page.getByLabel(/Paste what the customer sent/).fill(ticket('03-server-revoked-with-ocsp-text'));
    const headline = page.locator('[data-field="verdict-headline"]');
    await headline.waitFor({ timeout: 15000 });
    assert.match(await headline.textContent(), /2393 MQRC_SSL_INITIALIZATION_ERROR/);
    const cause = await page.locator('[data-field="verdict-cause"]').textContent();
    assert.match(cause, /queue manager's certificate \(mqprd01\.northwind\.example\) is revoked/);
    // The client's observed AMQ9633E is marked as matching the prediction.
    const client = page.locator('.verdict-side[data-side="client"]');
    assert.match(await client.textContent(), /✓ AMQ9633E/);
    // The evaluation time moved to the ticket's first log entry.
    assert.match(await page.locator('#at-input').inputValue(), /^2026-11-28T09:31:0[56]/);
    await page.locator('[data-field="verdict"]').screenshot({ path: screenshotPath(`ticket-verdict-${scheme}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a Java ticket is diagnosed as a Java client', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(suite.relay.url);
  await page.getByLabel(/Paste what the customer sent/).fill(ticket('13-spring-boot-jsse-network-error'));
  const headline = page.locator('[data-field="verdict-headline"]');
  await headline.waitFor({ timeout: 15000 });
  assert.match(await headline.textContent(), /2397 MQRC_JSSE_ERROR/);
  assert.match(await page.locator('[data-field="verdict"]').textContent(), /java client/);
  await page.close();
});

test('a .NET ticket is diagnosed as a managed .NET client', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(suite.relay.url);
  await page.getByLabel(/Paste what the customer sent/).fill(ticket('41-dotnet-framework-revoked'));
  const headline = page.locator('[data-field="verdict-headline"]');
  await headline.waitFor({ timeout: 15000 });
  assert.match(await headline.textContent(), /2393 MQRC_SSL_INITIALIZATION_ERROR/);
  assert.match(await page.locator('[data-field="verdict"]').textContent(), /dotnet client/);
  assert.match(await page.locator('[data-field="verdict-cause"]').textContent(), /is revoked.*SslStream/);
  await page.close();
});

// The verify panel checks a certificate for the role of the slot it was filed in: the client's
// certificate for clientAuth (the app's certificate allows only that), the queue manager's for
// serverAuth; no choice of the user is needed.
test('the verify panel takes a certificate\'s role from its slot', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(suite.relay.url);
  await page.getByLabel(/Paste what the customer sent/).fill(ticket('36-s-client-showcerts-firewall'));
  await page.locator('[data-field="verdict-headline"]').waitFor({ timeout: 15000 });
  const target = page.locator('#verify-target');
  // The leaf's own extended key usage step.
  const eku = (name) => page.locator('.step[data-step-id="chain.extended_key_usage"]', { hasText: name });
  const pick = async (name) => {
    const value = await page.locator('#verify-target option', { hasText: name }).first().getAttribute('value');
    await target.selectOption(value);
  };
  // The key repository holds the issuing CA (the ticket pastes no root).
  await page.locator('.anchors label.anchor', { hasText: 'Northwind Issuing CA 1' }).locator('input').check();
  await pick('orders-svc');
  await page.waitForFunction(() => document.querySelector('#verify-purpose')?.value === 'client', null, { timeout: 10000 });
  assert.match(await eku('orders-svc').textContent(), /allows clientAuth/);
  assert.equal(await eku('orders-svc').locator('.mark').getAttribute('aria-label'), 'Pass');
  await pick('mqprd01.northwind.example');
  await page.waitForFunction(() => document.querySelector('#verify-purpose')?.value === 'server', null, { timeout: 10000 });
  assert.match(await eku('mqprd01').textContent(), /allows serverAuth/);
  assert.equal(await eku('mqprd01').locator('.mark').getAttribute('aria-label'), 'Pass');
  assert.deepEqual(errors, []);
  await page.close();
});

// A Java client that connects and a C client that fails, in one ticket: the page diagnoses the
// C client, as the command line does (the Java client's "connected" line is set aside).
test('a ticket quoting a Java and a C client is diagnosed for the failing C client', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(suite.relay.url);
  await page.getByLabel(/Paste what the customer sent/).fill(ticket('35-java-and-c-clients-same-qm'));
  const headline = page.locator('[data-field="verdict-headline"]');
  await headline.waitFor({ timeout: 15000 });
  assert.match(await headline.textContent(), /2393 MQRC_SSL_INITIALIZATION_ERROR/);
  assert.match(await page.locator('[data-field="verdict-cause"]').textContent(), /mqprd01\.northwind\.example\) is revoked/);
  await page.close();
});
