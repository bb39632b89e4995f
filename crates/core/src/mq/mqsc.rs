//! MQSC as `runmqsc` reads it: `DEFINE`/`ALTER` scripts and `DISPLAY` output alike, folded into the
//! AUTHINFO objects, channels, namelists and queue manager attributes that decide what a queue
//! manager checks about a client's certificate.
//!
//! The rules followed (IBM, "MQSC input file syntax":
//! https://ibm.com/support/knowledgecenter/SSFKSJ_9.3.0/administer/mqsc-input-file-syntax.html ;
//! "Script (MQSC) commands": https://ibm.com/docs/SSFKSJ_9.0.0/com.ibm.mq.adm.doc/q020630_.html ;
//! "Generic values and characters with special meanings":
//! https://www.ibm.com/docs/SSFKSJ_9.0.0/com.ibm.mq.ref.adm.doc/q085100_.html):
//! - a line with `*` in the first position is a comment; blank lines are ignored;
//! - a trailing `+` continues from the first non-blank character of the next line, a trailing `-`
//!   from its start, and neither adds a blank (`'Fr+` / ` ed'` is `'Fred'`); `;` ends a command;
//! - keywords, parentheses and values are separated by blanks or commas;
//! - text in single quotes is kept exactly (`''` is one quote); unquoted text is folded to upper
//!   case, names included (`CHANNEL(pl81n.svrconn)` defines `PL81N.SVRCONN`);
//! - `ALTER` changes the existing object and keeps every attribute it does not name; `DEFINE` of an
//!   existing object fails (AMQ8150E) unless it says `REPLACE`, which replaces the whole definition.

use super::config::{AuthInfo, AuthInfoKind, ChannelDef, Mqcd, SslCauth};
use super::display;
use serde::Serialize;
use std::collections::BTreeMap;

/// A problem in MQSC text, with where it is: the line its statement starts on and the column of
/// the offending word (or of the statement's first character).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MqscProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters, e-mail quoting included).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

pub use super::config::SslEvents;

impl std::fmt::Display for MqscProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The queue manager's own attributes, from `ALTER QMGR` or `DISPLAY QMGR`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QmgrAttributes {
    /// QMNAME (DISPLAY QMGR) or the name `runmqsc` started for.
    pub name: Option<String>,
    /// SSLEV as written; `None`: not stated (the default, DISABLED, applies).
    pub sslev: Option<SslEvents>,
    /// SSLCRLNL.
    pub sslcrlnl: Option<String>,
    /// SSLCRLNL stated blank (`SSLCRLNL(' ')`): the queue manager uses no AUTHINFO at all.
    pub sslcrlnl_blank: bool,
    /// CERTLABL.
    pub certlabl: Option<String>,
    /// SSLKEYR: the key repository.
    pub sslkeyr: Option<String>,
    /// SSLFIPS.
    pub sslfips: Option<bool>,
    /// 1-based line of the last statement or block that set them.
    pub line: Option<usize>,
}

/// What the MQSC defines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MqscDefinitions {
    /// AUTHINFO objects.
    pub authinfo: Vec<AuthInfo>,
    /// Channels other than client-connection ones (the queue manager's).
    pub channels: Vec<ChannelDef>,
    /// Client-connection channels (`CHLTYPE(CLNTCONN)`), as the client's MQCD.
    pub client_channels: Vec<Mqcd>,
    /// Namelists and their names.
    pub namelists: BTreeMap<String, Vec<String>>,
    /// `ALTER QMGR SSLCRLNL(name)` / `DISPLAY QMGR` SSLCRLNL.
    pub sslcrlnl: Option<String>,
    /// SSLEV as written (`None`: not stated; see [`MqscDefinitions::sslev_in_force`]).
    pub sslev: Option<SslEvents>,
    /// Every queue manager attribute read.
    pub qmgr: QmgrAttributes,
    /// Channel authentication records (SET CHLAUTH, DISPLAY CHLAUTH), in order.
    pub chlauth: Vec<ChlauthRule>,
    /// Problems, by line.
    pub problems: Vec<MqscProblem>,
}

/// A value as written: its text (quotes removed, `''` unescaped) and whether any of it was quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Value {
    text: String,
    raw: String,
    quoted: bool,
}

impl Value {
    /// As runmqsc stores it: unquoted text folded to upper case.
    fn stored(&self) -> String {
        if self.quoted {
            self.text.clone()
        } else {
            self.text.to_ascii_uppercase()
        }
    }

    fn literal(text: &str) -> Self {
        Self {
            text: text.trim().to_owned(),
            raw: text.to_owned(),
            quoted: true,
        }
    }
}

/// One statement: verb, object type, name and attributes (keys uppercase).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Statement {
    line: usize,
    verb: String,
    object: String,
    name: Option<Value>,
    attributes: BTreeMap<String, Value>,
    /// Whether it is a DISPLAY answer (the whole stored definition).
    shown: bool,
}

#[path = "mqsc_read.rs"]
mod read;

mod chlauth;
pub use super::config::ChlauthRule;

/// An object being built: its attributes, the line that defined it.
#[derive(Clone, Debug)]
struct Object {
    line: usize,
    attributes: BTreeMap<String, Value>,
}

fn object_alias(object: &str) -> &str {
    match object {
        "CHL" => "CHANNEL",
        "NL" => "NAMELIST",
        "QMGR" | "QM" => "QMGR",
        other => other,
    }
}

fn verb_alias(verb: &str) -> &str {
    match verb {
        "DEF" => "DEFINE",
        "ALT" => "ALTER",
        "DIS" => "DISPLAY",
        other => other,
    }
}

/// The attributes whose unquoted lower case runmqsc silently folds, with why it matters.
const FOLDING_MATTERS: &[(&str, &str)] = &[
    (
        "OCSPURL",
        "the responder URL must begin with lowercase http://",
    ),
    ("CERTLABL", "certificate labels are compared as written"),
    ("SSLKEYR", "file names are case-sensitive on Linux and UNIX"),
    ("SSLPEER", "only matters for values compared by case"),
];

impl MqscDefinitions {
    /// Parses MQSC text: a script, a `runmqsc` transcript, DISPLAY output, or a mix.
    pub fn parse(text: &str) -> Self {
        let mut defs = MqscDefinitions::default();
        let (statements, qmgr_name) = read::statements(text, &mut defs.problems);
        defs.qmgr.name = qmgr_name;
        let mut objects: BTreeMap<(String, String), Object> = BTreeMap::new();
        let mut order: Vec<(String, String)> = Vec::new();
        for s in statements {
            defs.apply(s, &mut objects, &mut order);
        }
        for key in order {
            if let Some(object) = objects.remove(&key) {
                defs.build(&key.0, &key.1, object);
            }
        }
        defs.sslcrlnl = defs.qmgr.sslcrlnl.clone();
        defs.sslev = defs.qmgr.sslev;
        // A problem about a statement as a whole points at the statement's first character.
        for problem in defs.problems.iter_mut().filter(|p| p.column == 0) {
            problem.column = super::quote::column_of(text, problem.line, "");
        }
        defs.problems.sort_by_key(|p| (p.line, p.column));
        defs
    }

    fn problem(&mut self, line: usize, message: String) {
        self.problems.push(MqscProblem {
            line,
            column: 0,
            message,
        });
    }

    fn apply(
        &mut self,
        s: Statement,
        objects: &mut BTreeMap<(String, String), Object>,
        order: &mut Vec<(String, String)>,
    ) {
        let verb = verb_alias(&s.verb).to_owned();
        let object = object_alias(&s.object).to_owned();
        if !s.shown {
            for (key, value) in &s.attributes {
                if !value.quoted
                    && value.text.chars().any(|c| c.is_ascii_lowercase())
                    && let Some((_, why)) = FOLDING_MATTERS.iter().find(|(k, _)| k == key)
                {
                    self.problem(s.line, format!("{key}({}) is not quoted: runmqsc stores it as {key}({}) ({why}); write {key}('{}')", value.text, value.stored(), value.text));
                }
            }
        }
        match (verb.as_str(), object.as_str()) {
            ("ALTER" | "DEFINE", "QMGR") | ("DISPLAY", "QMGR") if verb != "DISPLAY" || s.shown => {
                if verb == "DEFINE" {
                    self.problem(s.line, "runmqsc has no DEFINE QMGR; read as ALTER QMGR".into());
                }
                self.qmgr_attributes(&s);
            }
            ("DEFINE" | "ALTER" | "DISPLAY", "AUTHINFO" | "CHANNEL" | "NAMELIST") => {
                if verb == "DISPLAY" && !s.shown {
                    return;
                }
                let Some(name) = s.name.as_ref().map(Value::stored).filter(|n| !n.is_empty()) else {
                    self.problem(s.line, format!("{object} needs a name: {object}(name)"));
                    return;
                };
                // A client-connection and a server-connection channel may share a name.
                let clntconn = s.attributes.get("CHLTYPE").is_some_and(|t| t.stored().eq_ignore_ascii_case("CLNTCONN"));
                let class = if object == "CHANNEL" && clntconn { "CLNTCONN".to_owned() } else { object.clone() };
                let key = (class, name.clone());
                let replace = s.attributes.contains_key("REPLACE");
                let mut attributes = s.attributes.clone();
                attributes.remove("REPLACE");
                attributes.remove("NOREPLACE");
                match (verb.as_str(), objects.get_mut(&key)) {
                    ("ALTER", Some(existing)) => existing.attributes.extend(attributes),
                    ("ALTER", None) => {
                        self.problem(s.line, format!("ALTER {object}({name}): the object is not defined in this text; runmqsc changes the queue manager's existing {object}({name}), whose other attributes are not known here and are taken as the defaults"));
                        order.push(key.clone());
                        objects.insert(key, Object { line: s.line, attributes });
                    }
                    ("DEFINE", Some(existing)) if !replace => {
                        let first = existing.line;
                        self.problem(s.line, format!("DEFINE {object}({name}) without REPLACE: {object}({name}) already exists (line {first}), so runmqsc refuses this one (AMQ8150E) and keeps the first"));
                    }
                    (_, Some(existing)) => {
                        *existing = Object { line: s.line, attributes };
                    }
                    (_, None) => {
                        order.push(key.clone());
                        objects.insert(key, Object { line: s.line, attributes });
                    }
                }
            }
            ("SET", "CHLAUTH") | ("DISPLAY", "CHLAUTH") if verb == "SET" || s.shown => self.chlauth(&s),
            ("REFRESH" | "DISPLAY" | "START" | "STOP" | "END" | "PING" | "RESET" | "SET", _) => {}
            (verb, object) => self.problem(s.line, format!("'{verb} {object}' is not a command mqocsp reads (it reads DEFINE/ALTER/DISPLAY AUTHINFO, CHANNEL, NAMELIST and ALTER/DISPLAY QMGR)")),
        }
    }

    fn qmgr_attributes(&mut self, s: &Statement) {
        let stored = |key: &str| s.attributes.get(key).map(Value::stored);
        self.qmgr.line = Some(s.line);
        if let Some(name) = stored("QMNAME").filter(|n| !n.is_empty()) {
            self.qmgr.name = Some(name);
        }
        if let Some(list) = stored("SSLCRLNL") {
            self.qmgr.sslcrlnl_blank = list.trim().is_empty();
            self.qmgr.sslcrlnl = Some(list).filter(|l| !l.trim().is_empty());
        }
        if let Some(label) = stored("CERTLABL") {
            self.qmgr.certlabl = Some(label).filter(|l| !l.trim().is_empty());
        }
        if let Some(keyr) = stored("SSLKEYR") {
            self.qmgr.sslkeyr = Some(keyr).filter(|l| !l.trim().is_empty());
        }
        if let Some(fips) = stored("SSLFIPS") {
            self.qmgr.sslfips = match fips.to_ascii_uppercase().as_str() {
                "YES" => Some(true),
                "NO" => Some(false),
                other => {
                    self.problem(s.line, format!("SSLFIPS({other}) is neither YES nor NO"));
                    self.qmgr.sslfips
                }
            };
        }
        if let Some(sslev) = stored("SSLEV") {
            match sslev.to_ascii_uppercase().as_str() {
                "ENABLED" => self.qmgr.sslev = Some(SslEvents::Enabled),
                "DISABLED" => self.qmgr.sslev = Some(SslEvents::Disabled),
                other => self.problem(
                    s.line,
                    format!("SSLEV({other}) is neither ENABLED nor DISABLED; runmqsc rejects it"),
                ),
            }
        }
    }

    fn build(&mut self, object: &str, name: &str, o: Object) {
        let attr = |key: &str| {
            o.attributes
                .get(key)
                .map(Value::stored)
                .filter(|v| !v.trim().is_empty())
        };
        match object {
            "AUTHINFO" => {
                let kind = match attr("AUTHTYPE").map(|v| v.to_ascii_uppercase()).as_deref() {
                    Some("OCSP") => match attr("OCSPURL") {
                        Some(url) => AuthInfoKind::Ocsp { url },
                        None => {
                            self.problem(
                                o.line,
                                format!("AUTHINFO({name}) AUTHTYPE(OCSP) has no OCSPURL"),
                            );
                            return;
                        }
                    },
                    Some("CRLLDAP") => AuthInfoKind::Crlldap {
                        conn_name: attr("CONNAME").unwrap_or_default(),
                    },
                    Some(_) => AuthInfoKind::Other,
                    None => {
                        self.problem(o.line, format!("AUTHINFO({name}) has no AUTHTYPE"));
                        return;
                    }
                };
                self.authinfo.push(AuthInfo {
                    name: name.to_owned(),
                    kind,
                });
            }
            "CHANNEL" | "CLNTCONN" => {
                let sslcauth = match attr("SSLCAUTH").map(|v| v.to_ascii_uppercase()).as_deref() {
                    Some("OPTIONAL") => SslCauth::Optional,
                    _ => SslCauth::Required,
                };
                let chltype = attr("CHLTYPE").map(|v| v.to_ascii_uppercase());
                if chltype.as_deref() == Some("CLNTCONN") {
                    self.client_channels.push(Mqcd {
                        version: 11,
                        channel_name: name.to_owned(),
                        conn_name: attr("CONNAME"),
                        cipher_spec: attr("SSLCIPH"),
                        peer_name: attr("SSLPEER"),
                        certificate_label: attr("CERTLABL"),
                    });
                    return;
                }
                self.channels.push(ChannelDef {
                    name: name.to_owned(),
                    sslciph: attr("SSLCIPH"),
                    sslciph_blank: o
                        .attributes
                        .get("SSLCIPH")
                        .is_some_and(|v| v.stored().trim().is_empty()),
                    sslcauth,
                    sslpeer: attr("SSLPEER"),
                    certlabl: attr("CERTLABL"),
                    chltype,
                    conname: attr("CONNAME"),
                    qmname: attr("QMNAME"),
                });
            }
            _ => {
                let names = o
                    .attributes
                    .get("NAMES")
                    .map(read::names)
                    .unwrap_or_default();
                self.namelists.insert(name.to_owned(), names);
            }
        }
    }

    /// The AUTHINFO names SSLCRLNL refers to, in order.
    pub fn crl_namelist(&self) -> Vec<String> {
        self.sslcrlnl
            .as_ref()
            .and_then(|name| self.namelists.get(name))
            .cloned()
            .unwrap_or_default()
    }

    /// SSLEV in force: as written, else DISABLED (the default).
    pub fn sslev_in_force(&self) -> SslEvents {
        self.sslev.unwrap_or_default()
    }
}

#[cfg(test)]
#[path = "mqsc_tests.rs"]
mod tests;
