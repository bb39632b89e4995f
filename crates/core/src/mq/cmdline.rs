//! An `mqpgfc`-style command line, as in the seed walk-through:
//!
//! ```text
//! mqpgfc -qm PL81N -q LQ1 MQGMO_WAIT MQWI_UNLIMITED -x host:1414 -ch PL81N.MQICHL -cl PL921WCA
//!        -cs TLS_AES_128_GCM_SHA256 MQCD_VERSION_11 -ru "http://host:2560/" -tr MQAIR_VERSION_2
//!        MQAIT_OCSP MQCNO_VERSION_4 -kr "..\clientssl\key"
//! ```
//!
//! Options take a value; `MQxxx_VERSION_n` and `MQAIT_…` words set structure fields exactly as the
//! program does. Whatever it does not know is reported with its column.

use super::config::{AuthInfoType, Mqair, Mqcd, Mqcno, Mqsco};
use super::ini::CertValPolicy;
use serde::Serialize;

/// A problem in the command line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CmdProblem {
    /// 1-based column of the token.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// What the command line sets up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClientApp {
    /// `-qm`.
    pub queue_manager: Option<String>,
    /// `-q`.
    pub queue: Option<String>,
    /// MQCNO (with its MQSCO and MQAIR when the options create them).
    pub mqcno: Mqcno,
    /// MQCD.
    pub mqcd: Mqcd,
    /// Problems, by column.
    pub problems: Vec<CmdProblem>,
}

/// Splits a command line into tokens with their 1-based columns; double quotes group.
fn tokens(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut quoted = false;
    for (index, c) in line.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                current.get_or_insert_with(|| (index + 1, String::new()));
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(token) = current.take() {
                    out.push(token);
                }
            }
            c => current
                .get_or_insert_with(|| (index + 1, String::new()))
                .1
                .push(c),
        }
    }
    out.extend(current);
    out
}

/// `host:port` as mqpgfc takes it becomes MQ's `host(port)`.
fn conn_name(value: &str) -> String {
    match value.rsplit_once(':') {
        Some((host, port))
            if !host.is_empty() && port.chars().all(|c| c.is_ascii_digit()) && !port.is_empty() =>
        {
            format!("{host}({port})")
        }
        _ => value.to_owned(),
    }
}

/// Whether a bare word after a name's value can only be the rest of that name: not an option,
/// not an MQ constant the command line takes, not output that followed the command.
fn split_rest(token: &str) -> bool {
    !token.starts_with(['-', '[', '>', '"'])
        && !token.starts_with("MQ")
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '/'))
}

fn version(word: &str, prefix: &str) -> Option<u32> {
    word.strip_prefix(prefix).and_then(|n| n.parse().ok())
}

impl ClientApp {
    /// Parses the command line (a leading `mqpgfc`, `mqpgfc.exe` or prompt `>` is skipped); a
    /// line that runs IBM's sample amqssslc is read by its own options (`amqssslc`).
    pub fn parse(line: &str) -> Self {
        if let Some(app) = parse_amqssslc(line) {
            return app;
        }
        let mut app = ClientApp::default();
        let mut mqair = Mqair::default();
        let mut wants_air = false;
        let mut sco = Mqsco::default();
        let mut wants_sco = false;
        let tokens = tokens(line.trim());
        let mut iter = tokens.into_iter().peekable();
        if iter.peek().is_some_and(|(_, t)| {
            t.trim_start_matches('>')
                .to_ascii_lowercase()
                .starts_with("mqpgf")
        }) {
            iter.next();
        }
        while let Some((column, token)) = iter.next() {
            let mut value = |name: &str, problems: &mut Vec<CmdProblem>| match iter.next() {
                Some((_, v)) if !v.starts_with('-') => {
                    let mut v = v;
                    // A redacted value with blanks (`<ipaddr or hostname>:<port>`) runs to its
                    // closing `>`; a name a copy broke in two (`PL81N.MQ ICHL`: MQ names hold
                    // no blanks) is joined, and both are said.
                    while v.matches('<').count() > v.matches('>').count()
                        && let Some((_, more)) = iter.next_if(|(_, t)| !t.starts_with('-'))
                    {
                        v = format!("{v} {more}");
                    }
                    if matches!(name, "-ch" | "-qm" | "-cl" | "-cs")
                        && let Some((at, more)) = iter.next_if(|(_, t)| split_rest(t))
                    {
                        problems.push(CmdProblem {
                            column: at,
                            message: format!(
                                "'{more}' is taken as the rest of {name} {v} (a name holds no blank: split by a copy?), giving {v}{more}"
                            ),
                        });
                        v.push_str(&more);
                    }
                    Some(v)
                }
                other => {
                    problems.push(CmdProblem {
                        column,
                        message: format!("{name} needs a value"),
                    });
                    drop(other);
                    None
                }
            };
            match token.as_str() {
                "-qm" => app.queue_manager = value("-qm", &mut app.problems),
                "-q" => app.queue = value("-q", &mut app.problems),
                "-x" => app.mqcd.conn_name = value("-x", &mut app.problems).map(|v| conn_name(&v)),
                "-ch" => {
                    app.mqcd.channel_name = value("-ch", &mut app.problems).unwrap_or_default()
                }
                "-cl" => app.mqcd.certificate_label = value("-cl", &mut app.problems),
                "-cs" => app.mqcd.cipher_spec = value("-cs", &mut app.problems),
                "-cp" => app.mqcd.peer_name = value("-cp", &mut app.problems),
                "-ru" => {
                    mqair.ocsp_responder_url = value("-ru", &mut app.problems);
                    wants_air = true;
                }
                "-kr" => {
                    sco.key_repository = value("-kr", &mut app.problems);
                    wants_sco = true;
                }
                "-tr" => {}
                "MQAIT_OCSP" => {
                    mqair.auth_info_type = AuthInfoType::MqaitOcsp;
                    wants_air = true;
                }
                "MQAIT_CRL_LDAP" => {
                    mqair.auth_info_type = AuthInfoType::MqaitCrlLdap;
                    wants_air = true;
                }
                "MQGMO_WAIT" | "MQWI_UNLIMITED" | "MQGMO_NO_WAIT" | "MQGMO_SYNCPOINT" => {}
                word => {
                    if let Some(n) = version(word, "MQAIR_VERSION_") {
                        mqair.version = n;
                        wants_air = true;
                    } else if let Some(n) = version(word, "MQCNO_VERSION_") {
                        app.mqcno.version = n;
                    } else if let Some(n) = version(word, "MQCD_VERSION_") {
                        app.mqcd.version = n;
                    } else if let Some(n) = version(word, "MQSCO_VERSION_") {
                        sco.version = n;
                        wants_sco = true;
                    } else {
                        app.problems.push(CmdProblem { column, message: format!("'{word}' is not an option mqocsp knows (is it part of the previous value, split by a copy?)") });
                    }
                }
            }
        }
        if wants_air {
            sco.auth_info_records.push(mqair);
            wants_sco = true;
        }
        if wants_sco {
            app.mqcno.sco = Some(sco);
        }
        if app.mqcd.cipher_spec.is_some() && app.mqcd.version < 7 {
            // mqpgfc raises MQCD to 7 for TLS, as the IBM sample amqssslc does.
            app.mqcd.version = 7;
        }
        app
    }
}

// IBM's TLS sample program `amqssslc`, as a customer runs it to test a connection.
//
// ```text
// amqssslc -m MQPRD01 -c ORDERS.SVRCONN -x 'mqprd01(1414)' -k /home/app/ssl/key
//          -s TLS_AES_256_GCM_SHA384 -l applabel -o http://ocsp.example:8080/
// ```
//
// What it builds, from the sample's source (`amqssslc.c`, and IBM, "The TLS sample program":
// https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=multiplatforms-tls-sample-program ): with `-x`
// an MQCD for channel `-c` (SYSTEM.DEF.SVRCONN when none), raised to version 7 with the
// CipherSpec `-s`; with `-k` an MQSCO holding the key repository stem, its version raised to 2
// for `-f` (FIPS), 3 for `-b` (Suite B), 4 for `-p` (certificate validation policy) and 5 for
// `-l` (certificate label); with `-k` and `-o` one MQAIR, version 2, MQAIT_OCSP, holding the
// responder URL (without `-k`, `-o` is not used); MQCNO always version 4.

/// Whether `word` (a command line's first token, perhaps with its path) runs amqssslc.
fn is_program(word: &str) -> bool {
    let base = word.rsplit(['/', '\\']).next().unwrap_or(word);
    let base = base.to_ascii_lowercase();
    base == "amqssslc" || base == "amqssslc.exe"
}

/// Where the program stands in `tokens` when the line runs it: first, or after a shell prompt
/// (`$`, `#`, `C:\>`, `[u@h ~]$`). Its own output (`Sample AMQSSSLC start`) does not run it.
fn program_at(tokens: &[(usize, String)]) -> Option<usize> {
    let at = tokens.iter().position(|(_, t)| is_program(t))?;
    let prompt = |t: &str| t.starts_with('[') || t.ends_with(['$', '#', '>', ']']);
    tokens
        .get(..at)?
        .iter()
        .all(|(_, t)| prompt(t))
        .then_some(at)
}

/// Whether `line` runs IBM's sample amqssslc.
pub fn runs_amqssslc(line: &str) -> bool {
    program_at(&tokens(line)).is_some()
}

/// The structures the command line makes amqssslc build; `None` when the line does not run it.
fn parse_amqssslc(line: &str) -> Option<ClientApp> {
    let tokens = tokens(line);
    let start = program_at(&tokens)?;
    let mut app = ClientApp::default();
    let mut sco = Mqsco {
        version: 1,
        ..Mqsco::default()
    };
    let (mut key_repository, mut ocsp_url) = (None, None);
    let mut iter = tokens.into_iter().skip(start + 1).peekable();
    while let Some((column, token)) = iter.next() {
        // The shell removed the single quotes around a value (`-x 'host(1414)'`).
        let mut value =
            |problems: &mut Vec<CmdProblem>| match iter.next_if(|(_, v)| !v.starts_with('-')) {
                Some((_, v)) => Some(v.trim_matches('\'').to_owned()),
                None => {
                    problems.push(CmdProblem {
                        column,
                        message: format!("{token} needs a value"),
                    });
                    None
                }
            };
        match token.as_str() {
            "-m" => app.queue_manager = value(&mut app.problems),
            "-c" => app.mqcd.channel_name = value(&mut app.problems).unwrap_or_default(),
            "-x" => app.mqcd.conn_name = value(&mut app.problems),
            "-s" => app.mqcd.cipher_spec = value(&mut app.problems),
            "-k" => key_repository = value(&mut app.problems),
            "-o" => ocsp_url = value(&mut app.problems),
            "-l" => {
                sco.certificate_label = value(&mut app.problems);
                sco.version = sco.version.max(5);
            }
            "-p" => {
                sco.certificate_val_policy = match value(&mut app.problems)
                    .map(|v| v.to_ascii_lowercase())
                    .as_deref()
                {
                    Some("rfc5280") => Some(CertValPolicy::Rfc5280),
                    _ => Some(CertValPolicy::Any),
                };
                sco.version = sco.version.max(4);
            }
            "-f" => {
                sco.fips_required = Some(true);
                sco.version = sco.version.max(2);
            }
            "-b" => {
                let _ = value(&mut app.problems);
                sco.version = sco.version.max(3);
            }
            other => app.problems.push(CmdProblem {
                column,
                message: format!(
                    "'{other}' is not an amqssslc option (-m -c -x -k -s -l -p -f -b -o)"
                ),
            }),
        }
    }
    if app.mqcd.conn_name.is_some() {
        if app.mqcd.channel_name.is_empty() {
            app.mqcd.channel_name = "SYSTEM.DEF.SVRCONN".into();
        }
        if app.mqcd.cipher_spec.is_some() {
            app.mqcd.version = app.mqcd.version.max(7);
        }
    }
    if let Some(stem) = key_repository {
        sco.key_repository = Some(stem);
        if let Some(url) = ocsp_url {
            sco.auth_info_records.push(Mqair {
                version: 2,
                auth_info_type: AuthInfoType::MqaitOcsp,
                ocsp_responder_url: Some(url),
                ..Mqair::default()
            });
        }
        app.mqcno.sco = Some(sco);
    }
    app.mqcno.version = 4;
    Some(app)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = r#">mqpgfc -qm PL81N -q LQ1 MQGMO_WAIT MQWI_UNLIMITED -x 192.0.2.37:1414 -ch PL81N.MQICHL -cl PL921WCA -cs TLS_AES_128_GCM_SHA256 MQCD_VERSION_11 -ru "http://192.0.2.37:2560/" -tr MQAIR_VERSION_2 MQAIT_OCSP MQCNO_VERSION_4 -kr "..\clientssl\key""#;

    #[test]
    fn the_seed_command_line() {
        let app = ClientApp::parse(SEED);
        assert!(app.problems.is_empty(), "{:?}", app.problems);
        assert_eq!(app.queue_manager.as_deref(), Some("PL81N"));
        assert_eq!(app.mqcd.channel_name, "PL81N.MQICHL");
        assert_eq!(app.mqcd.conn_name.as_deref(), Some("192.0.2.37(1414)"));
        assert_eq!(app.mqcd.version, 11);
        assert_eq!(app.mqcd.certificate_label.as_deref(), Some("PL921WCA"));
        assert_eq!(app.mqcno.version, 4);
        let sco = app.mqcno.sco.unwrap();
        assert_eq!(sco.key_repository.as_deref(), Some(r"..\clientssl\key"));
        let air = &sco.auth_info_records[0];
        assert_eq!(
            (air.version, air.auth_info_type),
            (2, AuthInfoType::MqaitOcsp)
        );
        assert_eq!(
            air.ocsp_responder_url.as_deref(),
            Some("http://192.0.2.37:2560/")
        );
    }

    #[test]
    fn split_values_and_missing_values_are_reported_by_column() {
        let app = ClientApp::parse("mqpgfc -qm PL81N -ch PL81N.MQ ICHL -kr");
        let problems: Vec<(usize, &str)> = app
            .problems
            .iter()
            .map(|p| (p.column, p.message.as_str()))
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, 31);
        assert!(
            problems[0].1.contains("giving PL81N.MQICHL"),
            "{problems:?}"
        );
        assert_eq!(app.mqcd.channel_name, "PL81N.MQICHL");
        assert!(problems[1].1.contains("-kr needs a value"));
        // A redacted host with blanks is one value.
        let app = ClientApp::parse("mqpgfc -x <ipaddr or hostname>:<port> -ch APP.SVRCONN");
        assert!(app.problems.is_empty(), "{:?}", app.problems);
        assert_eq!(
            app.mqcd.conn_name.as_deref(),
            Some("<ipaddr or hostname>:<port>")
        );
        // Without MQAIR_VERSION_2 the record stays version 1.
        let app = ClientApp::parse(r#"mqpgfc -ru "http://h:2560/" MQAIT_OCSP MQCNO_VERSION_4"#);
        assert_eq!(app.mqcno.sco.unwrap().auth_info_records[0].version, 1);
    }

    #[test]
    fn the_sample_builds_mqcno_4_mqsco_and_an_ocsp_mqair() {
        let app = parse_amqssslc("[app@h ~]$ /opt/mqm/samp/bin/amqssslc -m QM1 -c APP.SVRCONN -x 'mq(1414)' -k /home/app/key -s TLS_AES_256_GCM_SHA384 -l lab -o https://ocsp.example/").unwrap();
        assert!(app.problems.is_empty(), "{:?}", app.problems);
        assert_eq!(app.queue_manager.as_deref(), Some("QM1"));
        assert_eq!(app.mqcd.channel_name, "APP.SVRCONN");
        assert_eq!(app.mqcd.conn_name.as_deref(), Some("mq(1414)"));
        assert_eq!(app.mqcd.version, 7);
        assert_eq!(app.mqcno.version, 4);
        let sco = app.mqcno.sco.unwrap();
        assert_eq!(sco.version, 5);
        assert_eq!(sco.key_repository.as_deref(), Some("/home/app/key"));
        let [air] = sco.auth_info_records.as_slice() else {
            panic!("{:?}", sco.auth_info_records)
        };
        assert_eq!(
            (air.version, air.auth_info_type),
            (2, AuthInfoType::MqaitOcsp)
        );
        assert_eq!(
            air.ocsp_responder_url.as_deref(),
            Some("https://ocsp.example/")
        );
    }

    #[test]
    fn without_a_key_repository_the_ocsp_url_is_not_used() {
        let app = parse_amqssslc("amqssslc -m QM1 -x mq(1414) -o http://ocsp/ -z").unwrap();
        assert!(app.mqcno.sco.is_none());
        assert_eq!(app.mqcd.channel_name, "SYSTEM.DEF.SVRCONN");
        assert_eq!(app.problems.len(), 1, "{:?}", app.problems);
        assert!(parse_amqssslc("mqpgfc -qm QM1").is_none());
        // Its own output names it too.
        assert!(!runs_amqssslc("Sample AMQSSSLC start"));
        assert!(runs_amqssslc(r"C:\> amqssslc.exe -m QM1"));
    }
}
