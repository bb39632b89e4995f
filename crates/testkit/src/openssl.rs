//! A certificate authority run by the real `openssl` command, the way the seed walk-through runs
//! one: `index.txt`, `openssl ocsp` answering requests, `openssl ca -gencrl`.
//!
//! Everything lives in a scratch folder; every command's failure panics with its stderr, because a
//! test cannot go on without its fixtures.

use crate::scratch::ScratchDir;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Extensions for a server (queue manager) certificate with an AIA OCSP URL.
pub const SERVER_EXTENSIONS: &str = "\
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:qm1.example.test,IP:127.0.0.1
authorityInfoAccess=OCSP;URI:http://127.0.0.1:2560/,caIssuers;URI:http://ca.example.test/ca.crt
crlDistributionPoints=URI:http://ca.example.test/ca.crl
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
certificatePolicies=1.3.6.1.4.1.99999.1.1
";

/// Extensions for a delegated OCSP responder certificate (RFC 6960 §4.2.2.2).
pub const RESPONDER_EXTENSIONS: &str = "\
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=OCSPSigning
noCheck=ignored
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
";

/// Extensions for an intermediate CA.
pub const INTERMEDIATE_EXTENSIONS: &str = "\
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
authorityInfoAccess=OCSP;URI:http://127.0.0.1:2561/
";

/// Runs a command and returns its stdout; panics with stderr on failure.
pub fn run(command: &mut Command) -> Vec<u8> {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("running {command:?}: {error}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn openssl() -> Command {
    Command::new("openssl")
}

/// One index.txt row (tab-separated; see mq-reference §12).
#[derive(Clone, Debug)]
struct Row {
    status: char,
    expiry: String,
    revocation: String,
    serial_hex: String,
    subject: String,
}

/// A CA with its key, certificate, `index.txt` and config, in its own folder.
#[derive(Debug)]
pub struct OpensslCa {
    dir: ScratchDir,
    rows: Vec<Row>,
    /// How the CA key signs (`-sigopt` pairs): empty, or RSASSA-PSS.
    sigopts: Vec<&'static str>,
}

/// RSASSA-PSS signing, with OpenSSL 3.0's default salt (the longest the key allows).
const PSS: &[&str] = &["rsa_padding_mode:pss"];

/// How `openssl ocsp` should answer.
#[derive(Clone, Debug, Default)]
pub struct Answer {
    /// `-ndays N`: set nextUpdate N days after thisUpdate (absent when `None`, as in the seed).
    pub next_update_days: Option<u32>,
    /// `-resp_key_id`: responderID by key hash instead of by name.
    pub by_key: bool,
    /// `-resp_no_certs`: leave the signer's certificate out.
    pub no_certs: bool,
    /// Sign with this delegated responder (cert and key paths) instead of the CA.
    pub signer: Option<(PathBuf, PathBuf)>,
}

impl OpensslCa {
    /// A self-signed root CA (EC P-256) with `subject` like `/C=AU/O=Pulsar/CN=Test CA`.
    pub fn root(purpose: &str, subject: &str) -> Self {
        Self::make_root(
            purpose,
            subject,
            &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
            &[],
        )
    }

    /// A self-signed root CA with an RSA-2048 key that signs everything with RSASSA-PSS as
    /// OpenSSL 3.0 does by default (SHA-256, the longest salt): its certificate, the
    /// certificates it issues, its OCSP responses and CRLs.
    pub fn root_rsa_pss(purpose: &str, subject: &str) -> Self {
        Self::make_root(purpose, subject, &["-newkey", "rsa:2048", "-sha256"], PSS)
    }

    fn make_root(
        purpose: &str,
        subject: &str,
        key: &[&str],
        sigopts: &'static [&'static str],
    ) -> Self {
        let dir = ScratchDir::new(purpose);
        let mut command = openssl();
        command
            .current_dir(dir.path())
            .args(["req", "-x509"])
            .args(key)
            .args([
                "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650", "-subj",
            ])
            .arg(subject)
            .args(["-addext", "basicConstraints=critical,CA:TRUE"])
            .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        for option in sigopts {
            command.args(["-sigopt", option]);
        }
        run(&mut command);
        Self::in_dir(dir, sigopts)
    }

    /// A CA whose `ca.pem` and `ca.key` are in `dir`: its `openssl ca` configuration, CRL
    /// number and empty index.txt.
    fn in_dir(dir: ScratchDir, sigopts: &'static [&'static str]) -> Self {
        dir.write(
            "openssl.cnf",
            "[ca]\ndefault_ca=testca\n[testca]\ndatabase=index.txt\ncrlnumber=crlnumber\n\
             default_md=sha256\ndefault_crl_days=7\n",
        );
        dir.write("crlnumber", "01\n");
        let ca = Self {
            dir,
            rows: Vec::new(),
            sigopts: sigopts.to_vec(),
        };
        ca.write_index();
        ca
    }

    /// The folder everything is in.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The CA certificate (PEM file).
    pub fn cert_path(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// The CA certificate, PEM text.
    pub fn cert_pem(&self) -> String {
        self.read_text("ca.pem")
    }

    /// Reads a file of the CA's folder as text.
    pub fn read_text(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name))
            .unwrap_or_else(|error| panic!("reading {name}: {error}"))
    }

    fn write_index(&self) {
        let mut text = String::new();
        for row in &self.rows {
            let _ = writeln!(
                text,
                "{}\t{}\t{}\t{}\tunknown\t{}",
                row.status, row.expiry, row.revocation, row.serial_hex, row.subject
            );
        }
        self.dir.write("index.txt", text);
    }

    /// Issues `name.pem` / `name.key` with `subject`, `serial` and the given extension lines,
    /// and records it as valid in `index.txt`. Returns the certificate's path.
    pub fn issue(&mut self, name: &str, subject: &str, serial: u64, extensions: &str) -> PathBuf {
        self.issue_with(name, subject, serial, extensions, &[])
    }

    /// As [`OpensslCa::issue`], with more arguments for the signing `openssl x509 -req` (a
    /// digest such as `-sha384`, `-sigopt rsa_pss_saltlen:digest`).
    pub fn issue_with(
        &mut self,
        name: &str,
        subject: &str,
        serial: u64,
        extensions: &str,
        signing: &[&str],
    ) -> PathBuf {
        let dir = self.dir.path();
        self.dir
            .write(&format!("{name}.ext"), format!("[v3]\n{extensions}"));
        run(openssl()
            .current_dir(dir)
            .args([
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
            ])
            .args([
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
            ])
            .arg("-subj")
            .arg(subject));
        run(openssl()
            .current_dir(dir)
            .args([
                "x509",
                "-req",
                "-in",
                &format!("{name}.csr"),
                "-CA",
                "ca.pem",
            ])
            .args([
                "-CAkey",
                "ca.key",
                "-set_serial",
                &serial.to_string(),
                "-days",
                "3650",
            ])
            .args(["-extfile", &format!("{name}.ext"), "-extensions", "v3"])
            .args(["-out", &format!("{name}.pem")])
            .args(self.sigopts.iter().flat_map(|o| ["-sigopt", o]))
            .args(signing));
        let expiry = String::from_utf8_lossy(&run(openssl()
            .current_dir(dir)
            .args(["x509", "-noout", "-enddate", "-dateopt", "iso_8601", "-in"])
            .arg(format!("{name}.pem"))))
        .into_owned();
        // "notAfter=2036-11-24 14:00:00Z" -> "361124140000Z"
        let digits: String = expiry.chars().filter(char::is_ascii_digit).collect();
        self.rows.push(Row {
            status: 'V',
            expiry: format!("{}Z", digits.get(2..14).unwrap_or_default()),
            revocation: String::new(),
            serial_hex: format!("{serial:02X}"),
            subject: subject.to_owned(),
        });
        self.write_index();
        dir.join(format!("{name}.pem"))
    }

    /// Marks `serial` revoked at `when` (`YYMMDDHHMMSSZ`) with an optional reason word.
    pub fn revoke(&mut self, serial: u64, when: &str, reason: Option<&str>) {
        let hex = format!("{serial:02X}");
        for row in self.rows.iter_mut().filter(|row| row.serial_hex == hex) {
            row.status = 'R';
            row.revocation = match reason {
                Some(reason) => format!("{when},{reason}"),
                None => when.to_owned(),
            };
        }
        self.write_index();
    }

    /// `openssl ocsp -issuer ca.pem -cert CERT -reqout`: the request DER.
    pub fn request(&self, cert: &Path, nonce: bool) -> Vec<u8> {
        let out = self.dir.path().join("request.der");
        let mut command = openssl();
        command
            .current_dir(self.dir.path())
            .args(["ocsp", "-issuer", "ca.pem", "-cert"])
            .arg(cert);
        command.arg("-reqout").arg(&out);
        if !nonce {
            command.arg("-no_nonce");
        }
        run(&mut command);
        std::fs::read(&out).unwrap_or_else(|error| panic!("reading the request: {error}"))
    }

    /// `openssl ocsp -index index.txt ... -reqin`: the responder's answer to `request`.
    pub fn respond(&self, request: &[u8], answer: &Answer) -> Vec<u8> {
        let dir = self.dir.path();
        let request_path = self.dir.write("answer-request.der", request);
        let out = dir.join("response.der");
        let mut command = openssl();
        command
            .current_dir(dir)
            .args(["ocsp", "-index", "index.txt", "-CA", "ca.pem"]);
        match &answer.signer {
            Some((cert, key)) => command.arg("-rsigner").arg(cert).arg("-rkey").arg(key),
            None => command
                .args(["-rsigner", "ca.pem", "-rkey", "ca.key"])
                .args(self.sigopts.iter().flat_map(|o| ["-rsigopt", o])),
        };
        command
            .arg("-reqin")
            .arg(&request_path)
            .arg("-respout")
            .arg(&out);
        if let Some(days) = answer.next_update_days {
            command.args(["-ndays", &days.to_string()]);
        }
        if answer.by_key {
            command.arg("-resp_key_id");
        }
        if answer.no_certs {
            command.arg("-resp_no_certs");
        }
        run(&mut command);
        std::fs::read(&out).unwrap_or_else(|error| panic!("reading the response: {error}"))
    }

    /// `openssl ca -gencrl`: the CA's CRL, DER.
    pub fn crl(&self) -> Vec<u8> {
        run(openssl()
            .current_dir(self.dir.path())
            .args([
                "ca",
                "-config",
                "openssl.cnf",
                "-gencrl",
                "-keyfile",
                "ca.key",
            ])
            .args(["-cert", "ca.pem", "-out", "crl.pem", "-batch"])
            .args(self.sigopts.iter().flat_map(|o| ["-sigopt", o])));
        run(openssl().current_dir(self.dir.path()).args([
            "crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der",
        ]));
        std::fs::read(self.dir.path().join("crl.der"))
            .unwrap_or_else(|error| panic!("reading the CRL: {error}"))
    }

    /// `openssl crl2pkcs7 -nocrl -certfile ...`: a PKCS #7 bundle of the given certificates, PEM.
    pub fn pkcs7(&self, certs: &[&Path]) -> String {
        let mut command = openssl();
        command
            .current_dir(self.dir.path())
            .args(["crl2pkcs7", "-nocrl"]);
        for cert in certs {
            command.arg("-certfile").arg(cert);
        }
        String::from_utf8_lossy(&run(&mut command)).into_owned()
    }

    /// What `openssl` itself prints about a file (`x509 -text`, `ocsp -resp_text`, ...).
    pub fn openssl_text(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&run(openssl().current_dir(self.dir.path()).args(args)))
            .into_owned()
    }
}

/// Converts openssl's text time (`Feb  2 08:06:59 2022 GMT`) to RFC 3339 (`2022-02-02T08:06:59Z`).
pub fn rfc3339_from_openssl(text: &str) -> String {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [month, day, clock, year, "GMT"] = parts.as_slice() else {
        panic!("not an openssl time: {text:?}");
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS
        .iter()
        .position(|m| m == month)
        .unwrap_or_else(|| panic!("month in {text:?}"))
        + 1;
    let day: u32 = day.parse().unwrap_or_else(|_| panic!("day in {text:?}"));
    format!("{year}-{month:02}-{day:02}T{clock}Z")
}

/// The value after `key: ` on every line of openssl's text output that has it, trimmed.
pub fn values<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| {
            line.trim()
                .strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
        })
        .map(str::trim)
        .collect()
}

/// A free TCP port on 127.0.0.1 (bound and released; fine for tests on one machine).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|error| panic!("finding a free port: {error}"))
}

/// Waits until something accepts connections on 127.0.0.1:`port`; panics after 10 s.
pub fn wait_for_port(port: u16, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "{what} did not start listening on port {port}"
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// A running `openssl ocsp` responder for a CA, killed on drop.
#[derive(Debug)]
pub struct OcspServer {
    child: std::process::Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl OcspServer {
    /// Starts `openssl ocsp -index index.txt -CA ca.pem -rsigner ca.pem -rkey ca.key -port P`,
    /// as the seed does, and waits for its "waiting for OCSP client connections" line. (Probing
    /// the port instead would hang it: the responder serves one connection at a time and waits
    /// for a request on the probe's.)
    pub fn start(ca: &OpensslCa) -> Self {
        let port = free_port();
        let args: Vec<String> = [
            "ocsp",
            "-index",
            "index.txt",
            "-CA",
            "ca.pem",
            "-rsigner",
            "ca.pem",
            "-rkey",
            "ca.key",
            "-port",
            &port.to_string(),
            "-ignore_err",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let child = spawn_ready(
            ca.dir(),
            &args,
            "waiting for OCSP client connections",
            false,
        );
        Self { child, port }
    }

    /// Its URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

impl Drop for OcspServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Spawns `openssl` with `args` in `dir` and waits until a line of its `stream` contains `ready`.
fn spawn_ready(
    dir: &Path,
    args: &[String],
    ready: &'static str,
    from_stdout: bool,
) -> std::process::Child {
    use std::io::BufRead as _;
    let mut command = Command::new("openssl");
    command
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::piped());
    if from_stdout {
        command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
    } else {
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
    }
    let mut child = command
        .spawn()
        .unwrap_or_else(|error| panic!("starting openssl {args:?}: {error}"));
    let reader: Box<dyn std::io::Read + Send> = if from_stdout {
        Box::new(child.stdout.take().unwrap_or_else(|| panic!("no stdout")))
    } else {
        Box::new(child.stderr.take().unwrap_or_else(|| panic!("no stderr")))
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(reader)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains(ready) {
                let _ = tx.send(());
            }
        }
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("openssl {args:?} did not become ready"));
    child
}

/// A running `openssl s_server` standing in for a queue manager listener, killed on drop.
#[derive(Debug)]
pub struct TlsServer {
    child: std::process::Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl TlsServer {
    /// `openssl s_server -accept P -cert NAME.pem -key NAME.key -CAfile ca.pem` plus `extra`
    /// (e.g. `-Verify 1` to demand a client certificate), ready when it prints ACCEPT.
    pub fn start(ca: &OpensslCa, name: &str, extra: &[&str]) -> Self {
        let port = free_port();
        let mut args: Vec<String> = [
            "s_server",
            "-accept",
            &port.to_string(),
            "-cert",
            &format!("{name}.pem"),
            "-key",
            &format!("{name}.key"),
            "-CAfile",
            "ca.pem",
            "-quiet",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        // -quiet hides ACCEPT; wait on it without -quiet instead.
        args.retain(|a| a != "-quiet");
        let child = spawn_ready(ca.dir(), &args, "ACCEPT", true);
        Self { child, port }
    }

    /// `127.0.0.1:PORT`.
    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl OpensslCa {
    /// An intermediate CA issued by this CA (serial `serial`), with its own folder, key and
    /// index.txt, ready to issue.
    pub fn intermediate(&mut self, name: &str, subject: &str, serial: u64) -> OpensslCa {
        let cert = self.issue(name, subject, serial, INTERMEDIATE_EXTENSIONS);
        let dir = ScratchDir::new(&format!("{name}-ca"));
        std::fs::copy(&cert, dir.path().join("ca.pem"))
            .unwrap_or_else(|error| panic!("copying {name}: {error}"));
        std::fs::copy(
            self.dir().join(format!("{name}.key")),
            dir.path().join("ca.key"),
        )
        .unwrap_or_else(|error| panic!("copying {name}.key: {error}"));
        // Its key is an EC key, as `issue` makes them.
        OpensslCa::in_dir(dir, &[])
    }
}
