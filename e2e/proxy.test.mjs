// The relay behind a TLS reverse proxy, as the README's "Running the relay for a team" sets it
// up: nginx with the README's server block (taken from README.md itself, so the documented
// snippet is the one tested), the relay started with --public-url, the page loaded over https.
// The page must open its tunnel with wss:// through nginx and probe a real openssl s_server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startRelay, launchBrowser, opensslResponder, startTlsServer, freePort, fillConfig } from './harness.mjs';

let responder;
let listener;
let relay;
let nginx;
let browser;
let proxyPort;
let dir;

/** The nginx block the README documents, with its host, port, certificate and upstream replaced. */
function readmeNginx({ port, cert, key, upstream }) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.match(/```nginx\n([\s\S]*?)```/);
  assert.ok(block, 'the README documents an nginx block');
  return block[1]
    .replace('listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`)
    .replace('server_name mqocsp.example.com;', 'server_name 127.0.0.1;')
    .replace('/etc/ssl/mqocsp/fullchain.pem', cert)
    .replace('/etc/ssl/mqocsp/key.pem', key)
    .replace('http://127.0.0.1:8080', upstream);
}

before(async () => {
  responder = await opensslResponder();
  listener = await startTlsServer(responder.dir);
  proxyPort = await freePort();
  relay = await startRelay(['--allow', `127.0.0.1:${listener.port}`, '--public-url', `https://127.0.0.1:${proxyPort}`]);
  dir = mkdtempSync(join(tmpdir(), 'mqocsp-e2e-nginx-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const server = readmeNginx({ port: proxyPort, cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem'), upstream: relay.url.replace(/\/$/, '') });
  writeFileSync(join(dir, 'nginx.conf'), `
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${dir};
  proxy_temp_path ${dir};
  ${server}
}
`);
  nginx = spawn(process.env.NGINX ?? '/usr/sbin/nginx', ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  // Ready when it answers over https (bounded).
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      execFileSync('openssl', ['s_client', '-connect', `127.0.0.1:${proxyPort}`, '-brief'], { input: '', stdio: ['pipe', 'ignore', 'ignore'], timeout: 2000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  await relay?.stop();
  listener?.stop();
  responder?.stop();
});

test('behind the README\'s nginx, the page is served over https and probes through wss://', async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const token = relay.tokenUrl.split('?')[1];
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`https://127.0.0.1:${proxyPort}/?${token}`);
  await page.getByLabel(/Paste what the customer sent/).fill(responder.caPem);
  await page.locator('.found li', { hasText: 'e2e Root CA' }).getByRole('button', { name: 'client trusts it' }).click();
  await page.locator('.config summary').click();
  await fillConfig(page, '#client-cmdline', `mqpgfc -x 127.0.0.1:${listener.port} -ch TO.QM1 MQCNO_VERSION_4`);
  await fillConfig(page, '#qm-mqsc', 'DEFINE CHANNEL(TO.QM1) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL)');
  await page.locator('#probe-live').click();
  await page.locator('[data-field="live-log"]', { hasText: /probe of 127\.0\.0\.1:\d+: TLSv1_3/ }).waitFor({ timeout: 15000 });
  assert.ok(sockets.some((url) => url.startsWith(`wss://127.0.0.1:${proxyPort}/api/tunnel`)), sockets.join(', '));
  // nginx passed the upgrade on: its log shows the tunnel's 101.
  const access = readFileSync(join(dir, 'access.log'), 'utf8');
  assert.match(access, /"GET \/api\/tunnel\?[^"]*" 101 /);
  await context.close();
});
