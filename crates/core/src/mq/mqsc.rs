//! MQSC: `DEFINE AUTHINFO`, `DEFINE CHANNEL`, `DEFINE NAMELIST`, `ALTER QMGR SSLCRLNL`, the
//! commands that decide what a queue manager checks about a client's certificate.
//!
//! Statements may continue over lines with a trailing `+` or `-`; `*` starts a comment line;
//! values are in parentheses, optionally quoted with single quotes (`''` is a quote).

use super::config::{AuthInfo, AuthInfoKind, ChannelDef, SslCauth};
use serde::Serialize;
use std::collections::BTreeMap;

/// A problem in MQSC text, with the line its statement starts on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MqscProblem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One statement: verb, object type, name and attributes (keys uppercase).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Statement {
    line: usize,
    verb: String,
    object: String,
    name: Option<String>,
    attributes: BTreeMap<String, String>,
}

/// What the MQSC defines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MqscDefinitions {
    /// AUTHINFO objects.
    pub authinfo: Vec<AuthInfo>,
    /// Channels.
    pub channels: Vec<ChannelDef>,
    /// Namelists and their names.
    pub namelists: BTreeMap<String, Vec<String>>,
    /// `ALTER QMGR SSLCRLNL(name)`.
    pub sslcrlnl: Option<String>,
    /// Problems, by line.
    pub problems: Vec<MqscProblem>,
}

fn statements(text: &str, problems: &mut Vec<MqscProblem>) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut buffer = String::new();
    let mut start = 0;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('*') || (line.is_empty() && buffer.is_empty()) {
            continue;
        }
        if buffer.is_empty() {
            start = index + 1;
        }
        let continued = line.ends_with('+') || line.ends_with('-');
        buffer.push_str(line.trim_end_matches(['+', '-']));
        buffer.push(' ');
        if !continued {
            if let Some(statement) = statement(&buffer, start, problems) {
                out.push(statement);
            }
            buffer.clear();
        }
    }
    if !buffer.trim().is_empty() {
        problems.push(MqscProblem {
            line: start,
            message: "the statement ends with a continuation character but nothing follows".into(),
        });
    }
    out
}

/// Reads `KEYWORD(value)` pairs and bare words of one statement.
fn statement(text: &str, line: usize, problems: &mut Vec<MqscProblem>) -> Option<Statement> {
    let mut words: Vec<(String, Option<String>)> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
            continue;
        }
        let mut word = String::new();
        while let Some(&c) = chars.get(i).filter(|c| !c.is_whitespace() && **c != '(') {
            word.push(c);
            i += 1;
        }
        let mut value = None;
        if chars.get(i) == Some(&'(') {
            i += 1;
            let mut v = String::new();
            let mut quoted = false;
            loop {
                match chars.get(i) {
                    None => {
                        problems.push(MqscProblem {
                            line,
                            message: format!("{word}( has no closing parenthesis"),
                        });
                        return None;
                    }
                    Some('\'') if quoted && chars.get(i + 1) == Some(&'\'') => {
                        v.push('\'');
                        i += 2;
                        continue;
                    }
                    Some('\'') => quoted = !quoted,
                    Some(')') if !quoted => {
                        i += 1;
                        break;
                    }
                    Some(&c) => v.push(c),
                }
                i += 1;
            }
            value = Some(v.trim().to_owned());
        }
        words.push((word.to_ascii_uppercase(), value));
    }
    let mut iter = words.into_iter();
    let (verb, _) = iter.next()?;
    let (object, name) = iter.next().unwrap_or_default();
    let attributes = iter.map(|(k, v)| (k, v.unwrap_or_default())).collect();
    Some(Statement {
        line,
        verb,
        object,
        name,
        attributes,
    })
}

fn abbreviation(verb: &str) -> &str {
    match verb {
        "DEF" => "DEFINE",
        "ALT" => "ALTER",
        other => other,
    }
}

impl MqscDefinitions {
    /// Parses MQSC text.
    pub fn parse(text: &str) -> Self {
        let mut defs = MqscDefinitions::default();
        for s in statements(text, &mut defs.problems) {
            let attr = |key: &str| s.attributes.get(key).cloned().filter(|v| !v.is_empty());
            match (abbreviation(&s.verb), s.object.as_str()) {
                ("DEFINE" | "ALTER", "AUTHINFO") => {
                    let Some(name) = s.name.clone() else {
                        defs.problems.push(MqscProblem { line: s.line, message: "AUTHINFO needs a name: AUTHINFO(name)".into() });
                        continue;
                    };
                    let kind = match attr("AUTHTYPE").as_deref().map(str::to_ascii_uppercase).as_deref() {
                        Some("OCSP") => match attr("OCSPURL") {
                            Some(url) => AuthInfoKind::Ocsp { url },
                            None => {
                                defs.problems.push(MqscProblem { line: s.line, message: format!("AUTHINFO({name}) AUTHTYPE(OCSP) has no OCSPURL") });
                                continue;
                            }
                        },
                        Some("CRLLDAP") => AuthInfoKind::Crlldap { conn_name: attr("CONNAME").unwrap_or_default() },
                        Some(_) => AuthInfoKind::Other,
                        None => {
                            defs.problems.push(MqscProblem { line: s.line, message: format!("AUTHINFO({name}) has no AUTHTYPE") });
                            continue;
                        }
                    };
                    defs.authinfo.push(AuthInfo { name, kind });
                }
                ("DEFINE" | "ALTER", "CHANNEL") => {
                    let sslcauth = match attr("SSLCAUTH").map(|v| v.to_ascii_uppercase()).as_deref() {
                        Some("OPTIONAL") => SslCauth::Optional,
                        _ => SslCauth::Required,
                    };
                    defs.channels.push(ChannelDef {
                        name: s.name.clone().unwrap_or_default(),
                        sslciph: attr("SSLCIPH"),
                        sslcauth,
                        sslpeer: attr("SSLPEER"),
                        certlabl: attr("CERTLABL"),
                    });
                }
                ("DEFINE" | "ALTER", "NAMELIST") => {
                    let names = attr("NAMES").map(|v| v.split(',').map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()).collect()).unwrap_or_default();
                    defs.namelists.insert(s.name.clone().unwrap_or_default(), names);
                }
                ("ALTER", "QMGR") => {
                    if let Some(list) = s.attributes.get("SSLCRLNL") {
                        defs.sslcrlnl = Some(list.clone()).filter(|l| !l.is_empty());
                    }
                }
                ("REFRESH" | "DISPLAY" | "DIS" | "START" | "STOP" | "END", _) => {}
                (verb, object) => defs.problems.push(MqscProblem { line: s.line, message: format!("'{verb} {object}' is not a command mqocsp reads (it reads DEFINE/ALTER AUTHINFO, CHANNEL, NAMELIST and ALTER QMGR)") }),
            }
        }
        defs.problems.sort_by_key(|p| p.line);
        defs
    }

    /// The AUTHINFO names SSLCRLNL refers to, in order.
    pub fn crl_namelist(&self) -> Vec<String> {
        self.sslcrlnl
            .as_ref()
            .and_then(|name| self.namelists.get(name))
            .cloned()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authinfo_channel_namelist_and_sslcrlnl() {
        let text = "* queue manager PL81N\nDEFINE AUTHINFO(OCSP.NSCA) AUTHTYPE(OCSP) +\n   OCSPURL('http://192.0.2.37:2560/')\nDEF CHANNEL('PL81N.MQICHL') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_AES_128_GCM_SHA256) SSLCAUTH(REQUIRED) SSLPEER('CN=*, O=''Pulsar''')\nDEFINE NAMELIST(SSL.CRLNL) NAMES(OCSP.NSCA)\nALTER QMGR SSLCRLNL(SSL.CRLNL)\nREFRESH SECURITY TYPE(SSL)\n";
        let defs = MqscDefinitions::parse(text);
        assert!(defs.problems.is_empty(), "{:?}", defs.problems);
        assert_eq!(
            defs.authinfo[0],
            AuthInfo {
                name: "OCSP.NSCA".into(),
                kind: AuthInfoKind::Ocsp {
                    url: "http://192.0.2.37:2560/".into()
                }
            }
        );
        assert_eq!(defs.channels[0].name, "PL81N.MQICHL");
        assert_eq!(
            defs.channels[0].sslpeer.as_deref(),
            Some("CN=*, O='Pulsar'")
        );
        assert_eq!(defs.crl_namelist(), ["OCSP.NSCA"]);
    }

    #[test]
    fn problems_name_their_line() {
        let defs = MqscDefinitions::parse(
            "DEFINE AUTHINFO(X) AUTHTYPE(OCSP)\n\nDEFINE AUTHINFO(Y) AUTHTYPE(OCSP) OCSPURL('http://a\nDELETE QLOCAL(Q)\n",
        );
        let lines: Vec<usize> = defs.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 3, 4], "{:?}", defs.problems);
    }
}
