// Shared by the end-to-end tests: start the real relay on a free port, launch Debian's Chromium
// through playwright-core, make certificates with the real openssl. Everything is reaped.
import { spawn, execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/** Starts the relay serving dist/ on an ephemeral port; resolves once it printed its URL. */
export async function startRelay(extraArgs = [], { embedded = false } = {}) {
  const binary = process.env.MQOCSP_RELAY ?? join(ROOT, 'target', 'release', 'mqocsp-relay');
  const ui = embedded ? [] : ['--ui', join(ROOT, 'dist')];
  const child = spawn(binary, ['--listen', '127.0.0.1:0', ...ui, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let tokenUrl = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 20000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/at (http:\/\/127\.0\.0\.1:\d+\/)(\?token=[0-9a-f]+)/);
      if (match) {
        clearTimeout(timer);
        tokenUrl = match[1] + match[2];
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`relay exited with ${code}:\n${output}`)));
  });
  return {
    url,
    tokenUrl,
    /** Everything the relay printed so far. */
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Launches headless Debian Chromium with the flags this closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A self-signed certificate made by openssl with the given subject; returns its PEM. */
export function opensslCertificate(subject, serial = '0x0a1b') {
  const dir = mkdtempSync(join(tmpdir(), 'mqocsp-e2e-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-subj', subject, '-set_serial', serial, '-days', '30',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return readFileSync(join(dir, 'cert.pem'), 'utf8');
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** An openssl CA with one queue manager certificate (serial 01) and its `openssl ocsp` responder
 * on a free port, ready when it says so. The responder's index.txt lists serial 01 as valid
 * (`good`), revoked (`revoked`), or lists only another serial (`unknown`). With `intermediate`,
 * an issuing CA (serial 02 under the root) signs the queue manager's certificate and runs the
 * responder, which then knows leaf serials only; the listener started on `dir` sends the chain.
 * Returns PEMs, the URL and a stop function. */
export async function opensslResponder({ status = 'good', intermediate = false, aia = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mqocsp-e2e-ocsp-'));
  // With `aia`, the queue manager's certificate names this responder in its AIA (the only
  // source a Java or managed .NET client asks).
  const port = await freePort();
  const aiaExt = aia ? ['-addext', `authorityInfoAccess=OCSP;URI:http://127.0.0.1:${port}/`] : [];
  const run = (args) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem',
    '-days', '3650', '-subj', '/C=AU/O=Pulsar/CN=e2e Root CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'qm.key', '-out', 'qm.csr', '-subj', '/C=AU/O=Pulsar/CN=qm-e2e',
    '-addext', 'subjectAltName=DNS:qm-e2e', '-addext', 'extendedKeyUsage=serverAuth,clientAuth', ...aiaExt]);
  const signer = intermediate ? 'issuing' : 'ca';
  if (intermediate) {
    run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'issuing.key', '-out', 'issuing.csr', '-subj', '/C=AU/O=Pulsar/CN=e2e Issuing CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    run(['x509', '-req', '-in', 'issuing.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2', '-days', '1825', '-copy_extensions', 'copyall', '-out', 'issuing.pem']);
  }
  run(['x509', '-req', '-in', 'qm.csr', '-CA', `${signer}.pem`, '-CAkey', `${signer}.key`, '-set_serial', '1', '-days', '365', '-copy_extensions', 'copyall', '-out', 'qm.pem']);
  const end = execFileSync('openssl', ['x509', '-noout', '-enddate', '-dateopt', 'iso_8601', '-in', 'qm.pem'], { cwd: dir }).toString();
  const digits = end.replace(/[^0-9]/g, '').slice(2, 14);
  const { writeFileSync } = await import('node:fs');
  const line = {
    good: `V\t${digits}Z\t\t01\tunknown\t/C=AU/O=Pulsar/CN=qm-e2e`,
    revoked: `R\t${digits}Z\t250101000000Z,keyCompromise\t01\tunknown\t/C=AU/O=Pulsar/CN=qm-e2e`,
    unknown: `V\t${digits}Z\t\t02\tunknown\t/C=AU/O=Pulsar/CN=someone-else`,
  }[status];
  writeFileSync(join(dir, 'index.txt'), `${line}\n`);
  const child = spawn('openssl', ['ocsp', '-index', 'index.txt', '-CA', `${signer}.pem`, '-rsigner', `${signer}.pem`, '-rkey', `${signer}.key`, '-port', String(port), '-ignore_err'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('openssl ocsp did not start')), 10000);
    child.stderr.on('data', (chunk) => { if (chunk.toString().includes('waiting for OCSP client connections')) { clearTimeout(timer); resolve(); } });
  });
  return {
    dir,
    port,
    url: `http://127.0.0.1:${port}/`,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    qmPem: readFileSync(join(dir, 'qm.pem'), 'utf8'),
    listenerArgs: intermediate ? ['-cert_chain', 'issuing.pem'] : [],
    stop() { child.kill(); },
  };
}

/** A CA whose queue manager certificate names a CRL distribution point on 127.0.0.1, and a plain
 * HTTP server there serving the CA's CRL (`openssl ca -gencrl`, DER) as it is on disk. `revoke()`
 * revokes the certificate and republishes the CRL. Returns PEMs, the CDP URL and its port. */
export async function crlDistributionPoint() {
  const dir = mkdtempSync(join(tmpdir(), 'mqocsp-e2e-cdp-'));
  const { writeFileSync } = await import('node:fs');
  const http = await import('node:http');
  const run = (args) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const server = http.createServer((request, response) => {
    try {
      const body = readFileSync(join(dir, 'crl.der'));
      response.writeHead(request.url === '/ca.crl' ? 200 : 404, { 'content-type': 'application/pkix-crl', 'content-length': body.length });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-length': 0 });
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const url = `http://127.0.0.1:${port}/ca.crl`;
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem',
    '-days', '3650', '-subj', '/C=AU/O=Pulsar/CN=e2e CDP CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'qm.key', '-out', 'qm.csr', '-subj', '/C=AU/O=Pulsar/CN=qm-cdp',
    '-addext', 'subjectAltName=DNS:qm-cdp', '-addext', 'extendedKeyUsage=serverAuth,clientAuth', '-addext', `crlDistributionPoints=URI:${url}`]);
  run(['x509', '-req', '-in', 'qm.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '1', '-days', '365', '-copy_extensions', 'copyall', '-out', 'qm.pem']);
  writeFileSync(join(dir, 'openssl.cnf'), '[ca]\ndefault_ca=testca\n[testca]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=7\n');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  const publish = (index) => {
    writeFileSync(join(dir, 'index.txt'), index);
    run(['ca', '-config', 'openssl.cnf', '-gencrl', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-out', 'crl.pem', '-batch']);
    run(['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der']);
  };
  publish('');
  return {
    dir,
    port,
    url,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    qmPem: readFileSync(join(dir, 'qm.pem'), 'utf8'),
    revoke() { publish('R\t491231235959Z\t250101000000Z,keyCompromise\t01\tunknown\t/C=AU/O=Pulsar/CN=qm-cdp\n'); },
    stop() { server.close(); },
  };
}

/** A port on 127.0.0.1 that was free a moment ago (nothing listens on it). */
export async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const p = server.address().port; server.close(() => resolve(p)); });
  });
}

/** `openssl s_server` with the queue manager certificate in `dir`, standing in for a listener. */
export async function startTlsServer(dir, extraArgs = []) {
  const port = await freePort();
  const child = spawn('openssl', ['s_server', '-accept', String(port), '-cert', 'qm.pem', '-key', 'qm.key', ...extraArgs], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('openssl s_server did not start')), 10000);
    child.stdout.on('data', (chunk) => { if (chunk.toString().includes('ACCEPT')) { clearTimeout(timer); resolve(); } });
  });
  return { port, stop() { child.kill(); } };
}

/** Types `text` into one of the case's configuration fields (`#client-cmdline`, `#qm-mqsc`…),
 * opening the "Configuration" section first as a user would: while it is closed its fields are
 * not laid out (a ticket's logs in them cost the page a long layout). */
export async function fillConfig(page, selector, text) {
  const config = page.locator('details.config');
  if (!(await config.evaluate((d) => d.open))) await config.locator('summary').click();
  await page.locator(selector).fill(text);
}

/** For a test file: the relay serving dist/ and a browser, started before its first test and
 * stopped after its last (`suite.relay`, `suite.browser`). */
export function pageSuite() {
  const suite = {};
  before(async () => {
    suite.relay = await startRelay();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.relay?.stop();
  });
  return suite;
}
