//! The C an application team pastes to show how it connects: the MQCNO, MQSCO, MQAIR and MQCD
//! it declares and fills, as IBM's sample amqssslc does:
//!
//! ```c
//! MQAIR air[2] = {{MQAIR_DEFAULT}, {MQAIR_DEFAULT}};
//! air[0].AuthInfoType = MQAIT_OCSP;
//! strncpy(air[0].OCSPResponderURL, "http://ocsp.example:2560/", MQ_AUTH_INFO_OCSP_URL_LENGTH);
//! sco.AuthInfoRecCount = 2;
//! sco.AuthInfoRecPtr = air;
//! cno.Version = MQCNO_VERSION_4;
//! cno.SSLConfigPtr = &sco;
//! ```
//!
//! Each structure keeps the initial values IBM documents (MQAIR version 1 with MQAIT_CRL_LDAP,
//! MQSCO and MQCNO version 1: reference §1–3) unless the code changes them; an array of MQAIR
//! records keeps its order (only the first is used for OCSP: the seed walk-through).

use super::config::{AuthInfoType, Mqair, Mqcd, Mqcno, Mqsco};

/// What the C code sets up, with the lines it was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CSource {
    /// MQCNO (with its MQSCO and MQAIR records).
    pub mqcno: Mqcno,
    /// MQCD, when the code fills one.
    pub mqcd: Option<Mqcd>,
    /// 1-based lines read.
    pub lines: Vec<usize>,
    /// Problems, with line and column.
    pub problems: Vec<(usize, usize, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Air,
    Sco,
    Cno,
    Cd,
}

fn kind_of_type(word: &str) -> Option<Kind> {
    match word {
        "MQAIR" | "PMQAIR" => Some(Kind::Air),
        "MQSCO" | "PMQSCO" => Some(Kind::Sco),
        "MQCNO" | "PMQCNO" => Some(Kind::Cno),
        "MQCD" | "PMQCD" => Some(Kind::Cd),
        _ => None,
    }
}

/// The structure a field belongs to when the variable's type is not declared in the paste.
fn kind_of_field(field: &str) -> Option<Kind> {
    match field {
        "AuthInfoType" | "OCSPResponderURL" | "AuthInfoConnName" => Some(Kind::Air),
        "KeyRepository" | "AuthInfoRecCount" | "AuthInfoRecPtr" | "AuthInfoRecOffset" => {
            Some(Kind::Sco)
        }
        "SSLConfigPtr" | "SSLConfigOffset" => Some(Kind::Cno),
        "ChannelName" | "ConnectionName" | "SSLCipherSpec" | "SSLPeerNamePtr" => Some(Kind::Cd),
        _ => None,
    }
}

/// A version constant: `MQAIR_VERSION_2`, `MQSCO_CURRENT_VERSION`, or a number. The current
/// versions are the newest header's (reference §2, §4: MQSCO 7, MQCD 12; MQAIR 2; MQCNO 8).
fn version(value: &str) -> Option<(Option<Kind>, u32)> {
    if let Ok(n) = value.parse() {
        return Some((None, n));
    }
    let (prefix, rest) = value.split_once('_')?;
    let kind = kind_of_type(prefix)?;
    let n = match rest {
        "CURRENT_VERSION" => match kind {
            Kind::Air => 2,
            Kind::Sco => 7,
            Kind::Cno => 8,
            Kind::Cd => 12,
        },
        _ => rest.strip_prefix("VERSION_")?.parse().ok()?,
    };
    Some((Some(kind), n))
}

/// `"…"` in `text`: the first string literal.
fn literal(text: &str) -> Option<String> {
    let start = text.find('"')? + 1;
    let end = text.get(start..)?.find('"')? + start;
    text.get(start..end).map(str::to_owned)
}

/// `air[1].Version` / `pAir->Version` / `sco.KeyRepository`: variable, index, field.
fn target(lhs: &str) -> Option<(String, usize, String)> {
    let lhs = lhs.trim().trim_start_matches(['&', '*', '(']);
    let (var, field) = lhs.rsplit_once("->").or_else(|| lhs.rsplit_once('.'))?;
    let field = field.trim().trim_end_matches(')');
    if field.is_empty() || !field.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let var = var.trim().trim_end_matches(')');
    let (name, index) = match var.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').trim().parse().ok()?),
        None => (var, 0),
    };
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '_';
    (!name.is_empty() && name.chars().all(ok)).then(|| (name.to_owned(), index, field.to_owned()))
}

/// Reads the MQ structures a C paste fills; `None` when it fills none.
pub fn read(text: &str) -> Option<CSource> {
    let mut types: Vec<(String, Kind)> = Vec::new();
    let mut declared: Vec<usize> = Vec::new();
    // (variable, index, field, value, line, column), in order.
    let mut sets: Vec<(String, usize, String, String, usize, usize)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.get(super::quote::quote_prefix(raw)..).unwrap_or(raw);
        let column = raw.len() - line.trim_start().len() + 1;
        let code = line.trim();
        let words: Vec<&str> = code
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        // `MQAIR air[2] = …;`, `MQSCO sco = {MQSCO_DEFAULT};`
        if let [first, name, ..] = words.as_slice()
            && let Some(kind) = kind_of_type(first)
        {
            types.push(((*name).to_owned(), kind));
            declared.push(index + 1);
            continue;
        }
        // `strncpy(air[0].OCSPResponderURL, "http://…", …);`
        for call in ["strncpy(", "strcpy(", "memcpy(", "strncpy_s("] {
            if let Some(args) = code.strip_prefix(call)
                && let Some((lhs, rest)) = args.split_once(',')
                && let (Some((var, i, field)), Some(value)) = (target(lhs), literal(rest))
            {
                sets.push((var, i, field, value, index + 1, column));
            }
        }
        // `air[0].Version = MQAIR_VERSION_2;`
        if let Some((lhs, rhs)) = code.split_once('=')
            && !rhs.starts_with('=')
            && code.ends_with(';')
            && let Some((var, i, field)) = target(lhs)
        {
            let rhs = rhs.trim().trim_end_matches(';').trim();
            let value = literal(rhs).unwrap_or_else(|| rhs.trim_start_matches('&').to_owned());
            sets.push((var, i, field, value, index + 1, column));
        }
    }
    let kind_of = |var: &str, field: &str, value: &str| {
        types
            .iter()
            .rev()
            .find(|(n, _)| n == var)
            .map(|(_, k)| *k)
            .or_else(|| kind_of_field(field))
            .or_else(|| (field == "Version").then(|| version(value)?.0).flatten())
    };
    let mut out = CSource::default();
    let mut airs: Vec<((String, usize), Mqair)> = Vec::new();
    let mut sco = Mqsco::default();
    let mut sco_seen = false;
    let mut mqcd: Option<Mqcd> = None;
    let mut count: Option<usize> = None;
    for (var, i, field, value, line, column) in sets {
        let Some(kind) = kind_of(&var, &field, &value) else {
            continue;
        };
        out.lines.push(line);
        let mut problem = |what: String| out.problems.push((line, column, what));
        match (kind, field.as_str()) {
            (Kind::Air, _) => {
                let key = (var.clone(), i);
                let position = match airs.iter().position(|(k, _)| *k == key) {
                    Some(p) => p,
                    None => {
                        airs.push((key, Mqair::default()));
                        airs.len() - 1
                    }
                };
                let Some((_, air)) = airs.get_mut(position) else {
                    continue;
                };
                match field.as_str() {
                    "Version" => match version(&value) {
                        Some((_, n)) => air.version = n,
                        None => problem(format!("{var}.Version = {value}: not a version")),
                    },
                    "AuthInfoType" => match value.as_str() {
                        "MQAIT_OCSP" | "2" => air.auth_info_type = AuthInfoType::MqaitOcsp,
                        "MQAIT_CRL_LDAP" | "1" => air.auth_info_type = AuthInfoType::MqaitCrlLdap,
                        _ => problem(format!(
                            "{var}.AuthInfoType = {value}: not MQAIT_OCSP or MQAIT_CRL_LDAP"
                        )),
                    },
                    "OCSPResponderURL" => air.ocsp_responder_url = Some(value),
                    "AuthInfoConnName" => air.auth_info_conn_name = Some(value),
                    _ => {}
                }
            }
            (Kind::Sco, "Version") => {
                sco_seen = true;
                sco.version = version(&value).map_or(sco.version, |(_, n)| n);
            }
            (Kind::Sco, "KeyRepository") => {
                sco_seen = true;
                sco.key_repository = Some(value);
            }
            (Kind::Sco, "CertificateLabel") => sco.certificate_label = Some(value),
            (Kind::Sco, "AuthInfoRecCount") => match value.parse() {
                Ok(n) => count = Some(n),
                Err(_) => problem(format!("AuthInfoRecCount = {value}: not a number")),
            },
            (Kind::Sco, _) => sco_seen = true,
            (Kind::Cno, "Version") => {
                out.mqcno.version = version(&value).map_or(out.mqcno.version, |(_, n)| n)
            }
            (Kind::Cno, _) => {}
            (Kind::Cd, _) => {
                let cd = mqcd.get_or_insert_with(|| Mqcd {
                    // MQCD_CLIENT_CONN_DEFAULT is version 6 (reference, "CertificateLabel in MQCD").
                    version: 6,
                    ..Mqcd::default()
                });
                match field.as_str() {
                    "Version" => cd.version = version(&value).map_or(cd.version, |(_, n)| n),
                    "ChannelName" => cd.channel_name = value,
                    "ConnectionName" => cd.conn_name = Some(value),
                    "SSLCipherSpec" => cd.cipher_spec = Some(value),
                    "SSLPeerNamePtr" => cd.peer_name = Some(value),
                    "CertificateLabel" => cd.certificate_label = Some(value),
                    _ => {}
                }
            }
        }
    }
    if airs.is_empty() && !sco_seen && mqcd.is_none() {
        return None;
    }
    // Records in array order; AuthInfoRecCount says how many MQ is given.
    airs.sort_by(|((a, i), _), ((b, j), _)| {
        let first = |v: &str| types.iter().position(|(n, _)| n == v);
        (first(a), i).cmp(&(first(b), j))
    });
    sco.auth_info_records = airs.into_iter().map(|(_, air)| air).collect();
    out.lines.extend(declared);
    out.lines.sort_unstable();
    out.lines.dedup();
    if let Some(n) = count {
        sco.auth_info_records.truncate(n);
    }
    out.mqcno.sco = Some(sco);
    out.mqcd = mqcd;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_of_two_mqair_keeps_its_order_and_versions() {
        let code = r#"
    MQCNO  cno = {MQCNO_DEFAULT};
    MQSCO  sco = {MQSCO_DEFAULT};
    MQAIR  air[2] = {{MQAIR_DEFAULT}, {MQAIR_DEFAULT}};

    air[0].AuthInfoType = MQAIT_OCSP;
    strncpy(air[0].OCSPResponderURL, "http://ocsp-int.example:2560/", MQ_AUTH_INFO_OCSP_URL_LENGTH);
    air[1].Version = MQAIR_VERSION_2;
    air[1].AuthInfoType = MQAIT_OCSP;
    strncpy(air[1].OCSPResponderURL, "http://ocsp-int.example:2560/", MQ_AUTH_INFO_OCSP_URL_LENGTH);
    strncpy(sco.KeyRepository, "/opt/app/ssl/key", MQ_SSL_KEY_REPOSITORY_LENGTH);
    sco.AuthInfoRecCount = 2;
    sco.AuthInfoRecPtr = air;
    cno.Version = MQCNO_VERSION_4;
    cno.SSLConfigPtr = &sco;
"#;
        let c = read(code).unwrap();
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.mqcno.version, 4);
        let sco = c.mqcno.sco.unwrap();
        assert_eq!(sco.key_repository.as_deref(), Some("/opt/app/ssl/key"));
        let v: Vec<(u32, AuthInfoType)> = sco
            .auth_info_records
            .iter()
            .map(|a| (a.version, a.auth_info_type))
            .collect();
        assert_eq!(
            v,
            [(1, AuthInfoType::MqaitOcsp), (2, AuthInfoType::MqaitOcsp)]
        );
        assert_eq!(c.lines.len(), 13);
    }

    #[test]
    fn prose_and_other_code_are_not_mq_structures() {
        assert_eq!(
            read("we set the URL in the code\nint x = 3;\nfoo.bar = 2;"),
            None
        );
    }

    #[test]
    fn a_bad_constant_is_a_problem_with_line_and_column() {
        let c = read("MQAIR air = {MQAIR_DEFAULT};\n  air.AuthInfoType = MQAIT_OSCP;\n").unwrap();
        assert_eq!(c.problems.len(), 1);
        assert_eq!((c.problems[0].0, c.problems[0].1), (2, 3));
    }
}
