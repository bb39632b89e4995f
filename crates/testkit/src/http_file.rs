//! A plain HTTP/1.0 server for one file, standing in for a CA's CRL distribution point (a CDP is
//! any web server; `openssl` has none that speaks plain HTTP). It answers every GET of its path
//! with the file as it is on disk at that moment (404 when it is missing or the path differs),
//! and stops when dropped.

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; stopped on drop.
#[derive(Debug)]
pub struct HttpFile {
    url: String,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
}

impl HttpFile {
    /// Serves the file `file` at `http://127.0.0.1:<port>/<path>`.
    pub fn start(path: &str, file: std::path::PathBuf) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|error| panic!("binding the file server: {error}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        listener
            .set_nonblocking(true)
            .unwrap_or_else(|error| panic!("non-blocking listener: {error}"));
        let (stop, served) = (
            Arc::new(AtomicBool::new(false)),
            Arc::new(AtomicUsize::new(0)),
        );
        let wanted = format!("GET /{path} ");
        let thread = {
            let (stop, served) = (stop.clone(), served.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Ok((mut stream, _)) = listener.accept() else {
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    };
                    let _ = stream.set_nonblocking(false);
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                    let mut request = Vec::new();
                    let mut chunk = [0u8; 1024];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut chunk) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => request.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let bytes = request
                        .starts_with(wanted.as_bytes())
                        .then(|| std::fs::read(&file).ok())
                        .flatten();
                    let response = if let Some(bytes) = bytes {
                        served.fetch_add(1, Ordering::Relaxed);
                        let mut head = format!(
                            "HTTP/1.0 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: {}\r\n\r\n",
                            bytes.len()
                        )
                        .into_bytes();
                        head.extend_from_slice(&bytes);
                        head
                    } else {
                        b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec()
                    };
                    let _ = stream.write_all(&response);
                }
            })
        };
        Self {
            url: format!("http://127.0.0.1:{port}/{path}"),
            stop,
            served,
            thread: Some(thread),
        }
    }

    /// Its URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// How many times the file was served.
    pub fn served(&self) -> usize {
        self.served.load(Ordering::Relaxed)
    }
}

impl Drop for HttpFile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
