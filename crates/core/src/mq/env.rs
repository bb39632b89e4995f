//! Environment variable lines as tickets quote them: `export MQSSLKEYR=/var/mqm/ssl/key`,
//! `set MQSSLKEYR=C:\ssl\key` (Windows), `setx`, PowerShell `$env:MQSSLKEYR = "…"`, inline
//! `MQSSLKEYR=… ./app`, Dockerfile `ENV MQCHLLIB /var/mqm`, a systemd unit's
//! `Environment=MQSERVER=…` (`systemctl cat`), and plain `NAME=value` (`env` output).
//! Only MQ's variables (`MQ…`, `AMQ_…`) are kept, and the shell's `http_proxy` ([`OS_PROXY`]). Environment variables override mqclient.ini
//! and MQSCO overrides both (IBM q016840, mq-reference addendum); what each one is:
//! IBM, "Environment variables descriptions":
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=reference-environment-variables-descriptions .

use serde::Serialize;

/// How a variable was set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvForm {
    /// `export NAME=value` (sh, bash, ksh) or `declare -x`.
    Export,
    /// `set NAME=value` (Windows cmd) or `setx NAME value`.
    Set,
    /// `$env:NAME = "value"` (PowerShell).
    PowerShell,
    /// `NAME=value program` (for one command).
    Inline,
    /// `ENV NAME value` / `ENV NAME=value` (Dockerfile).
    Dockerfile,
    /// `NAME=value` alone.
    Plain,
    /// `Environment=NAME=value …` in a systemd unit (`systemctl cat`).
    Systemd,
}

/// One variable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnvVar {
    /// Its name, as written.
    pub name: String,
    /// Its value, quotes removed.
    pub value: String,
    /// How it was set.
    pub form: EnvForm,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the name.
    pub column: usize,
    /// What mqocsp knows it does, when it knows the name.
    pub meaning: Option<&'static str>,
}

/// A problem with a line, with where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnvProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Every MQ variable found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Environment {
    /// In order.
    pub vars: Vec<EnvVar>,
    /// Problems.
    pub problems: Vec<EnvProblem>,
}

/// The variables mqocsp knows, and what they do for a client's TLS.
pub const KNOWN: &[(&str, &str)] = &[
    (
        "MQSSLKEYR",
        "the key repository (stem before MQ 9.3, file name from 9.3); overrides SSLKeyRepository, MQSCO.KeyRepository overrides it",
    ),
    (
        "MQSSLCRYP",
        "the cryptographic hardware (SSLCryptoHardware)",
    ),
    (
        "MQSSLFIPS",
        "FIPS-certified algorithms only (SSLFipsRequired)",
    ),
    (
        "MQSSLRESET",
        "bytes sent before the secret key is renegotiated (SSLKeyResetCount)",
    ),
    ("MQSSLPROXY", "the HTTP proxy for OCSP (SSLHTTPProxyName)"),
    (
        "MQCERTVPOL",
        "the certificate validation policy, ANY or RFC5280 (CertificateValPolicy)",
    ),
    (
        "MQCERTLABL",
        "the client's certificate label (CertificateLabel)",
    ),
    (
        "MQCHLLIB",
        "the directory of the client channel definition table",
    ),
    (
        "MQCHLTAB",
        "the name of the client channel definition table file (AMQCLCHL.TAB by default)",
    ),
    ("MQCCDTURL", "the CCDT's URL (file, ftp or http)"),
    (
        "MQSERVER",
        "a single client channel: CHANNEL/TCP/host(port); it carries no TLS settings, so the channel cannot use TLS",
    ),
    ("MQCLNTCF", "the mqclient.ini file to use"),
    (
        "MQSNOAUT",
        "a queue manager created with it set has no object authority manager",
    ),
    (
        "MQS_REPORT_NOAUTH",
        "authority failures are written to the queue manager's error log",
    ),
    ("MQS_ACTION_NOAUTH", "authority failure events and logs"),
    ("MQSUITEB", "Suite B strength (EncryptionPolicySuiteB)"),
    ("MQ_CONNECT_TYPE", "client or local bindings"),
    (
        "AMQ_SSL_ALLOW_DEFAULT_CERT",
        "the client may send the key repository's default certificate",
    ),
    (
        "AMQ_SSL_WEAK_CIPHER_ENABLE",
        "a deprecated CipherSpec is allowed again",
    ),
    ("AMQ_SSL_V3_ENABLE", "SSL 3.0 is allowed again"),
    (
        "http_proxy",
        "the shell's HTTP proxy: curl uses it, GSKit's OCSP client does not (SSLHTTPProxyName / MQSSLPROXY)",
    ),
    (
        "HTTP_PROXY",
        "the shell's HTTP proxy: curl uses it, GSKit's OCSP client does not (SSLHTTPProxyName / MQSSLPROXY)",
    ),
    ("AMQ_TLS_V1_ENABLE", "TLS 1.0 is allowed again"),
    (
        "AMQ_DIAGNOSTIC_MSG_SEVERITY",
        "error-log ids carry their severity letter",
    ),
];

/// The shell's HTTP proxy variables, kept beside MQ's: curl, wget and most tools send their
/// requests through them, GSKit's OCSP client does not; it knows only SSLHTTPProxyName /
/// MQSSLPROXY (APAR IC64358; IBM q013360). A ticket whose curl reaches the responder through
/// one says nothing about MQ reaching it.
pub const OS_PROXY: &[&str] = &["http_proxy", "HTTP_PROXY"];

fn is_mq_name(name: &str) -> bool {
    if OS_PROXY.contains(&name) {
        return true;
    }
    (name.starts_with("MQ") || name.starts_with("AMQ_"))
        && name.len() > 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// `NAME=value` at the start of `text`: the name, the value (up to the first blank outside quotes
/// when `one_word`), and the rest.
fn assignment(text: &str, one_word: bool) -> Option<(&str, String, &str)> {
    let (name, rest) = text.split_once('=')?;
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    if !one_word {
        return Some((name, unquote(rest).to_owned(), ""));
    }
    let mut quote = None;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            (c, None) if c.is_whitespace() => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let (value, after) = rest.split_at(end);
    Some((name, unquote(value).to_owned(), after))
}

/// Reads every MQ environment variable set in `text`.
pub fn parse(text: &str) -> Environment {
    let mut env = Environment::default();
    for (index, raw) in super::quote::lines(text).into_iter().enumerate() {
        let line = index + 1;
        let trimmed = raw
            .trim_start()
            .trim_start_matches(['$', '>', '#'])
            .trim_start();
        let indent = raw.len() - trimmed.len();
        let lower = trimmed.to_ascii_lowercase();
        let mut found: Vec<(String, String, EnvForm, usize)> = Vec::new();
        let word = |prefix: &str| {
            lower
                .starts_with(prefix)
                .then(|| trimmed.get(prefix.len()..))
                .flatten()
        };
        if let Some(rest) = word("export ").or_else(|| word("declare -x ")) {
            let mut rest = rest.trim_start();
            while let Some((name, value, after)) = assignment(rest, true) {
                found.push((
                    name.to_owned(),
                    value,
                    EnvForm::Export,
                    trimmed.len() - rest.len(),
                ));
                rest = after.trim_start();
            }
        } else if let Some(rest) = word("set ") {
            let rest = rest.trim_start();
            let inner = unquote(rest);
            if let Some((name, value, _)) = assignment(inner, false) {
                found.push((
                    name.to_owned(),
                    value,
                    EnvForm::Set,
                    trimmed.len() - rest.len(),
                ));
            }
        } else if let Some(rest) = word("setx ") {
            let rest = rest.trim_start();
            if let Some((name, value)) = rest.split_once(char::is_whitespace) {
                found.push((
                    name.to_owned(),
                    unquote(value).to_owned(),
                    EnvForm::Set,
                    trimmed.len() - rest.len(),
                ));
            }
        } else if let Some(rest) = word("env:") {
            if let Some((name, value)) = rest.split_once('=') {
                found.push((
                    name.trim().to_owned(),
                    unquote(value).to_owned(),
                    EnvForm::PowerShell,
                    trimmed.len() - rest.len(),
                ));
            }
        } else if let Some(rest) = trimmed.strip_prefix("Environment=") {
            // systemd.exec(5), Environment=: a space-separated list of assignments, each
            // quoted whole or not (`Environment="A=1" B=2`); the unit's `[Service]` lines.
            let mut rest = rest.trim_start();
            while !rest.is_empty() {
                let mut column = trimmed.len() - rest.len();
                let (item, after) = match rest.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        column += 1;
                        let inner = rest.get(1..).unwrap_or_default();
                        match inner.find(q) {
                            Some(end) => (
                                inner.get(..end).unwrap_or_default(),
                                inner.get(end + 1..).unwrap_or_default(),
                            ),
                            None => (inner, ""),
                        }
                    }
                    _ => rest.split_once(char::is_whitespace).unwrap_or((rest, "")),
                };
                if let Some((name, value, _)) = assignment(item, false) {
                    found.push((name.to_owned(), value, EnvForm::Systemd, column));
                }
                rest = after.trim_start();
            }
        } else if let Some(rest) = word("env ") {
            let rest = rest.trim_start();
            let column = trimmed.len() - rest.len();
            match assignment(rest, false) {
                Some((name, value, _)) if !name.contains(' ') => {
                    found.push((name.to_owned(), value, EnvForm::Dockerfile, column))
                }
                _ => {
                    if let Some((name, value)) = rest.split_once(char::is_whitespace) {
                        found.push((
                            name.to_owned(),
                            unquote(value).to_owned(),
                            EnvForm::Dockerfile,
                            column,
                        ));
                    }
                }
            }
        } else {
            let mut rest = trimmed;
            let mut pairs = Vec::new();
            while let Some((name, value, after)) = assignment(rest, true) {
                if !is_mq_name(name) && !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    break;
                }
                pairs.push((name.to_owned(), value, trimmed.len() - rest.len()));
                rest = after.trim_start();
            }
            let form = if rest.is_empty() {
                EnvForm::Plain
            } else {
                EnvForm::Inline
            };
            found.extend(pairs.into_iter().map(|(n, v, c)| (n, v, form, c)));
        }
        for (name, value, form, offset) in found {
            if !is_mq_name(&name) {
                continue;
            }
            let column = indent + offset + 1;
            if value.contains('$') || value.contains('%') {
                env.problems.push(EnvProblem {
                    line,
                    column,
                    message: format!(
                        "{name} refers to another variable ({value}): its value is not known here"
                    ),
                });
            }
            let meaning = KNOWN.iter().find(|(n, _)| *n == name).map(|(_, m)| *m);
            if meaning.is_none() && name.starts_with("MQSSL") {
                env.problems.push(EnvProblem { line, column, message: format!("{name} is not an MQ variable mqocsp knows (a typo of MQSSLKEYR, MQSSLCRYP, MQSSLFIPS, MQSSLRESET or MQSSLPROXY?)") });
            }
            env.vars.push(EnvVar {
                name,
                value,
                form,
                line,
                column,
                meaning,
            });
        }
    }
    env
}

impl Environment {
    /// `(name, value)` with the last setting of each name winning, as a shell would leave them.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for var in &self.vars {
            match out.iter_mut().find(|(n, _)| *n == var.name) {
                Some(pair) => pair.1 = var.value.clone(),
                None => out.push((var.name.clone(), var.value.clone())),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_form_reads_with_its_column() {
        let text = "export MQSSLKEYR=/var/mqm/ssl/key\n> export MQCHLLIB=/var/mqm MQCHLTAB='CCDT.TAB'\nset MQSSLKEYR=C:\\ssl\\key\r\nset \"MQCERTLABL=app01\"\nsetx MQSSLFIPS YES\n$env:MQCCDTURL = \"file:///var/mqm/ccdt.json\"\nMQSERVER='PL81N.MQICHL/TCP/qm(1414)' ./app\nENV MQCHLLIB /opt/ccdt\nENV MQSSLRESET=0\nMQCERTVPOL=RFC5280\nPATH=/usr/bin\nexport JAVA_HOME=/opt/java\nexport MQSSLKEYR=$HOME/ssl/key\n";
        let env = parse(text);
        let got: Vec<(&str, &str, EnvForm, usize, usize)> = env
            .vars
            .iter()
            .map(|v| (v.name.as_str(), v.value.as_str(), v.form, v.line, v.column))
            .collect();
        assert_eq!(
            got,
            [
                ("MQSSLKEYR", "/var/mqm/ssl/key", EnvForm::Export, 1, 8),
                ("MQCHLLIB", "/var/mqm", EnvForm::Export, 2, 8),
                ("MQCHLTAB", "CCDT.TAB", EnvForm::Export, 2, 26),
                ("MQSSLKEYR", "C:\\ssl\\key", EnvForm::Set, 3, 5),
                ("MQCERTLABL", "app01", EnvForm::Set, 4, 5),
                ("MQSSLFIPS", "YES", EnvForm::Set, 5, 6),
                (
                    "MQCCDTURL",
                    "file:///var/mqm/ccdt.json",
                    EnvForm::PowerShell,
                    6,
                    6
                ),
                (
                    "MQSERVER",
                    "PL81N.MQICHL/TCP/qm(1414)",
                    EnvForm::Inline,
                    7,
                    1
                ),
                ("MQCHLLIB", "/opt/ccdt", EnvForm::Dockerfile, 8, 5),
                ("MQSSLRESET", "0", EnvForm::Dockerfile, 9, 5),
                ("MQCERTVPOL", "RFC5280", EnvForm::Plain, 10, 1),
                ("MQSSLKEYR", "$HOME/ssl/key", EnvForm::Export, 13, 8),
            ]
        );
        assert_eq!(env.problems.len(), 1, "{:?}", env.problems);
        assert_eq!((env.problems[0].line, env.problems[0].column), (13, 8));
        let pairs = env.pairs();
        assert!(pairs.contains(&("MQSSLKEYR".into(), "$HOME/ssl/key".into())));
        assert!(env.vars[0].meaning.unwrap().contains("key repository"));
    }

    #[test]
    fn a_systemd_units_environment_lines_read() {
        let text = "[Service]\nEnvironment=MQCCDTURL=file:///etc/orders/ccdt.json\nEnvironment=\"MQSERVER=ORDERS.SVRCONN/TCP/mq(1414)\" MQSSLKEYR=/var/mqm/ssl/orders\nEnvironmentFile=/etc/orders/env\n";
        let got: Vec<(String, String, EnvForm, usize, usize)> = parse(text)
            .vars
            .into_iter()
            .map(|v| (v.name, v.value, v.form, v.line, v.column))
            .collect();
        let want = [
            ("MQCCDTURL", "file:///etc/orders/ccdt.json", 2, 13),
            ("MQSERVER", "ORDERS.SVRCONN/TCP/mq(1414)", 3, 14),
            ("MQSSLKEYR", "/var/mqm/ssl/orders", 3, 52),
        ]
        .map(|(n, v, l, c)| (n.to_owned(), v.to_owned(), EnvForm::Systemd, l, c));
        assert_eq!(got, want);
    }

    #[test]
    fn a_misspelt_ssl_variable_is_said() {
        let env = parse("export MQSSLKEYRING=/x\n");
        assert_eq!(env.problems.len(), 1);
        assert!(env.problems[0].message.contains("typo"));
    }
}
