// A large paste is held out of the paste box (src/components/paste_box.rs): the browser lays out
// all of a textarea's text at once (about 120 ms for 200 KB, half a second for 1.8 MB), so a paste
// that makes the text large is taken over before it reaches the box. The text is decoded, becomes
// the case and is kept all the same; the box shows its size and shows the text on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { pageSuite } from './harness.mjs';

const suite = pageSuite();

const tickets = new URL('../testdata/tickets/', import.meta.url);
/** Every ticket of the corpus in one text (about 200 KB), as a long mail thread might be. */
const allTickets = () => readdirSync(tickets).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(new URL(f, tickets), 'utf8')).join('\n');

/** Pastes `text` into `selector` as the browser does: a paste event carrying the clipboard's
 * text; when no handler cancels it, the text replaces the selection and an input event follows.
 * Returns whether the page took the paste over. */
const paste = (page, selector, text) => page.evaluate(([selector, text]) => {
  const target = document.querySelector(selector);
  target.focus();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
  if (!target.dispatchEvent(event)) return true;
  target.setRangeText(text, target.selectionStart, target.selectionEnd, 'end');
  target.dispatchEvent(new Event('input', { bubbles: true }));
  return false;
}, [selector, text]);

test('a large paste is held out of the box, decoded, filed as the case, and shown on request', async () => {
  const page = await suite.browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(suite.relay.url);
  await page.locator('#example-load').waitFor();
  const text = allTickets();
  // Typed first, then the tickets pasted after it: the paste goes where the caret is.
  assert.equal(await paste(page, '#paste-input', 'first line\n'), false);
  assert.equal(await paste(page, '#paste-input', text), true);
  await page.locator('#paste-held').waitFor();
  assert.equal(await page.locator('#paste-input').count(), 0);
  const lines = (`first line\n${text}`).split('\n').length - (text.endsWith('\n') ? 1 : 0);
  assert.match(await page.locator('[data-field="held"]').textContent(),
    new RegExp(`^${Math.ceil((11 + Buffer.byteLength(text)) / 1024)} KB of text \\(${lines.toLocaleString('en-US')} lines\\) pasted`));
  // Decoded and read as a ticket all the same.
  await page.locator('[data-field="summary"]', { hasText: /^\d+ objects/ }).waitFor({ timeout: 30000 });
  await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]').waitFor({ timeout: 30000 });
  // Kept: a reload opens the same case, its text still held out of the box.
  await page.waitForTimeout(500);
  await page.reload();
  await page.locator('#paste-held').waitFor();
  // On request, the box shows it whole (a textarea's value has its line ends as \n: ticket 32
  // was written with CRLF).
  await page.locator('#paste-show').click();
  const shown = await page.locator('#paste-input').inputValue();
  assert.equal(shown, `first line\n${text}`.replace(/\r\n?/g, '\n'));
  // A small paste into a held text replaces it (in the held block, which takes pastes too).
  await paste(page, '#paste-input', text);
  await page.locator('#paste-held').waitFor();
  await paste(page, '#paste-held', 'small\n');
  assert.equal(await page.locator('#paste-input').inputValue(), 'small\n');
  // Clear empties the box.
  await paste(page, '#paste-input', text);
  await page.locator('#paste-clear').click();
  assert.equal(await page.locator('#paste-input').inputValue(), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a small paste goes into the box as usual', async () => {
  const page = await suite.browser.newPage();
  await page.goto(suite.relay.url);
  await page.locator('#example-load').waitFor();
  const ticket = readFileSync(new URL('03-server-revoked-with-ocsp-text.txt', tickets), 'utf8');
  assert.equal(await paste(page, '#paste-input', ticket), false);
  assert.equal(await page.locator('#paste-input').inputValue(), ticket);
  assert.equal(await page.locator('#paste-held').count(), 0);
  await page.locator('[data-field="summary"]', { hasText: /^\d+ objects?/ }).waitFor({ timeout: 15000 });
  await page.close();
});

test('a change made just before the page is reloaded is kept (packed on the page as it goes)', async () => {
  const page = await suite.browser.newPage();
  await page.goto(suite.relay.url);
  await page.locator('#example-load').waitFor();
  await paste(page, '#paste-input', allTickets());
  await page.locator('.outcome-wrap[aria-busy="false"] [data-field="mq-outcome"]').waitFor({ timeout: 30000 });
  const policy = page.locator('#client-policy');
  const other = (await policy.inputValue()) === 'WARN' ? 'OPTIONAL' : 'WARN';
  // The change, then the page going away before the worker packed it (200 KB of case): the
  // storage holds the change by the time `pagehide` is handled.
  const [before, after] = await page.evaluate((value) => new Promise((resolve) => {
    const before = localStorage.getItem('mqocsp.case');
    const select = document.querySelector('#client-policy');
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    // After the page's update for the change (its effects ask the worker to pack the case).
    setTimeout(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      resolve([before, localStorage.getItem('mqocsp.case')]);
    }, 0);
  }), other);
  assert.ok(after !== before, 'local storage still held the case from before the change');
  await page.reload();
  await page.locator('#paste-held').waitFor();
  assert.equal(await page.locator('#client-policy').inputValue(), other);
  await page.close();
});
