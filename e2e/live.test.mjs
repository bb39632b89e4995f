// The page asks a real `openssl ocsp` responder through the relay, and the prediction follows the
// live answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay, launchBrowser, opensslResponder, startTlsServer, screenshotPath, freePort, crlDistributionPoint, fillConfig } from './harness.mjs';

let responder;
let listener;
let revokedResponder;
let revokedListener;
let closedPort;
let demandingListener;
let strangerResponder;
let strangerListener;
let issuingResponder;
let issuingListener;
let cdp;
let aiaResponder;
let aiaListener;
let relay;
let browser;

before(async () => {
  responder = await opensslResponder();
  listener = await startTlsServer(responder.dir);
  revokedResponder = await opensslResponder({ status: 'revoked' });
  strangerResponder = await opensslResponder({ status: 'unknown' });
  strangerListener = await startTlsServer(strangerResponder.dir);
  issuingResponder = await opensslResponder({ intermediate: true });
  issuingListener = await startTlsServer(issuingResponder.dir, issuingResponder.listenerArgs);
  revokedListener = await startTlsServer(revokedResponder.dir);
  demandingListener = await startTlsServer(responder.dir, ['-Verify', '1']);
  closedPort = await freePort();
  cdp = await crlDistributionPoint();
  aiaResponder = await opensslResponder({ status: 'revoked', aia: true });
  aiaListener = await startTlsServer(aiaResponder.dir);
  relay = await startRelay([responder.port, listener.port, revokedResponder.port, revokedListener.port, closedPort, demandingListener.port, strangerResponder.port, strangerListener.port, issuingResponder.port, issuingListener.port, cdp.port, aiaResponder.port, aiaListener.port]
    .flatMap((port) => ['--allow', `127.0.0.1:${port}`]));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await relay?.stop();
  listener?.stop();
  responder?.stop();
  revokedListener?.stop();
  demandingListener?.stop();
  strangerListener?.stop();
  strangerResponder?.stop();
  issuingListener?.stop();
  issuingResponder?.stop();
  revokedResponder?.stop();
  cdp?.stop();
  aiaListener?.stop();
  aiaResponder?.stop();
});

test('asking the responder live turns an assumed-down responder into a good answer', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(relay.tokenUrl);
  // The page read the token and took it out of the address bar (history, bookmarks, screen shares).
  await page.waitForFunction(() => !window.location.search.includes('token='), null, { timeout: 10000 });
  await page.getByLabel(/Paste what the customer sent/).fill(`${responder.qmPem}\n${responder.caPem}`);
  await page.locator('.found', { hasText: 'qm-e2e' }).waitFor({ timeout: 10000 });
  await page.locator('.found li', { hasText: 'qm-e2e' }).getByRole('button', { name: "the queue manager's" }).click();
  await page.locator('.found li', { hasText: 'e2e Root CA' }).getByRole('button', { name: 'client trusts it' }).click();
  // Each piece sits in its labelled slot: the leaf in the queue manager's chain, the root among
  // the trust anchors.
  await page.getByRole('region', { name: 'Queue manager certificate chain' }).getByText('qm-e2e').waitFor();
  await page.getByRole('region', { name: 'Trust anchors' }).getByText('e2e Root CA').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Error logs' }).getByText('nothing found').count(), 1);
  await page.locator('.config summary').click();
  await fillConfig(page, '#client-cmdline', `mqpgfc -ch TO.QM1 -ru "${responder.url}" MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4`);
  await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
  // Nothing is known about the responder yet: mqocsp assumes it unreachable, and says so.
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('#ask-live').click();
  await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'Connected' }).waitFor({ timeout: 10000 });
  // The log ends by saying the session is over.
  await page.locator('[data-field="live-log"] li').last().filter({ hasText: 'done: MQ would ask no further source' }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: screenshotPath('live-ocsp.png'), fullPage: false });
  await page.close();
});

test('without the token the page cannot use the relay', async () => {
  const page = await browser.newPage();
  await page.goto(relay.url);
  await page.locator('#example-select').selectOption('good');
  await page.locator('#example-load').click();
  await page.locator('#ask-live').click();
  await page.locator('[data-field="live-log"]', { hasText: 'No relay token' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('a live TLS probe through the relay brings the listener\'s chain into the case and asks its responder', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(relay.tokenUrl);
  await page.getByLabel(/Paste what the customer sent/).fill(responder.caPem);
  await page.locator('.found li', { hasText: 'e2e Root CA' }).getByRole('button', { name: 'client trusts it' }).click();
  await page.locator('.config summary').click();
  await fillConfig(page, '#client-cmdline', `mqpgfc -x 127.0.0.1:${listener.port} -ch TO.QM1 -ru "${responder.url}" MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4`);
  await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
  assert.equal(await page.locator('#probe-target').inputValue(), `127.0.0.1:${listener.port}`);
  await page.locator('#probe-live').click();
  await page.locator('[data-field="live-log"]', { hasText: /probe of 127\.0\.0\.1:\d+: TLSv1_3/ }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="live-log"]', { hasText: "the leaf is now the queue manager's certificate" }).waitFor();
  // The probe asks the client's responder about the chain it was shown, unprompted.
  await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'Connected' }).waitFor({ timeout: 10000 });
  await page.screenshot({ path: screenshotPath('live-probe.png'), fullPage: false });
  await page.close();
});

/** The probe form filled for `port`, the client trusting `caPem` and asking `ocspUrl`. */
async function probePage(caPem, port, ocspUrl, policy = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(relay.tokenUrl);
  await page.getByLabel(/Paste what the customer sent/).fill(caPem);
  await page.locator('.found li', { hasText: 'e2e Root CA' }).getByRole('button', { name: 'client trusts it' }).click();
  await page.locator('.config summary').click();
  await fillConfig(page, '#client-cmdline', `mqpgfc -x 127.0.0.1:${port} -ch TO.QM1 -ru "${ocspUrl}" MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4`);
  await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
  if (policy) await page.locator('#client-policy').selectOption(policy);
  await page.locator('#probe-live').click();
  return page;
}

test('a live probe of a listener whose certificate is revoked predicts 2393 from the live answer', async () => {
  const page = await probePage(revokedResponder.caPem, revokedListener.port, revokedResponder.url);
  await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('.diagnose', { hasText: /revoked/i }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="client-log"]', { hasText: 'AMQ9633E' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('a serial the responder does not know answers unknown: 2393 under REQUIRED', async () => {
  const page = await probePage(strangerResponder.caPem, strangerListener.port, strangerResponder.url);
  await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="client-log"]', { hasText: 'AMQ9716E' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('a listener that refuses the connection is a failed step, not a frozen page', async () => {
  const page = await probePage(responder.caPem, closedPort, responder.url);
  await page.locator('[data-field="live-log"]', { hasText: `cannot connect to 127.0.0.1:${closedPort}` }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2538' }).waitFor({ timeout: 10000 });
  await page.locator('.diagnose', { hasText: 'Reach the listener' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('a target outside the allowlist is the relay declining, with its reason', async () => {
  const page = await probePage(responder.caPem, 9, responder.url);
  await page.locator('[data-field="live-log"]', { hasText: /127\.0\.0\.1:9 .*(not|refused)/ }).waitFor({ timeout: 15000 });
  // The relay's refusal says nothing about the listener: the prediction does not pretend it does.
  assert.equal(await page.locator('.diagnose', { hasText: 'Reach the listener' }).count(), 0);
  await page.close();
});

// The seed's "responder down" scenario, live: the client's responder refuses connections, and the
// client's OCSPAuthentication decides.
for (const [policy, outcome, clientLog] of [
  ['REQUIRED', 'ReasonCd=2393', 'AMQ9716E'],
  ['WARN', 'Connected', 'AMQ9717'],
  ['OPTIONAL', 'Connected', 'nothing is logged'],
]) {
  test(`the client's responder is down under OCSPAuthentication=${policy}: ${outcome}`, async () => {
    const page = await probePage(responder.caPem, listener.port, `http://127.0.0.1:${closedPort}/`, policy);
    await page.locator('[data-field="live-log"]', { hasText: 'the responder is marked down' }).waitFor({ timeout: 15000 });
    await page.locator('[data-field="mq-outcome"]', { hasText: outcome }).waitFor({ timeout: 10000 });
    await page.locator('[data-field="client-log"]', { hasText: clientLog }).waitFor({ timeout: 10000 });
    await page.close();
  });
}

test('a listener that demands a client certificate: AMQ9642E here, AMQ9637E there, as the prediction says (IT15978)', async () => {
  const page = await probePage(responder.caPem, demandingListener.port, responder.url);
  await page.locator('[data-field="live-log"]', { hasText: 'a client certificate was requested' }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="client-log"]', { hasText: 'AMQ9642E' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="qm-log"]', { hasText: 'AMQ9637E' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('the classic openssl-responder surprise: the intermediate CA is unknown to a leaf-only responder', async () => {
  const page = await probePage(issuingResponder.caPem, issuingListener.port, issuingResponder.url);
  await page.locator('[data-field="live-log"]', { hasText: '2 certificate(s) presented' }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="live-log"]', { hasText: 'answered about qm-e2e' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="live-log"]', { hasText: 'answered about e2e Issuing CA' }).waitFor({ timeout: 10000 });
  await page.getByRole('region', { name: 'Queue manager certificate chain' }).getByText('e2e Issuing CA').waitFor();
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="client-log"]', { hasText: 'AMQ9716E' }).waitFor({ timeout: 10000 });
  await page.locator('.diagnose', { hasText: 'e2e Issuing CA' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('the relay logged every call as one structured line, with why for refusals and never the token', () => {
  const log = relay.log();
  const token = relay.tokenUrl.split('token=')[1];
  assert.equal(log.split(token).length - 1, 1, 'the token appears once, in the address printed at start');
  assert.match(log, /event=request method=POST path=\/api\/ocsp status=200 ms=\d+/);
  assert.match(log, /event=request method=GET path=\/api\/tunnel status=403 ms=\d+ why="127\.0\.0\.1:9 /);
  assert.match(log, /event=tunnel\.close target=127\.0\.0\.1:\d+ reason=/);
  assert.doesNotMatch(log, /BEGIN CERTIFICATE|MII[A-Za-z0-9+\/]{20}/, 'no payloads');
});

test('with CDPCheckExtensions=YES the page fetches the CRL through the relay, and the CRL decides', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(relay.tokenUrl);
  await page.getByLabel(/Paste what the customer sent/).fill(`${cdp.qmPem}\n${cdp.caPem}`);
  await page.locator('.found li', { hasText: 'qm-cdp' }).getByRole('button', { name: "the queue manager's" }).click();
  await page.locator('.found li', { hasText: 'e2e CDP CA' }).getByRole('button', { name: 'client trusts it' }).click();
  await page.locator('.config summary').click();
  await fillConfig(page, '#client-cmdline', 'mqpgfc -ch TO.QM1 MQCNO_VERSION_4');
  await fillConfig(page, '#client-ini', 'SSL:\n  OCSPCheckExtensions=NO\n  CDPCheckExtensions=YES\n');
  await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
  // No CRL yet: its distribution point is assumed unreachable, AMQ9716E under REQUIRED.
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('#ask-live').click();
  await page.locator('[data-field="live-log"]', { hasText: 'the CRL for qm-cdp' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'Connected' }).waitFor({ timeout: 10000 });
  await page.locator('.mq-steps', { hasText: 'does not list serial 01' }).waitFor({ timeout: 10000 });
  // Revoked and republished: asked again, the CRL now lists it.
  cdp.revoke();
  await page.locator('#ask-live').click();
  await page.locator('[data-field="client-log"]', { hasText: 'AMQ9633E' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.close();
});

test('a live probe for a managed .NET client asks the certificate\'s AIA responder and predicts with the .NET model', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(relay.tokenUrl);
  // A .NET application's settings pasted with no case open: the case is a managed .NET client's.
  await page.getByLabel(/Paste what the customer sent/).fill([
    'using IBM.WMQ;',
    'MQEnvironment.Hostname = "127.0.0.1";',
    `MQEnvironment.Port = ${aiaListener.port};`,
    'MQEnvironment.Channel = "TO.QM1";',
    'MQEnvironment.SSLPeerName = "CN=qm-e2e";',
    'MQEnvironment.SSLCertRevocationCheck = true;',
    aiaResponder.caPem,
  ].join('\n'));
  await page.locator('[data-field="verdict"]', { hasText: /dotnet client/ }).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#probe-target').inputValue(), `127.0.0.1:${aiaListener.port}`);
  await page.locator('#probe-live').click();
  // The live log says whose sources are asked: the case's kind.
  await page.locator('[data-field="live-log"]', { hasText: 'a managed .NET client' }).first().waitFor({ timeout: 15000 });
  await page.locator('[data-field="live-log"]', { hasText: `http://127.0.0.1:${aiaResponder.port}/ answered about qm-e2e` }).waitFor({ timeout: 15000 });
  await page.locator('[data-field="mq-outcome"]', { hasText: 'ReasonCd=2393' }).waitFor({ timeout: 10000 });
  await page.locator('[data-field="client-log"]', { hasText: 'X509ChainStatus Revoked' }).first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: screenshotPath('live-probe-dotnet.png'), fullPage: false });
  await page.close();
});
