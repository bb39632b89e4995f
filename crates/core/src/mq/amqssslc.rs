//! IBM's TLS sample program `amqssslc` as a customer runs it to test a connection:
//!
//! ```text
//! amqssslc -m MQPRD01 -c ORDERS.SVRCONN -x 'mqprd01(1414)' -k /home/app/ssl/key
//!          -s TLS_AES_256_GCM_SHA384 -l applabel -o http://ocsp.example:8080/
//! ```
//!
//! What it builds, from the sample's source (`amqssslc.c`, and IBM, "The TLS sample program":
//! https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=multiplatforms-tls-sample-program ): with `-x`
//! an MQCD for channel `-c` (SYSTEM.DEF.SVRCONN when none), raised to version 7 with the
//! CipherSpec `-s`; with `-k` an MQSCO holding the key repository stem, its version raised to 2
//! for `-f` (FIPS), 3 for `-b` (Suite B), 4 for `-p` (certificate validation policy) and 5 for
//! `-l` (certificate label); with `-k` and `-o` one MQAIR, version 2, MQAIT_OCSP, holding the
//! responder URL (without `-k`, `-o` is not used); MQCNO always version 4.

use super::cmdline::{ClientApp, CmdProblem, tokens};
use super::config::{AuthInfoType, Mqair, Mqsco};
use super::ini::CertValPolicy;

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

/// Whether `line` runs amqssslc.
pub fn invoked(line: &str) -> bool {
    program_at(&tokens(line)).is_some()
}

/// The structures the command line makes amqssslc build; `None` when the line does not run it.
pub fn parse(line: &str) -> Option<ClientApp> {
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

    #[test]
    fn the_sample_builds_mqcno_4_mqsco_and_an_ocsp_mqair() {
        let app = parse("[app@h ~]$ /opt/mqm/samp/bin/amqssslc -m QM1 -c APP.SVRCONN -x 'mq(1414)' -k /home/app/key -s TLS_AES_256_GCM_SHA384 -l lab -o https://ocsp.example/").unwrap();
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
        let app = parse("amqssslc -m QM1 -x mq(1414) -o http://ocsp/ -z").unwrap();
        assert!(app.mqcno.sco.is_none());
        assert_eq!(app.mqcd.channel_name, "SYSTEM.DEF.SVRCONN");
        assert_eq!(app.problems.len(), 1, "{:?}", app.problems);
        assert!(parse("mqpgfc -qm QM1").is_none());
        // Its own output names it too.
        assert!(!invoked("Sample AMQSSSLC start"));
        assert!(invoked(r"C:\> amqssslc.exe -m QM1"));
    }
}
