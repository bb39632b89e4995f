//! What `openssl verify` prints: `FILE: OK`, or the subject of the certificate it stopped at,
//! `error N at D depth lookup: TEXT` and `error FILE: verification failed` (apps/verify.c
//! `check` and `cb`, OpenSSL 1.1 and 3.x; 1.0 prints `FILE: SUBJECT` before the error line).
//! Whether it checked CRLs (`-crl_check`, `-crl_check_all`) is read from the command line when
//! the ticket shows it.

use serde::Serialize;

/// X509_V_ERR_CERT_REVOKED: `certificate revoked` (include/openssl/x509_vfy.h).
pub const CERT_REVOKED: i32 = 23;

/// One error `openssl verify` printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifyError {
    /// 1-based line of `error N at D depth lookup`.
    pub line: usize,
    /// The X509_V_ERR number (20: unable to get local issuer certificate; 23: revoked).
    pub code: i32,
    /// The depth in the chain it was at (0: the certificate verified).
    pub depth: u32,
    /// Its words as printed.
    pub text: String,
    /// The subject printed on the line before it (`C = GB, O = …, CN = orders-svc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// One certificate file `openssl verify` checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifyRun {
    /// 1-based line of its verdict (`FILE: OK`, `error FILE: verification failed`).
    pub line: usize,
    /// The file as printed (`orders-svc.pem`).
    pub file: String,
    /// `FILE: OK`.
    pub ok: bool,
    /// The errors printed before the verdict.
    pub errors: Vec<VerifyError>,
    /// The command line shown before it asked for a CRL check (`-crl_check`: the certificate
    /// itself; `-crl_check_all`: every certificate of its chain); `false` when no command line
    /// is shown.
    pub crl_check: bool,
}

/// Every `openssl verify` verdict in `text`.
pub fn runs(text: &str) -> Vec<VerifyRun> {
    let mut out = Vec::new();
    let mut command: Option<bool> = None;
    let mut pending: Vec<VerifyError> = Vec::new();
    let mut previous = "";
    for (index, raw) in super::super::quote::lines(text).into_iter().enumerate() {
        let line = index + 1;
        let t = raw.trim();
        if let Some(at) = t.find("openssl verify") {
            let args = t.get(at..).unwrap_or_default();
            command = Some(args.contains("-crl_check"));
            pending.clear();
        } else if let Some(error) = error_line(t, line, previous) {
            pending.push(error);
        } else if let Some(file) = t
            .strip_prefix("error ")
            .and_then(|r| r.strip_suffix(": verification failed"))
        {
            out.push(VerifyRun {
                line,
                file: file.trim().to_owned(),
                ok: false,
                errors: std::mem::take(&mut pending),
                crl_check: command.unwrap_or(false),
            });
        } else if let Some(file) = t.strip_suffix(": OK")
            && (command.is_some() || is_certificate_file(file))
            && !file.contains(char::is_whitespace)
        {
            out.push(VerifyRun {
                line,
                file: file.to_owned(),
                ok: true,
                errors: std::mem::take(&mut pending),
                crl_check: command.unwrap_or(false),
            });
        }
        if !t.is_empty() {
            previous = t;
        }
    }
    out
}

/// `error 23 at 0 depth lookup: certificate revoked` (1.1, 3.x) or `…lookup:certificate
/// revoked` (1.0); `previous` is the line before it, the subject when it reads as a DN.
fn error_line(t: &str, line: usize, previous: &str) -> Option<VerifyError> {
    let rest = t.strip_prefix("error ")?;
    let (code, rest) = rest.split_once(" at ")?;
    let (depth, rest) = rest.split_once(" depth lookup:")?;
    let subject = previous
        .rsplit_once(".pem: ")
        .map_or(previous, |(_, s)| s)
        .trim();
    let is_dn = subject.contains("CN") && subject.contains('=') && !subject.starts_with("error ");
    Some(VerifyError {
        line,
        code: code.trim().parse().ok()?,
        depth: depth.trim().parse().ok()?,
        text: rest.trim().to_owned(),
        subject: is_dn.then(|| subject.to_owned()),
    })
}

fn is_certificate_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".pem", ".crt", ".cer", ".der"]
        .iter()
        .any(|x| lower.ends_with(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crl_check_of_a_revoked_certificate_and_a_good_one() {
        let text = "\
$ openssl verify -crl_check -CRLfile ca.crl -CAfile root.pem -untrusted ca.pem app.pem
C = GB, O = Northwind Trading, OU = Apps, CN = orders-svc
error 23 at 0 depth lookup: certificate revoked
error app.pem: verification failed

$ openssl verify -crl_check -CRLfile ca.crl -CAfile root.pem -untrusted ca.pem qm.pem
qm.pem: OK
";
        let runs = runs(text);
        assert_eq!(runs.len(), 2, "{runs:?}");
        let revoked = runs.first().unwrap();
        assert_eq!((revoked.file.as_str(), revoked.ok), ("app.pem", false));
        assert!(revoked.crl_check);
        assert_eq!(
            revoked.errors,
            [VerifyError {
                line: 3,
                code: 23,
                depth: 0,
                text: "certificate revoked".into(),
                subject: Some("C = GB, O = Northwind Trading, OU = Apps, CN = orders-svc".into()),
            }]
        );
        let good = runs.get(1).unwrap();
        assert_eq!(
            (good.file.as_str(), good.ok, good.line),
            ("qm.pem", true, 7)
        );
        assert!(good.errors.is_empty() && good.crl_check);
    }

    #[test]
    fn a_missing_issuer_without_a_crl_check_and_openssl_1_0s_form() {
        let text = "\
[app@batch03 ssl]$ openssl verify -CAfile root.pem qm.pem
qm.pem: C = GB, O = Northwind Trading, OU = Messaging, CN = mqprd01.northwind.example
error 20 at 0 depth lookup:unable to get local issuer certificate
";
        // 1.0 prints no `verification failed` line: nothing is concluded about the file.
        assert!(runs(text).is_empty());
        let text = format!("{text}error qm.pem: verification failed\n");
        let runs = runs(&text);
        let run = runs.first().unwrap();
        assert!(!run.crl_check && !run.ok);
        let error = run.errors.first().unwrap();
        assert_eq!((error.code, error.depth), (20, 0));
        assert_eq!(
            error.subject.as_deref(),
            Some("C = GB, O = Northwind Trading, OU = Messaging, CN = mqprd01.northwind.example")
        );
    }

    #[test]
    fn other_ok_lines_are_not_verdicts() {
        assert!(runs("Status: OK\nResponse verify OK\nthe check: OK\n").is_empty());
        assert_eq!(runs("leaf.crt: OK\n").len(), 1);
    }
}
