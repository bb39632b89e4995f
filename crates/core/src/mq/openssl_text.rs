//! What `openssl s_client -showcerts [-status]` and `openssl ocsp -resp_text` / `-text` print, read
//! as text evidence: the chain the server sent (` 0 s:… i:…`), `Verify return code: 20 (unable
//! to get local issuer certificate)`, whether an OCSP response was stapled, the CA names a server
//! accepts for client certificates, protocol and cipher, and OCSP responses with their status,
//! certificate statuses and times, and `Response verify OK` / `Response Verify Failure`.
//! No DER is needed: the PEM blocks in the same paste are decoded elsewhere. Formats as OpenSSL
//! 1.1 and 3.x print them (apps/s_client.c `print_stuff`, crypto/ocsp/ocsp_prn.c
//! `OCSP_RESPONSE_print`: https://github.com/openssl/openssl/blob/master/crypto/ocsp/ocsp_prn.c).

use crate::timestamp::Timestamp;
use serde::Serialize;

pub mod certutil;
pub mod verify;
mod x509;
pub use x509::TextCertificate;
use x509::{CertField, certificate_line};

/// A certificate status as printed (`Cert Status: revoked`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextCertStatus {
    /// `good`.
    Good,
    /// `revoked`.
    Revoked,
    /// `unknown`.
    Unknown,
}

/// One SingleResponse as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextSingle {
    /// 1-based line of `Certificate ID:` (or of the status).
    pub line: usize,
    /// `Serial Number:` (hex as printed).
    pub serial: Option<String>,
    /// `Cert Status:`.
    pub status: Option<TextCertStatus>,
    /// What `openssl ocsp` printed before the status on its per-certificate line
    /// (`qm.pem: revoked`): the `-cert` file or the `-serial` value as given (apps/ocsp.c
    /// `print_ocsp_summary`); it prints no serial for a `-cert` file.
    pub name: Option<String>,
    /// `Revocation Time:`.
    pub revocation_time: Option<Timestamp>,
    /// `Revocation Reason:` word (`keyCompromise`).
    pub revocation_reason: Option<String>,
    /// `This Update:`.
    pub this_update: Option<Timestamp>,
    /// `Next Update:`.
    pub next_update: Option<Timestamp>,
}

/// An OCSP response as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextOcspResponse {
    /// 1-based line where it starts.
    pub line: usize,
    /// `OCSP Response Status: successful (0x0)` → `("successful", 0)`; `Responder Error:
    /// unauthorized (6)` the same way.
    pub status: Option<(String, u32)>,
    /// `Responder Id:`.
    pub responder_id: Option<String>,
    /// `Produced At:`.
    pub produced_at: Option<Timestamp>,
    /// The SingleResponses.
    pub responses: Vec<TextSingle>,
    /// `Response verify OK` (true) / `Response Verify Failure` (false), with its line.
    pub verified: Option<(bool, usize)>,
    /// Printed by s_client -status (stapled in the handshake).
    pub stapled: bool,
    /// What the `openssl ocsp` command pasted before it asked about: its `-cert` files and
    /// `-serial` values, in order (a response that is only an error names no certificate).
    pub asked: Vec<String>,
    /// The responder that command asked (its `-url`), when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One certificate of `Certificate chain`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainEntry {
    /// Its depth (0: the server's own).
    pub depth: u32,
    /// `s:` subject.
    pub subject: String,
    /// `i:` issuer.
    pub issuer: Option<String>,
    /// 1-based line of ` N s:`.
    pub line: usize,
}

/// What s_client said about one connection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SClient {
    /// 1-based first line read.
    pub line: usize,
    /// `CONNECTED(…)` seen.
    pub connected: bool,
    /// `Certificate chain`.
    pub chain: Vec<ChainEntry>,
    /// `verify error:num=20:unable to get local issuer certificate` with the depth it was at.
    pub verify_errors: Vec<(u32, i32, String, usize)>,
    /// `Verify return code: 20 (unable to get local issuer certificate)`.
    pub verify_return_code: Option<(i32, String, usize)>,
    /// `OCSP response: no response sent` → `Some(false)`; a printed response → `Some(true)`.
    pub ocsp_stapled: Option<bool>,
    /// `Acceptable client certificate CA names`.
    pub acceptable_ca_names: Vec<(String, usize)>,
    /// `No client certificate CA names sent`: the server asked for no client certificate, or
    /// sent no names.
    pub no_ca_names_sent: bool,
    /// `Protocol  : TLSv1.3` or from `New, TLSv1.3, Cipher is …`.
    pub protocol: Option<String>,
    /// The cipher.
    pub cipher: Option<String>,
    /// Lines with `error:` or `alert` (handshake failures).
    pub errors: Vec<(String, usize)>,
}

/// Everything read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OpensslText {
    /// The s_client run, when one is pasted.
    pub s_client: Option<SClient>,
    /// OCSP responses (from `openssl ocsp` or stapled).
    pub ocsp: Vec<TextOcspResponse>,
    /// Certificates printed as text (`openssl x509 -text`, or the responder's certificates after
    /// an `openssl ocsp -resp_text` response).
    pub certificates: Vec<TextCertificate>,
    /// Lines that looked like this output but could not be read.
    pub problems: Vec<(usize, String)>,
}

/// `Nov 30 16:00:00 2026 GMT` (openssl's ASN1_TIME_print).
pub fn openssl_time(text: &str) -> Option<Timestamp> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut words = text.split_whitespace();
    let name = words.next()?;
    let month = MONTHS.iter().position(|m| *m == name)? + 1;
    let day: u32 = words.next()?.parse().ok()?;
    let clock = words.next()?;
    let clock = clock.split('.').next()?;
    let year: u32 = words.next()?.parse().ok()?;
    Timestamp::parse_rfc3339(&format!("{year:04}-{month:02}-{day:02}T{clock}Z"))
}

/// `word (0x6)` / `word (6)` → `(word, 6)`.
fn word_and_code(text: &str) -> Option<(String, u32)> {
    let (word, code) = text.trim().split_once('(')?;
    let code = code.trim_end_matches(')').trim();
    let number = match code.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => code.parse().ok()?,
    };
    Some((word.trim().to_owned(), number))
}

fn after<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    line.trim().strip_prefix(label).map(str::trim)
}

/// Reads s_client and openssl ocsp output in `text`.
pub fn parse(text: &str) -> OpensslText {
    let mut out = OpensslText::default();
    let mut s = SClient::default();
    let mut seen_s_client = false;
    let mut in_chain = false;
    let mut in_ca_names = false;
    let mut depth = 0u32;
    let mut ocsp: Option<TextOcspResponse> = None;
    let mut stapled_next = false;
    let mut cert_field = CertField::None;
    let mut in_cert = false;
    // An `openssl ocsp` command line was pasted: its per-certificate lines may follow without
    // `Response verify OK` (openssl writes that to standard error).
    let mut ocsp_command = false;
    let mut asked: Vec<String> = Vec::new();
    let mut asked_url: Option<String> = None;
    for (index, raw) in super::quote::lines(text).into_iter().enumerate() {
        let line = index + 1;
        let t = raw.trim();
        let mut mark = |s: &mut SClient| {
            if !seen_s_client {
                s.line = line;
                seen_s_client = true;
            }
        };
        if t.starts_with("CONNECTED(") {
            mark(&mut s);
            s.connected = true;
            continue;
        }
        if let Some(rest) = t.strip_prefix("depth=") {
            mark(&mut s);
            depth = rest
                .split_whitespace()
                .next()
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            continue;
        }
        if let Some(rest) = t.strip_prefix("verify error:num=") {
            mark(&mut s);
            let (num, text) = rest.split_once(':').unwrap_or((rest, ""));
            match num.parse() {
                Ok(num) => s.verify_errors.push((depth, num, text.to_owned(), line)),
                Err(_) => out
                    .problems
                    .push((line, format!("'{t}': the error number is not a number"))),
            }
            continue;
        }
        if t == "Certificate chain" {
            mark(&mut s);
            in_chain = true;
            continue;
        }
        if t == "---" {
            in_chain = false;
            in_ca_names = false;
            continue;
        }
        if in_chain {
            if let Some((d, subject)) = t
                .split_once(" s:")
                .and_then(|(d, s)| Some((d.trim().parse::<u32>().ok()?, s)))
            {
                s.chain.push(ChainEntry {
                    depth: d,
                    subject: subject.trim().to_owned(),
                    issuer: None,
                    line,
                });
            } else if let Some(issuer) = t.strip_prefix("i:")
                && let Some(last) = s.chain.last_mut()
            {
                last.issuer = Some(issuer.trim().to_owned());
            }
            continue;
        }
        if t == "Acceptable client certificate CA names" {
            mark(&mut s);
            in_ca_names = true;
            continue;
        }
        if in_ca_names {
            if t.contains('=') && !t.contains(':') {
                s.acceptable_ca_names.push((t.to_owned(), line));
                continue;
            }
            in_ca_names = false;
        }
        if t == "No client certificate CA names sent" {
            mark(&mut s);
            s.no_ca_names_sent = true;
            continue;
        }
        if let Some(rest) = after(t, "Verify return code:") {
            mark(&mut s);
            let (code, words) = rest.split_once(' ').unwrap_or((rest, ""));
            match code.parse() {
                Ok(code) => {
                    let words = words.trim().trim_start_matches('(').trim_end_matches(')');
                    s.verify_return_code = Some((code, words.to_owned(), line));
                }
                Err(_) => out
                    .problems
                    .push((line, format!("'{t}': the return code is not a number"))),
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("New, ") {
            mark(&mut s);
            if let Some((protocol, cipher)) = rest.split_once(", Cipher is ") {
                s.protocol = Some(protocol.trim().to_owned());
                s.cipher = Some(cipher.trim().to_owned());
            }
            continue;
        }
        if let Some(rest) = after(t, "Protocol  :").or_else(|| after(t, "Protocol :")) {
            s.protocol.get_or_insert_with(|| rest.to_owned());
            continue;
        }
        if let Some(rest) = after(t, "Cipher    :").or_else(|| after(t, "Cipher :")) {
            if rest != "0000" {
                s.cipher.get_or_insert_with(|| rest.to_owned());
            }
            continue;
        }
        if let Some(rest) = after(t, "OCSP response:") {
            mark(&mut s);
            if rest == "no response sent" {
                s.ocsp_stapled = Some(false);
            } else {
                s.ocsp_stapled = Some(true);
                stapled_next = true;
            }
            continue;
        }
        if (t.contains(":error:") || t.contains(" alert ") || t.contains("handshake failure"))
            && seen_s_client
        {
            s.errors.push((t.to_owned(), line));
            continue;
        }
        // A printed certificate (openssl x509 -text, or after an ocsp -resp_text response).
        if t == "Certificate:" {
            in_cert = true;
            cert_field = CertField::None;
            out.certificates.push(TextCertificate {
                line,
                ..TextCertificate::default()
            });
            continue;
        }
        if in_cert {
            if let Some(c) = out.certificates.last_mut()
                && certificate_line(c, &mut cert_field, raw, line, &mut out.problems)
            {
                continue;
            }
            in_cert = false;
        }
        // openssl ocsp / the stapled response.
        if let Some(rest) =
            after(t, "OCSP Response Status:").or_else(|| after(t, "Responder Error:"))
        {
            if let Some(done) = ocsp.take() {
                out.ocsp.push(done);
            }
            let mut response = TextOcspResponse {
                line,
                stapled: stapled_next,
                asked: if stapled_next {
                    Vec::new()
                } else {
                    asked.clone()
                },
                url: asked_url.clone().filter(|_| !stapled_next),
                ..TextOcspResponse::default()
            };
            stapled_next = false;
            match word_and_code(rest) {
                Some(status) => response.status = Some(status),
                None => out
                    .problems
                    .push((line, format!("'{t}': the status is not 'word (code)'"))),
            }
            ocsp = Some(response);
            continue;
        }
        if t == "Response verify OK" || t == "Response Verify Failure" {
            let verified = (t == "Response verify OK", line);
            match ocsp.as_mut() {
                Some(r) => r.verified = Some(verified),
                // Without -resp_text, the verification comes first and the per-certificate
                // lines follow: they belong to this response.
                None => {
                    ocsp = Some(TextOcspResponse {
                        line,
                        verified: Some(verified),
                        asked: asked.clone(),
                        url: asked_url.clone(),
                        ..TextOcspResponse::default()
                    })
                }
            }
            continue;
        }
        if t.contains("openssl ocsp") {
            ocsp_command = true;
            asked = asked_of(t);
            asked_url = flag_value(t, "-url");
        }
        let summary = summary_line(t);
        if ocsp.is_none() && ocsp_command && summary.is_some() {
            ocsp = Some(TextOcspResponse {
                line,
                asked: asked.clone(),
                url: asked_url.clone(),
                ..TextOcspResponse::default()
            });
        }
        let Some(r) = ocsp.as_mut() else { continue };
        let time = |label: &str| {
            after(t, label).map(|v| {
                openssl_time(v).ok_or_else(|| (line, format!("'{t}': not a time openssl prints")))
            })
        };
        if let Some(id) = after(t, "Responder Id:") {
            r.responder_id = Some(id.to_owned());
        } else if let Some(at) = time("Produced At:") {
            match at {
                Ok(at) => r.produced_at = Some(at),
                Err(p) => out.problems.push(p),
            }
        } else if t == "Certificate ID:" {
            r.responses.push(TextSingle {
                line,
                ..TextSingle::default()
            });
        } else if let Some(serial) = after(t, "Serial Number:") {
            single(r, line).serial = Some(serial.to_owned());
        } else if let Some(status) = after(t, "Cert Status:") {
            single(r, line).status = match status {
                "good" => Some(TextCertStatus::Good),
                "revoked" => Some(TextCertStatus::Revoked),
                "unknown" => Some(TextCertStatus::Unknown),
                other => {
                    out.problems
                        .push((line, format!("'{other}' is not a certificate status")));
                    None
                }
            };
        } else if let Some((name, status)) = summary {
            // After -resp_text, the summary repeats the printed SingleResponses in request
            // order: the k-th summary line names the k-th one.
            match r
                .responses
                .iter_mut()
                .find(|s| s.name.is_none() && s.serial.is_some())
            {
                Some(printed) => {
                    printed.name = Some(name.to_owned());
                    printed.status.get_or_insert(status);
                }
                None => r.responses.push(TextSingle {
                    line,
                    name: Some(name.to_owned()),
                    status: Some(status),
                    ..TextSingle::default()
                }),
            }
        } else if let Some(reason) = after(t, "Revocation Reason:").or_else(|| after(t, "Reason:"))
        {
            single(r, line).revocation_reason =
                Some(reason.split(" (").next().unwrap_or(reason).to_owned());
        } else {
            for (label, which) in [
                ("Revocation Time:", 0),
                ("This Update:", 1),
                ("Next Update:", 2),
            ] {
                if let Some(at) = time(label) {
                    match at {
                        Ok(at) => {
                            let s = single(r, line);
                            *match which {
                                0 => &mut s.revocation_time,
                                1 => &mut s.this_update,
                                _ => &mut s.next_update,
                            } = Some(at);
                        }
                        Err(p) => out.problems.push(p),
                    }
                }
            }
        }
    }
    out.ocsp.extend(ocsp);
    if seen_s_client {
        out.s_client = Some(s);
    }
    out
}

/// The `-cert` files and `-serial` values of an `openssl ocsp` command line, in order.
fn asked_of(command: &str) -> Vec<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    words
        .windows(2)
        .filter_map(|pair| match pair {
            [flag, value] if matches!(*flag, "-cert" | "-serial") => {
                Some(value.trim_matches(['"', '\'']).to_owned())
            }
            _ => None,
        })
        .collect()
}

/// The value after `flag` on a command line (`-url http://…`), quotes removed.
fn flag_value(command: &str, flag: &str) -> Option<String> {
    let mut words = command.split_whitespace();
    words.find(|w| *w == flag)?;
    words.next().map(|v| v.trim_matches(['"', '\'']).to_owned())
}

/// `openssl ocsp`'s per-certificate line, `qm.pem: revoked` (apps/ocsp.c `print_ocsp_summary`:
/// the name as given, then `OCSP_cert_status_str`): the name and the status.
fn summary_line(t: &str) -> Option<(&str, TextCertStatus)> {
    let (name, status) = t.rsplit_once(": ")?;
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) || name.ends_with(':') {
        return None;
    }
    let status = match status.trim() {
        "good" => TextCertStatus::Good,
        "revoked" => TextCertStatus::Revoked,
        "unknown" => TextCertStatus::Unknown,
        _ => return None,
    };
    Some((name, status))
}

/// Certificates pasted under a line naming their file (`qm.pem:` just before the PEM block, as
/// a customer labels what `openssl ocsp -cert qm.pem` was given): each file name with the
/// serial (lowercase hex) of the certificate under it.
pub fn labelled_certificates(text: &str) -> Vec<(String, String)> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    let mut label: Option<&str> = None;
    for (index, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        if t == "-----BEGIN CERTIFICATE-----" {
            let Some(name) = label.take() else { continue };
            let end = lines
                .iter()
                .skip(index)
                .position(|l| l.trim() == "-----END CERTIFICATE-----");
            let Some(block) = end.and_then(|e| lines.get(index..=index + e)) else {
                continue;
            };
            let decoded = crate::decode::decode(&block.join("\n"));
            if let Some(cert) = decoded.certificates().next() {
                out.push((name.to_owned(), cert.serial.to_ascii_lowercase()));
            }
            continue;
        }
        if t.is_empty() {
            continue;
        }
        // The last line with text before the block names one file and nothing else of note.
        let files: Vec<&str> = t
            .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '(' | ')'))
            .map(|w| w.trim_end_matches(':'))
            .filter(|w| {
                let lower = w.to_ascii_lowercase();
                [".pem", ".crt", ".cer"].iter().any(|x| lower.ends_with(x)) && w.len() > 4
            })
            .collect();
        label = match files.as_slice() {
            [one] if t.len() <= 80 => Some(one.rsplit(['/', '\\']).next().unwrap_or(one)),
            _ => None,
        };
    }
    out
}

/// The SingleResponse being read (one is started when the status comes before any
/// `Certificate ID:`, as in `openssl ocsp`'s short per-certificate lines).
fn single(r: &mut TextOcspResponse, line: usize) -> &mut TextSingle {
    if r.responses.is_empty() {
        r.responses.push(TextSingle {
            line,
            ..TextSingle::default()
        });
    }
    r.responses
        .last_mut()
        .unwrap_or_else(|| unreachable!("one was pushed above"))
}

#[cfg(test)]
#[path = "openssl_text_tests.rs"]
mod tests;
