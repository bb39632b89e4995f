// The measurements behind scripts/bench. Fixtures are made fresh with openssl in a temporary
// folder; each command runs MQOCSP_BENCH_RUNS times (after one warm-up) and the median is shown.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { pageTimings, shareLinkGrowth } from './bench-page.mjs';
import { printWasmCost } from './wasm-cost.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.MQOCSP_BENCH_RUNS ?? 9);
const MQOCSP = join(ROOT, 'target', 'release', 'mqocsp');
const dir = mkdtempSync(join(tmpdir(), 'mqocsp-bench-'));
const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });

/** Median wall time in ms of `command args`, which must exit with one of `okCodes`. */
function time(command, args, okCodes = [0]) {
  const once = () => {
    const started = process.hrtime.bigint();
    const run = spawnSync(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!okCodes.includes(run.status)) {
      throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
    return ms;
  };
  once();
  const runs = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

const rows = [];
function compare(what, ours, theirs, target) {
  const ratio = ours / theirs;
  rows.push([what, `${ours.toFixed(1)} ms`, `${theirs.toFixed(1)} ms`, ratio.toFixed(2), target]);
}

// A 1,000-certificate PEM bundle: 20 distinct RSA-2048 leaves under one CA, repeated.
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
writeFileSync(join(dir, 'bundle.pem'), Array.from({ length: 1000 }, (_, i) => leaves[i % 20]).join(''));
compare('decode 1,000 certificates (whole process)',
  time(MQOCSP, ['decode', '--json', 'bundle.pem']),
  time('openssl', ['storeutl', '-noout', '-text', '-certs', 'bundle.pem']),
  'ratio <= 0.25');

// One OCSP response signed by a delegated responder (RSA-2048, id-kp-OCSPSigning).
openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'responder.key', '-out', 'responder.csr', '-subj', '/C=AU/O=Pulsar/CN=Bench OCSP responder',
  '-addext', 'extendedKeyUsage=OCSPSigning', '-addext', 'keyUsage=critical,digitalSignature');
openssl('x509', '-req', '-in', 'responder.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '100', '-days', '365', '-copy_extensions', 'copyall', '-out', 'responder.pem');
const end = openssl('x509', '-noout', '-enddate', '-dateopt', 'iso_8601', '-in', 'leaf1.pem').toString();
writeFileSync(join(dir, 'index.txt'), `V\t${end.replace(/[^0-9]/g, '').slice(2, 14)}Z\t\t01\tunknown\t/C=AU/O=Pulsar/CN=qm1.bench.test\n`);
openssl('ocsp', '-issuer', 'ca.pem', '-cert', 'leaf1.pem', '-no_nonce', '-reqout', 'request.der');
openssl('ocsp', '-index', 'index.txt', '-CA', 'ca.pem', '-rsigner', 'responder.pem', '-rkey', 'responder.key', '-reqin', 'request.der', '-respout', 'response.der');
compare('verify one OCSP response, delegated responder (whole process)',
  time(MQOCSP, ['verify-ocsp', '--response', 'response.der', '--issuer', 'ca.pem', '--cert', 'leaf1.pem', '--untrusted', 'responder.pem']),
  time('openssl', ['ocsp', '-respin', 'response.der', '-issuer', 'ca.pem', '-cert', 'leaf1.pem', '-verify_other', 'responder.pem', '-CAfile', 'ca.pem', '-no_nonce']),
  'ratio <= 1');

// The same verification in process (criterion, crates/core/benches/ocsp_verify.rs), same bytes.
const criterion = spawnSync('cargo', ['bench', '--locked', '-q', '-p', 'mqocsp-core', '--bench', 'ocsp_verify', '--',
  '--warm-up-time', '1', '--measurement-time', '3', '--noplot'], { cwd: ROOT, env: { ...process.env, MQOCSP_BENCH_DIR: dir }, encoding: 'utf8' });
if (criterion.status !== 0) throw new Error(`criterion bench failed:\n${criterion.stdout}\n${criterion.stderr}`);
const inProcess = [...criterion.stdout.matchAll(/^(ocsp\/.+?)\s*\n?\s+time:\s+\[\S+ \S+ (\S+) (\S+)/gm)]
  .map(([, name, value, unit]) => [name.trim(), `${value} ${unit}`]);
if (inProcess.length === 0) throw new Error(`no criterion figures in:\n${criterion.stdout}`);

// The page in headless Chromium: a 3-certificate case with its OCSP response, and the bundle.
const pem = (label, der) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
const threeCertCase = ['ca.pem', 'leaf1.pem', 'responder.pem'].map((f) => readFileSync(join(dir, f), 'utf8')).join('')
  + pem('OCSP RESPONSE', readFileSync(join(dir, 'response.der')));
const page = [...await pageTimings({
  threeCertCase,
  threeCertSummary: '4 objects, 0 problems',
  bundle: readFileSync(join(dir, 'bundle.pem'), 'utf8'),
  runs: Math.min(RUNS, 5),
}), ...await shareLinkGrowth()];

// The web bundle as scripts/run serves it.
const dist = join(ROOT, 'dist');
const size = { wasm: [0, 0], js: [0, 0] };
for (const name of readdirSync(dist)) {
  const kind = name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'js' : null;
  if (!kind) continue;
  const bytes = readFileSync(join(dist, name));
  size[kind][0] += statSync(join(dist, name)).size;
  size[kind][1] += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

console.log(`\nmqocsp bench — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`${execFileSync('openssl', ['version']).toString().trim()}; median of ${RUNS} runs after one warm-up\n`);
const table = [['measurement', 'mqocsp', 'openssl', 'ratio', 'target'], ...rows];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log("\nOCSP verification in process (criterion's estimate per iteration; the same response as above):");
for (const [name, value] of inProcess) console.log(`  ${name.padEnd(32)}  ${value}`);
console.log(`\nthe page in headless Chromium (${execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()}; median of ${Math.min(RUNS, 5)} runs):`);
const pageWidth = Math.max(...page.map((r) => r[0].length));
for (const [what, figure, target] of page) console.log(`  ${what.padEnd(pageWidth)}  ${figure.padStart(9)}  ${target}`);
console.log(`\nweb bundle: wasm ${kb(size.wasm[0])} raw / ${kb(size.wasm[1])} gzip; js ${kb(size.js[0])} raw / ${kb(size.js[1])} gzip; `
  + `total ${kb(size.wasm[1] + size.js[1])} gzip (target <= 800 KB gzip)`);
printWasmCost();
rmSync(dir, { recursive: true, force: true });
