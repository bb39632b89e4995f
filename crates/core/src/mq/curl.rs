//! A responder tried by hand: with `curl` (`curl -v http://ocsp…:8080/`): the URL it asked, the
//! host its shell prompt names, and whether it reached the responder (`< HTTP/1.1 200`,
//! `* Connected to`) or not (`curl: (28) Connection timed out`, `curl: (7) Failed to connect`,
//! `curl: (6) Could not resolve host`; curl's exit codes, libcurl-errors(3)). A run through a
//! proxy (`-x`, `--proxy`, `* Uses proxy env variable`) says nothing about the direct path GSKit
//! takes (it uses no shell proxy variable, APAR IC64358), so it is kept but marked. PowerShell's
//! `Test-NetConnection -Port` that fails is read as well.

/// How a curl run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurlOutcome {
    /// It reached the server (an HTTP status line, or `* Connected to`).
    Reached,
    /// It could not: curl's error as printed (`Connection timed out after 10001 milliseconds`).
    Failed(String),
    /// It reached the server, which answered with an HTTP error status (`403 Forbidden`): no
    /// OCSP response, which GSKit cannot use either.
    HttpError(String),
}

/// One curl run (or another tool's try of a host and port).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurlRun {
    /// The tool (`curl`, `Test-NetConnection`).
    pub tool: &'static str,
    /// The URL is the one the tool asked (curl); otherwise it is made of the host and port
    /// tried, and says nothing of the path.
    pub exact_url: bool,
    /// 1-based line of the command.
    pub line: usize,
    /// The `http://` URL it asked.
    pub url: String,
    /// The host the shell prompt before it names (`[whse@wh-app02 ~]$` → `wh-app02`).
    pub host: Option<String>,
    /// How it ended, with the line that says so.
    pub outcome: Option<(CurlOutcome, usize)>,
    /// It went through a proxy.
    pub proxy: bool,
}

/// The lines after a command read as its output, at most.
const OUTPUT_LINES: usize = 40;

/// Every curl run of an `http://` URL in `text`.
pub fn runs(text: &str) -> Vec<CurlRun> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    for (index, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        let Some(at) = t.find("curl ") else { continue };
        let (prompt, command) = t.split_at(at);
        // A command: after a shell prompt, or alone on its line with an option or URL next.
        let bare = prompt.is_empty()
            && (command.starts_with("curl -") || command.starts_with("curl http"));
        if !(bare || prompt.trim_end().ends_with(['$', '#', '>'])) {
            continue;
        }
        let Some(url) = command
            .split_whitespace()
            .find(|w| w.to_ascii_lowercase().starts_with("http://"))
        else {
            continue;
        };
        let mut run = CurlRun {
            tool: "curl",
            exact_url: true,
            line: index + 1,
            url: url.trim_matches(['\'', '"']).to_owned(),
            host: prompt_host(prompt),
            outcome: None,
            proxy: command.contains(" -x ") || command.contains("--proxy "),
        };
        for (offset, output) in lines.iter().enumerate().skip(index + 1).take(OUTPUT_LINES) {
            let o = output.trim();
            if o.contains("curl ") && o.contains("http") {
                break;
            }
            let line = offset + 1;
            if o.starts_with("* Uses proxy") {
                run.proxy = true;
            } else if let Some(error) = o.strip_prefix("curl: (") {
                let words = error.split_once(") ").map_or(error, |(_, w)| w);
                run.outcome = Some((CurlOutcome::Failed(words.trim().to_owned()), line));
                break;
            } else if let Some(status) = o
                .strip_prefix("< HTTP/")
                .or_else(|| o.strip_prefix("HTTP/"))
            {
                // `1.1 403 Forbidden`: 4xx and 5xx are error statuses (RFC 9110 §15).
                let status = status.split_once(' ').map_or("", |(_, s)| s.trim());
                let error = status.starts_with(['4', '5']);
                run.outcome = Some((
                    if error {
                        CurlOutcome::HttpError(status.to_owned())
                    } else {
                        CurlOutcome::Reached
                    },
                    line,
                ));
                break;
            } else if let Some(failed) = o.strip_prefix("* ").filter(|w| {
                [
                    "Failed to connect to",
                    "Could not resolve host",
                    "Connection timed out",
                    "Resolving timed out",
                ]
                .iter()
                .any(|p| w.starts_with(p))
            }) {
                // `curl -s` prints no `curl: (7)` line; with -v its verbose line says it.
                run.outcome = Some((CurlOutcome::Failed(failed.trim().to_owned()), line));
            } else if o.starts_with("* Connected to") {
                run.outcome = Some((CurlOutcome::Reached, line));
            }
        }
        out.push(run);
    }
    out
}

/// PowerShell's `Test-NetConnection -ComputerName HOST -Port PORT` that failed (`TcpTestSucceeded
/// : False`): that host and port cannot be reached from where it ran. Only failures are kept: a
/// try that succeeds may be of the queue manager's own listener.
pub fn failed_tcp_tests(text: &str) -> Vec<CurlRun> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    for (index, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        let Some(at) = t.find("Test-NetConnection") else {
            continue;
        };
        let prompt = t.get(..at).unwrap_or_default();
        let mut host = None;
        let mut port = None;
        for (offset, output) in lines.iter().enumerate().skip(index + 1).take(OUTPUT_LINES) {
            let o = output.trim();
            if o.contains("Test-NetConnection") {
                break;
            }
            let value = |name: &str| {
                o.strip_prefix(name)
                    .and_then(|r| r.trim_start().strip_prefix(':'))
                    .map(|v| v.trim().to_owned())
            };
            if let Some(v) = value("ComputerName") {
                host = Some(v);
            } else if let Some(v) = value("RemotePort") {
                port = v.parse::<u16>().ok();
            } else if let Some(v) = value("TcpTestSucceeded") {
                if v.eq_ignore_ascii_case("false")
                    && let (Some(host), Some(port)) = (&host, port)
                {
                    out.push(CurlRun {
                        tool: "Test-NetConnection",
                        exact_url: false,
                        line: index + 1,
                        url: format!("http://{host}:{port}/"),
                        // A PowerShell prompt (`PS C:\Users\svc-pay>`) names no host.
                        host: prompt_host(prompt),
                        outcome: Some((
                            CurlOutcome::Failed(format!("TCP connect to {host}:{port} failed")),
                            offset + 1,
                        )),
                        proxy: false,
                    });
                }
                break;
            }
        }
    }
    out
}

/// `openssl ocsp … -url URL` that could not connect (`Error connecting BIO`, `Error querying OCSP
/// responder`, or a `BIO_connect` error line; apps/ocsp.c, crypto/bio/bio_sock2.c): that
/// responder cannot be reached from where it ran. An answer it printed is read elsewhere.
pub fn failed_ocsp_queries(text: &str) -> Vec<CurlRun> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    for (index, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        let Some(at) = t.find("openssl ocsp") else {
            continue;
        };
        let (prompt, command) = t.split_at(at);
        let mut words = command.split_whitespace();
        let Some(url) = words.by_ref().find(|w| *w == "-url").and(words.next()) else {
            continue;
        };
        let failure = lines
            .iter()
            .enumerate()
            .skip(index + 1)
            .take(6)
            .take_while(|(_, l)| !l.contains("openssl ocsp"))
            .find(|(_, l)| {
                let l = l.trim();
                l.starts_with("Error connecting BIO")
                    || l.starts_with("Error querying OCSP responder")
                    || l.contains(":BIO_connect:")
            });
        if let Some((offset, _)) = failure {
            let reason = lines
                .iter()
                .skip(index + 1)
                .take(6)
                .find_map(|l| {
                    l.split(":BIO_connect:")
                        .nth(1)
                        .and_then(|r| r.split(':').next())
                        .filter(|r| !r.is_empty() && *r != "connect error")
                })
                .unwrap_or("Error connecting BIO");
            out.push(CurlRun {
                tool: "openssl ocsp",
                exact_url: true,
                line: index + 1,
                url: url.trim_matches(['\'', '"']).to_owned(),
                host: prompt_host(prompt),
                outcome: Some((CurlOutcome::Failed(reason.to_owned()), offset + 1)),
                proxy: false,
            });
        }
    }
    out
}

/// `[whse@wh-app02 ~]$` or `appuser@appvm12:~$` → the host.
fn prompt_host(prompt: &str) -> Option<String> {
    let (_, rest) = prompt.split_once('@')?;
    let host: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .collect();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `curl -sv` prints no `curl: (7)` line (silent), only its verbose `* Failed to connect`;
    /// a responder that answers with an HTTP error status sends no OCSP response.
    #[test]
    fn a_silent_verbose_failure_and_an_http_error_status() {
        let text = "\
[app@appl12 ~]$ curl -sv -o /dev/null http://ocsp.example:8080/
*   Trying 10.40.2.9:8080...
* connect to 10.40.2.9 port 8080 failed: Connection timed out
* Failed to connect to ocsp.example port 8080 after 130994 ms: Couldn't connect to server
* Closing connection 0

$ curl -v --data-binary @req.der http://ocsp.example:8080/ -o resp.der
* Connected to ocsp.example (10.40.2.9) port 8080 (#0)
> POST / HTTP/1.1
< HTTP/1.1 403 Forbidden
";
        let found = runs(text);
        let outcomes: Vec<_> = found.iter().map(|r| r.outcome.clone()).collect();
        assert_eq!(
            outcomes,
            [
                Some((
                    CurlOutcome::Failed(
                        "Failed to connect to ocsp.example port 8080 after 130994 ms: Couldn't connect to server".into()
                    ),
                    4
                )),
                Some((CurlOutcome::HttpError("403 Forbidden".into()), 10)),
            ]
        );
    }

    #[test]
    fn a_timed_out_run_and_one_through_a_proxy() {
        let text = "\
[whse@wh-app02 ~]$ curl -v --max-time 10 http://ocsp.northwind.example:8080/
*   Trying 10.20.40.15:8080...
* Connection timed out after 10001 milliseconds
curl: (28) Connection timed out after 10001 milliseconds

appuser@appvm12:~$ curl -sv -o /dev/null http://ocsp.northwind.example:8080/
* Uses proxy env variable http_proxy == 'http://proxy.northwind.example:3128'
* Connected to proxy.northwind.example (10.9.0.5) port 3128 (#0)
< HTTP/1.1 200 OK
";
        let found = runs(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let first = found.first().unwrap();
        assert_eq!(first.host.as_deref(), Some("wh-app02"));
        assert_eq!(first.url, "http://ocsp.northwind.example:8080/");
        assert_eq!(
            first.outcome,
            Some((
                CurlOutcome::Failed("Connection timed out after 10001 milliseconds".into()),
                4
            ))
        );
        assert!(!first.proxy);
        let second = found.get(1).unwrap();
        assert_eq!(second.host.as_deref(), Some("appvm12"));
        assert_eq!(second.outcome, Some((CurlOutcome::Reached, 9)));
        assert!(second.proxy);
        // PowerShell's TCP test that failed, and one that succeeded (not kept).
        let tests = failed_tcp_tests(
            "PS C:\\> Test-NetConnection -ComputerName mq.example -Port 1414\nComputerName     : mq.example\nRemotePort       : 1414\nTcpTestSucceeded : True\n\nPS C:\\> Test-NetConnection -ComputerName ocsp.example -Port 8080\nWARNING: TCP connect to (10.20.40.15 : 8080) failed\nComputerName           : ocsp.example\nRemotePort             : 8080\nTcpTestSucceeded       : False\n",
        );
        assert_eq!(tests.len(), 1, "{tests:?}");
        let test = tests.first().unwrap();
        assert_eq!(test.url, "http://ocsp.example:8080/");
        assert!(!test.exact_url);
        assert_eq!(test.outcome.as_ref().map(|o| o.1), Some(10));
        // openssl ocsp that could not connect.
        let queries = failed_ocsp_queries(
            "[mqm@mqprd01 ssl]$ openssl ocsp -issuer i.pem -cert a.pem -url http://ocsp.example:8080/ -resp_text\nError connecting BIO\nError querying OCSP responder\n40B7E1F2A17F0000:error:8000006F:system library:BIO_connect:Connection refused:crypto/bio/bio_sock2.c:125:calling connect()\n",
        );
        let query = queries.first().unwrap();
        assert_eq!(
            (query.url.as_str(), query.host.as_deref()),
            ("http://ocsp.example:8080/", Some("mqprd01"))
        );
        assert_eq!(
            query.outcome,
            Some((CurlOutcome::Failed("Connection refused".into()), 2))
        );
        // Prose about curl is no run.
        assert!(runs("curl from the box gets HTTP 200 from http://ocsp.example/").is_empty());
    }
}
