//! The attack suite's peers: the release relay in its own process, canary targets that record
//! every byte that reaches them, and a raw HTTP client that sends exactly the bytes a case names.
//! Everything listens on and connects to 127.0.0.1 only; every wait is bounded.

use std::io::{BufRead as _, Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The release relay binary: `MQOCSP_RELAY`, or `target/release/mqocsp-relay` built once per run
/// (cargo decides whether anything changed), so the suite always attacks the current code.
pub fn binary() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            if let Some(path) = std::env::var_os("MQOCSP_RELAY") {
                return PathBuf::from(path);
            }
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--release", "--locked", "-p", "mqocsp-relay"])
                .current_dir(&root)
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building the release relay failed");
            root.join("target/release/mqocsp-relay")
        })
        .clone()
}

/// A relay process; killed and reaped on drop.
pub struct Relay {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its token.
    pub token: String,
    log: Arc<Mutex<String>>,
    /// The `--ui` folder (see [`ui_dir`]).
    pub ui: mqocsp_testkit::scratch::ScratchDir,
    _secrets: mqocsp_testkit::scratch::ScratchDir,
}

/// A page folder with traps: a dotfile, a dot-folder, and a symlink to a secret outside it.
pub fn ui_dir(secrets: &Path) -> mqocsp_testkit::scratch::ScratchDir {
    let ui = mqocsp_testkit::scratch::ScratchDir::new("relay-attack-ui");
    ui.write(
        "index.html",
        "<!doctype html><title>attack page</title><script type=\"module\">init();</script>",
    );
    ui.write("app.js", "console.log('page');");
    ui.write(".env", "DOTFILE-SECRET");
    std::fs::create_dir_all(ui.path().join("sub/.git")).unwrap();
    std::fs::write(ui.path().join("sub/.git/config"), "GIT-SECRET").unwrap();
    std::os::unix::fs::symlink(secrets.join("outside.txt"), ui.path().join("link.txt")).unwrap();
    std::os::unix::fs::symlink(secrets, ui.path().join("linkdir")).unwrap();
    ui
}

impl Relay {
    /// Starts the release relay on 127.0.0.1 with a token from `--token-file` and `args`.
    pub fn start(args: &[String]) -> Self {
        let secrets = mqocsp_testkit::scratch::ScratchDir::new("relay-attack-secrets");
        secrets.write("outside.txt", "OUTSIDE-SECRET");
        let token = mqocsp_relay::new_token();
        let token_file = secrets.write("token", format!("{token}\n"));
        let ui = ui_dir(secrets.path());
        let mut child = Command::new(binary())
            .args(["--listen", "127.0.0.1:0", "--ui"])
            .arg(ui.path())
            .arg("--token-file")
            .arg(&token_file)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the release relay starts");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (found, address) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(rest) = line.split("at http://").nth(1) {
                    let _ = found.send(rest.split('/').next().unwrap_or_default().to_owned());
                }
            }
        });
        let addr = address
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("the relay did not start: {}", log.lock().unwrap()))
            .parse()
            .unwrap();
        Self {
            child,
            addr,
            token,
            log,
            ui,
            _secrets: secrets,
        }
    }

    /// Everything it logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits (at most 10 s) until the log holds `needle`; returns the log.
    pub fn wait_log(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let log = self.log();
            if log.contains(needle) || Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A request head for this relay: `METHOD PATH`, its Host and Origin, and `headers`.
    pub fn head(&self, method: &str, path: &str, headers: &str) -> String {
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {0}\r\nOrigin: http://{0}\r\n{headers}Connection: close\r\n\r\n",
            self.addr
        )
    }

    /// `POST /api/ocsp` with `json`, the token and the page's headers.
    pub fn ocsp(&self, json: &str) -> Answer {
        let head = self.head(
            "POST",
            "/api/ocsp",
            &format!(
                "X-Mqocsp-Token: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
                self.token,
                json.len()
            ),
        );
        send(self.addr, format!("{head}{json}").as_bytes())
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer as received.
#[derive(Debug)]
pub struct Answer {
    /// The status (0 when the connection closed without one).
    pub status: u16,
    /// The status line and headers, as received.
    pub head: String,
    /// The body.
    pub body: String,
}

/// Sends `bytes` and reads the answer until the close (at most 10 s).
pub fn send(addr: SocketAddr, bytes: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(bytes);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Answer {
        status: head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0),
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

/// A target on 127.0.0.1 that records every request reaching it and answers each with `answer`
/// (or holds the connection open without answering when `answer` is empty).
pub struct Canary {
    /// Where it listens.
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Canary {
    pub fn start(answer: &[u8]) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen: Arc<Mutex<Vec<Vec<u8>>>> = Arc::default();
        let record = seen.clone();
        let answer = answer.to_vec();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let record = record.clone();
                let answer = answer.clone();
                std::thread::spawn(move || {
                    stream.set_read_timeout(Some(Duration::from_secs(1))).ok();
                    let mut raw = Vec::new();
                    let mut chunk = [0u8; 4096];
                    while let Ok(n) = stream.read(&mut chunk) {
                        if n == 0 {
                            break;
                        }
                        raw.extend_from_slice(&chunk[..n]);
                        if complete_request(&raw) {
                            break;
                        }
                    }
                    record.lock().unwrap().push(raw);
                    if answer.is_empty() {
                        std::thread::sleep(Duration::from_secs(30));
                    } else {
                        let _ = stream.write_all(&answer);
                    }
                });
            }
        });
        Self { addr, seen }
    }

    /// An OCSP-ish answer: 200 with a small body.
    pub fn ok() -> Self {
        Self::start(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: 4\r\n\r\nOCSP",
        )
    }

    /// The requests that reached it.
    pub fn seen(&self) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .collect()
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }
}

fn complete_request(raw: &[u8]) -> bool {
    let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    raw.len() >= end + 4 + length
}
