//! The neighbours of a revocation failure reached from their symptoms: a ticket that shows
//! AMQ9641, AMQ9631 or AMQ9639 asks which CipherSpec the client offers; one that shows AMQ9777,
//! AMQ9776 or 2035 after a clean handshake asks whether a channel authentication record blocks
//! it. What the messages' inserts state (the CipherSpecs AMQ9631 names, the client's DN in
//! AMQ9777) is read first, as evidence; what they leave open becomes a supposition.

use super::{Choice, Observations, base};
use crate::mq::case::{Blocked, Resolved, SupposedFault};
use crate::mq::inserts::Detail;
use crate::mq::revocation::Side;
use crate::mq::sslpeer::PeerDn;

use super::Change;

/// The messages of a side whose id (without severity letter) is one of `ids`.
fn seen<'o>(
    observed: &'o Observations,
    side: Side,
    ids: &'o [&str],
) -> impl Iterator<Item = &'o super::Observed> + 'o {
    observed
        .messages
        .iter()
        .filter(move |m| m.side == side && ids.contains(&base(&m.id).as_str()))
}

/// What the inserts state, in words: what was taken from them, and what they contradict.
#[derive(Default)]
pub(super) struct Read {
    /// Taken where the ticket's files do not say it.
    pub taken: Vec<String>,
    /// Where the inserts contradict what was pasted.
    pub contradictions: Vec<String>,
}

/// Reads what the inserts state into the case where the ticket's files do not say it; returns
/// what was taken, in words (these are inferences from a log, so the output says them).
pub(super) fn read(resolved: &mut Resolved, observed: &Observations) -> Read {
    let mut read = Read::default();
    // The label a queue manager looks for by default carries its name: a queue manager that
    // lacks a certificate (AMQ9637) is named from its log's header when nothing else names it.
    if resolved.qm.name.is_empty()
        && let Some((name, line)) =
            lacking(observed).and_then(|m| m.qmgr.clone().map(|q| (q, m.line)))
    {
        read.taken.push(format!(
            "the queue manager is {name}, as the header of its log entry at line {line} names it"
        ));
        resolved.qm.name = name;
    }
    for m in &observed.messages {
        // A CipherSpec error names the channel whose CipherSpecs are in question, a blocked
        // channel the one whose CHLAUTH records apply.
        if ["AMQ9631", "AMQ9641", "AMQ9639", "AMQ9777", "AMQ9776"].contains(&base(&m.id).as_str()) {
            take_channel(resolved, m, &mut read.taken);
        }
        match &m.detail {
            Some(Detail::CipherSpecs {
                required,
                negotiated,
            }) if m.side == Side::QueueManager => {
                if resolved.qm.channel.sslciph.is_none() {
                    resolved.qm.channel.sslciph = Some(required.clone());
                    read.taken.push(format!(
                        "the channel's SSLCIPH({required}) is taken from AMQ9631's insert (line {})",
                        m.line
                    ));
                }
                // A CipherSpec code (MQ prints one when it cannot name it) is no name to compare.
                if resolved.client.mqcd.cipher_spec.is_none()
                    && negotiated.chars().any(|c| c.is_ascii_alphabetic())
                {
                    resolved.client.mqcd.cipher_spec = Some(negotiated.clone());
                    read.taken.push(format!(
                        "the client's CipherSpec is taken to be {negotiated}, which AMQ9631 (line {}) says the handshake negotiated",
                        m.line
                    ));
                }
            }
            Some(Detail::CipherSpecError { local, .. })
                if m.side == Side::Client
                    && !local.is_empty()
                    && resolved.client.mqcd.cipher_spec.is_none() =>
            {
                resolved.client.mqcd.cipher_spec = Some(local.clone());
                read.taken.push(format!(
                    "the client's CipherSpec {local} is taken from AMQ9641's insert (line {})",
                    m.line
                ));
            }
            Some(Detail::Blocked {
                sslpeer: Some(dn), ..
            }) if m.side == Side::QueueManager => take_dn(resolved, dn, m.line, &mut read),
            _ => {}
        }
    }
    read
}

/// The channel a message names, when nothing else in the ticket names one: the CHLAUTH records
/// are per channel profile, the CipherSpecs per channel.
fn take_channel(resolved: &mut Resolved, m: &super::Observed, taken: &mut Vec<String>) {
    let Some(name) = m
        .channel
        .clone()
        .filter(|c| !c.trim().is_empty() && c != "????")
    else {
        return;
    };
    if !resolved.channel_name().is_empty() {
        return;
    }
    taken.push(format!(
        "the channel is {name}, as {} names it (line {})",
        base(&m.id),
        m.line
    ));
    resolved.qm.channel.name = name;
}

/// The client certificate's DN from AMQ9777 in place of a certificate nobody pasted. A pasted
/// client certificate whose subject differs from the DN the queue manager quotes is not the one
/// in use: what the queue manager saw is compared, and the difference is said (a renewed
/// certificate with a new DN is the usual story).
fn take_dn(resolved: &mut Resolved, dn: &str, line: usize, read: &mut Read) {
    if resolved.client_peer_dn.is_some() {
        return;
    }
    if client_is_stand_in(resolved) {
        resolved.client_peer_dn = Some(dn.to_owned());
        read.taken.push(format!(
            "no client certificate was pasted: a stand-in with the DN '{dn}' that AMQ9777 quotes (line {line}) is compared with the CHLAUTH records"
        ));
        return;
    }
    let Some(pasted) = resolved.client_cert.as_ref() else {
        return;
    };
    // SERIALNUMBER (the certificate's serial, which MQ puts first) changes with every renewal and
    // no SSLPEER here names it: the subject's attributes decide.
    let subject = |dn: &PeerDn| -> Vec<(String, String)> {
        dn.attributes
            .iter()
            .filter(|(k, _)| k != "SERIALNUMBER")
            .map(|(k, v)| (k.to_ascii_uppercase(), v.to_ascii_lowercase()))
            .collect()
    };
    let quoted = PeerDn::parse(dn);
    let own = PeerDn::of(pasted);
    if subject(&quoted) == subject(&own) {
        return;
    }
    resolved.client_peer_dn = Some(dn.to_owned());
    read.contradictions.push(format!(
        "the client certificate pasted is '{}', but the queue manager's AMQ9777 (line {line}) shows the channel ran with SSLPEER({dn}): the client presents another certificate (a renewal with a new DN?), and that DN is compared with the CHLAUTH records",
        own.text()
    ));
}

/// Whether the client's certificate is absent or one of the stand-ins (the seed's).
fn client_is_stand_in(resolved: &Resolved) -> bool {
    let (_, names) = crate::mq::examples::stand_ins();
    resolved
        .client_cert
        .as_ref()
        .is_none_or(|c| names.contains(&c.short_name().as_str()))
}

/// The CipherSpec question: asked when a log shows a CipherSpec error.
pub(super) fn cipher_question(resolved: &Resolved, observed: &Observations) -> Option<Vec<Choice>> {
    let client_error = seen(observed, Side::Client, &["AMQ9641"]).next();
    let qm_error = seen(observed, Side::QueueManager, &["AMQ9631", "AMQ9639"]).next();
    let first = client_error.or(qm_error)?;
    let blank = seen(observed, Side::Client, &["AMQ9641"]).find_map(|m| match &m.detail {
        Some(Detail::CipherSpecError { local, .. }) if local.is_empty() => Some(m.line),
        _ => None,
    });
    let client = resolved.client.mqcd.cipher_spec.clone();
    let channel = resolved.qm.channel.sslciph.clone();
    let sslciph = channel.as_deref().map_or_else(
        || "an SSLCIPH the ticket does not show".to_owned(),
        |c| format!("SSLCIPH({c})"),
    );
    let what = format!("{} (line {})", base(&first.id), first.line);
    let mut choices = vec![Choice::as_stated()];
    match &client {
        None => {
            choices.push(Choice {
                change: Change::Fault(SupposedFault::NoClientCipherSpec),
                cost: if blank.is_some() { 0 } else { 1 },
                words: match blank {
                    Some(line) => format!("the client's channel definition names no CipherSpec (AMQ9641 at line {line} shows SSLCIPH(' ') for it) while the channel has {sslciph}"),
                    None => format!("the client's channel definition names no CipherSpec while the channel has {sslciph}"),
                },
                contradicts: None,
            });
            choices.push(Choice {
                change: Change::Fault(SupposedFault::CipherSpecRefused),
                cost: if blank.is_some() { 3 } else { 1 },
                words: format!(
                    "the client proposes a CipherSpec the channel does not accept ({sslciph})"
                ),
                contradicts: None,
            });
        }
        Some(offered) => {
            // Stated CipherSpecs the comparison accepts contradict the logs; when the channel's
            // is not stated, supposing a refusal is no contradiction.
            let contradicts = channel.as_ref().map(|c| format!("the CipherSpecs pasted ({offered} on the client, SSLCIPH({c}) on the channel) go together, but {what} shows a CipherSpec error: the definitions in use are probably not the ones pasted"));
            choices.push(Choice {
                change: Change::Fault(SupposedFault::CipherSpecRefused),
                cost: if contradicts.is_some() { 4 } else { 1 },
                words: match &channel {
                    Some(c) => format!(
                        "the client's {offered} is not what the channel's SSLCIPH({c}) accepts"
                    ),
                    None => format!(
                        "the channel's SSLCIPH (not shown) does not accept the client's {offered}"
                    ),
                },
                contradicts,
            });
            if let Some(line) = blank {
                choices.push(Choice {
                    change: Change::Fault(SupposedFault::NoClientCipherSpec),
                    cost: 4,
                    words: format!("the client's channel definition in use names no CipherSpec (AMQ9641 at line {line} shows SSLCIPH(' '))"),
                    contradicts: Some(format!("the client's CipherSpec is stated as {offered}, but its AMQ9641 (line {line}) shows none: the client's channel definition in use is probably not the one pasted (MQSERVER, for one, cannot name a CipherSpec)")),
                });
            }
        }
    }
    Some(choices)
}

/// The queue manager's AMQ9637 when the client's log does not show AMQ9642 (with it, AMQ9637 is
/// the queue manager's word for a client that sent no certificate, APAR IT15978).
fn lacking(observed: &Observations) -> Option<&super::Observed> {
    if seen(observed, Side::Client, &["AMQ9642"]).next().is_some() {
        return None;
    }
    seen(observed, Side::QueueManager, &["AMQ9637"]).next()
}

/// The queue manager's own certificate: asked when its log says a channel lacks a certificate
/// (AMQ9637) and the client's does not say it sent none (AMQ9642, APAR IT15978).
/// A Java or .NET client writes no AMQ9642 (no AMQERR01.LOG of its own), so its silence does not
/// point at the queue manager: the documented reading of AMQ9637, a client that sent no
/// certificate (IT15978), is then the cheaper one.
pub(super) fn qm_certificate_question(
    resolved: &Resolved,
    observed: &Observations,
) -> Option<Vec<Choice>> {
    let lacking = lacking(observed)?;
    let c_client = resolved.client.kind == crate::mq::java::ClientKind::C;
    Some(vec![
        Choice::as_stated(),
        Choice {
            change: Change::Fault(SupposedFault::QmNoCertificate),
            cost: if c_client { 1 } else { 2 },
            words: if c_client {
                format!(
                    "the queue manager's key repository has no personal certificate under the label it looks for (its AMQ9637 at line {} without an AMQ9642 from the client)",
                    lacking.line
                )
            } else {
                format!(
                    "the queue manager's key repository has no personal certificate under the label it looks for (its AMQ9637 at line {}; a Java or .NET client logs no AMQ9642 to say it sent none)",
                    lacking.line
                )
            },
            contradicts: None,
        },
    ])
}

/// The CHLAUTH question: asked when the queue manager's log shows a channel blocked, or the
/// ticket's last reason code is 2035.
pub(super) fn chlauth_question(
    resolved: &Resolved,
    observed: &Observations,
) -> Option<Vec<Choice>> {
    let kind = if let Some(m) = seen(observed, Side::QueueManager, &["AMQ9777"]).next() {
        (Blocked::NoAccess, format!("AMQ9777 (line {})", m.line))
    } else if let Some(m) = seen(observed, Side::QueueManager, &["AMQ9776"]).next() {
        (Blocked::User, format!("AMQ9776 (line {})", m.line))
    } else if let Some(r) = observed.reasons.last().filter(|r| r.code == 2035) {
        (
            Blocked::Unseen,
            format!("reason code 2035 (line {})", r.line),
        )
    } else {
        return None;
    };
    let (kind, what) = kind;
    let channel = resolved.channel_name();
    let pasted = !resolved.qm.chlauth.is_empty();
    // A blocked user (AMQ9776) that a pasted BLOCKUSER record lists is what the records say, not
    // a contradiction of them.
    let listed = kind == Blocked::User
        && resolved.qm.chlauth.iter().any(|r| {
            r.kind == "BLOCKUSER"
                && crate::mq::predict::chlauth_profile_matches(&r.profile, &channel)
        });
    let pasted = pasted && !listed;
    let words = match kind {
        Blocked::NoAccess => {
            "a CHLAUTH record with USERSRC(NOACCESS) matches the client's certificate DN"
        }
        Blocked::User => {
            "the user the client's certificate is mapped to is in a CHLAUTH BLOCKUSER list"
        }
        Blocked::Unseen => {
            "a CHLAUTH record (or the user's authorities) refuses the connection after the handshake"
        }
    };
    Some(vec![
        Choice::as_stated(),
        Choice {
            change: Change::Fault(SupposedFault::ChlauthBlocked(kind)),
            cost: if pasted { 3 } else { 1 },
            words: words.to_owned(),
            contradicts: pasted.then(|| format!("none of the CHLAUTH records pasted blocks this client, but the ticket shows {what}: the records in force are probably not all pasted")),
        },
    ])
}

/// A C client whose key repository is named in a form it accepts but cannot be opened (no
/// stash file, unreadable, wrong password): asked when the ticket quotes 2381 or the client's
/// AMQ9660. The client's own AMQ9660 makes it the cheaper reading; a bare 2381 leaves a
/// `.kdb` name on a client of unknown version the cheaper one (`client_version_question`).
pub(super) fn key_repository_question(
    resolved: &Resolved,
    observed: &Observations,
) -> Option<Vec<Choice>> {
    let client = &resolved.client;
    if client.kind != crate::mq::java::ClientKind::C {
        return None;
    }
    let repository = client.key_repository()?.value;
    let logged = seen(observed, Side::Client, &["AMQ9660"]).next();
    let (cost, mut evidence) = match (logged, observed.reasons.iter().find(|r| r.code == 2381)) {
        (Some(m), _) => (1, format!("the client's AMQ9660 at line {}", m.line)),
        (None, Some(r)) => (2, format!("2381 at line {}", r.line)),
        (None, None) => return None,
    };
    // A directory listing that shows the key database but not its stash file beside it.
    let file_name = |path: &str| path.rsplit(['/', '\\']).next().unwrap_or(path).to_owned();
    let (database, stash) = (
        file_name(&repository),
        file_name(&crate::mq::predict::stash_file(&repository)),
    );
    let listed = |name: &str| {
        observed
            .listed_files
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
    };
    let cost = match (listed(&database), listed(&stash)) {
        (Some((line, _)), None) => {
            evidence.push_str(&format!(
                "; the listing at line {line} shows {database} but no {stash}"
            ));
            0
        }
        _ => cost,
    };
    Some(vec![
        Choice::as_stated(),
        Choice {
            change: Change::Fault(SupposedFault::KeyRepositoryUnusable),
            cost,
            words: format!(
                "the client cannot open its key repository '{repository}': no password stash file '{}' beside it, one its user ID cannot read, or a wrong password ({evidence})",
                crate::mq::predict::stash_file(&repository)
            ),
            contradicts: None,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::super::{Explanation, Observations, explain};
    use crate::mq::case::Case;
    use crate::mq::revocation::Side;

    /// A ticket with nothing but what `logs` shows (stand-in certificates) and `mqsc`.
    fn diagnose(client: &str, qm: &str, mqsc: &str, reason: Option<u32>) -> Explanation {
        let mut case = Case::new("ticket", "2026-12-01T00:00:00Z");
        case.queue_manager.mqsc = mqsc.to_owned();
        let mut observed = Observations::default();
        observed.add_log(Side::Client, client, 1);
        observed.add_log(Side::QueueManager, qm, 100);
        if let Some(code) = reason {
            observed.add_reason(code, 200);
        }
        explain(&case, &observed)
    }

    const CLIENT_9641_BLANK: &str = "AMQ9641E: Remote CipherSpec error for channel 'APP.SVRCONN' to host 'qm(1414)'.\n\nEXPLANATION:\nThe remote end of channel 'APP.SVRCONN' on host 'qm(1414)' has\nindicated a CipherSpec error 'SSLCIPH(' ') -> SSLCIPH(????)'. The channel did not start.\n";

    #[test]
    fn amq9641_with_a_blank_client_cipherspec_is_a_client_without_one() {
        let e = diagnose(
            CLIENT_9641_BLANK,
            "",
            "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)",
            Some(2393),
        );
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2393));
        assert!(
            e.cause.summary.contains("names no CipherSpec")
                && e.cause.summary.contains("SSLCIPH(ANY_TLS12_OR_HIGHER)"),
            "{}",
            e.cause.summary
        );
        assert!(e.contradictions.is_empty(), "{:?}", e.contradictions);
    }

    #[test]
    fn amq9631_inserts_name_both_cipherspecs() {
        let qm = "AMQ9631E: The CipherSpec negotiated during the SSL handshake does not match the\nrequired CipherSpec for channel 'APP.SVRCONN'.\n\nEXPLANATION:\nThe CipherSpec required in the local channel definition is\n'TLS_AES_128_GCM_SHA256'. The name of the CipherSpec negotiated during\nthe SSL handshake is 'TLS_AES_256_GCM_SHA384'.\n";
        let e = diagnose("", qm, "", Some(2393));
        assert!(
            e.cause.summary.contains("SSLCIPH(TLS_AES_128_GCM_SHA256)")
                && e.cause
                    .summary
                    .contains("negotiates TLS_AES_256_GCM_SHA384"),
            "{}",
            e.cause.summary
        );
        assert!(e.matches_observed);
    }

    #[test]
    fn matching_stated_cipherspecs_against_amq9641_are_a_contradiction() {
        let mut case = Case::new("ticket", "2026-12-01T00:00:00Z");
        case.queue_manager.mqsc =
            "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)".into();
        case.client.command_line =
            Some("mqpgfc -cs ANY_TLS12_OR_HIGHER -ch APP.SVRCONN MQCD_VERSION_11".into());
        let mut observed = Observations::default();
        observed.add_log(
            Side::Client,
            "AMQ9641E: Remote CipherSpec error for channel 'APP.SVRCONN' to host 'qm(1414)'.\n",
            1,
        );
        observed.add_reason(2393, 9);
        let e = explain(&case, &observed);
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2393));
        assert!(
            e.contradictions
                .iter()
                .any(|c| c.contains("go together") && c.contains("ANY_TLS12_OR_HIGHER")),
            "{:?}",
            e.contradictions
        );
    }

    #[test]
    fn a_client_cipherspec_against_a_blank_sslciph_fails() {
        let mut case = Case::new("ticket", "2026-12-01T00:00:00Z");
        case.client.command_line =
            Some("mqpgfc -cs ANY_TLS12_OR_HIGHER -ch APP.SVRCONN MQCD_VERSION_11".into());
        case.queue_manager.mqsc =
            "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(' ')".into();
        let e = explain(&case, &Observations::default());
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2393));
        assert!(
            e.cause.summary.contains("blank SSLCIPH"),
            "{}",
            e.cause.summary
        );
        // A definition that does not mention SSLCIPH says nothing of it.
        case.queue_manager.mqsc = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)".into();
        let e = explain(&case, &Observations::default());
        assert!(
            !e.cause.summary.contains("blank SSLCIPH"),
            "{}",
            e.cause.summary
        );
    }

    const QM_9777: &str = "AMQ9777E: Channel was blocked\n\nEXPLANATION:\nThe inbound channel 'APP.SVRCONN' was blocked from address '10.0.0.5'\nbecause the active values of the channel matched a record configured with\nUSERSRC(NOACCESS). The active values of the channel were\n'SSLPEER(CN=app01,OU=Apps,O=Example,C=GB)'.\n";

    #[test]
    fn amq9777_s_dn_is_compared_with_the_pasted_records() {
        let rules = "SET CHLAUTH('APP.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('OU=Apps,O=Example') USERSRC(NOACCESS)";
        let e = diagnose("", QM_9777, rules, Some(2035));
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2035));
        assert!(
            e.cause
                .summary
                .contains("SSLPEER('OU=Apps,O=Example') USERSRC(NOACCESS)")
                && e.cause.summary.contains("CN=app01"),
            "{}",
            e.cause.summary
        );
        assert!(e.contradictions.is_empty(), "{:?}", e.contradictions);
        assert!(
            e.supposes
                .iter()
                .any(|s| s.contains("stand-in with the DN"))
        );
    }

    #[test]
    fn amq9777_without_records_supposes_one() {
        let e = diagnose("", QM_9777, "", Some(2035));
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2035));
        assert!(e.matches_observed);
        assert!(
            e.supposes
                .iter()
                .any(|s| s.contains("USERSRC(NOACCESS) matches")),
            "{:?}",
            e.supposes
        );
    }

    const QM_9637: &str = "11/30/2026 06:02:17 AM - Process(3120.5) User(mqm) Program(amqrmppa)\n                    Host(mq1) Installation(Installation1)\n                    VRMF(9.4.0.5) QMgr(QMPAY2)\n\nAMQ9637E: Channel is lacking a certificate.\n\nEXPLANATION:\nThe channel is lacking a certificate to use for the SSL handshake. The channel\nname is '????' (if '????' it is unknown at this stage in the SSL processing).\n";

    #[test]
    fn amq9637_without_amq9642_is_the_queue_managers_own_label() {
        let e = diagnose("", QM_9637, "", Some(2393));
        assert!(
            e.cause
                .summary
                .contains("no personal certificate labelled 'ibmwebspheremqqmpay2'"),
            "{}",
            e.cause.summary
        );
        assert!(e.matches_observed);
        // The queue manager's CERTLABL names the label when it is stated.
        let e = diagnose(
            "",
            QM_9637,
            "ALTER QMGR CERTLABL('payqm.tls.2026')",
            Some(2393),
        );
        assert!(
            e.cause.summary.contains("labelled 'payqm.tls.2026'"),
            "{}",
            e.cause.summary
        );
        // With the client's AMQ9642, AMQ9637 is the client that sent no certificate.
        let client = "AMQ9642E: No SSL or TLS certificate for channel 'APP.SVRCONN'.\n";
        let e = diagnose(client, QM_9637, "", Some(2393));
        assert!(
            !e.cause.summary.contains("personal certificate labelled"),
            "{}",
            e.cause.summary
        );
    }

    #[test]
    fn reason_2035_alone_is_not_a_connection() {
        let e = diagnose("", "", "", Some(2035));
        assert_eq!(e.diagnosis.outcome.reason_code, Some(2035));
        assert!(!e.cause.summary.contains("connects"), "{}", e.cause.summary);
        assert!(e.contradictions.is_empty(), "{:?}", e.contradictions);
    }
}
