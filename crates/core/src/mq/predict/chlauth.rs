//! After a successful handshake: the queue manager's channel authentication records that look at
//! the client's certificate. An SSLPEERMAP record whose SSLPEER (and SSLCERTI) matches the
//! client's DN either blocks the channel (USERSRC(NOACCESS)) or maps it to an MCAUSER, which a
//! BLOCKUSER record may then block. Either way the application gets 2035 MQRC_NOT_AUTHORIZED
//! although TLS worked, which a 2393-minded reader easily misses.

use super::Builder;
use crate::certificate::Certificate;
use crate::mq::case::{Blocked, SupposedFault};
use crate::mq::codes::Certainty;
use crate::mq::mqsc::ChlauthRule;
use crate::mq::sslpeer::{PeerDn, PeerPattern};
use crate::verify::trace::Outcome;

/// IBM, SET CHLAUTH: TYPE(SSLPEERMAP) with SSLPEER/SSLCERTI, USERSRC(MAP | NOACCESS | CHANNEL),
/// WARN; TYPE(BLOCKUSER) USERLIST, `*MQADMIN` for privileged users.
const IBM_SET_CHLAUTH: &str = "https://www.ibm.com/docs/en/ibm-mq/9.3?topic=commands-set-chlauth";
/// IBM, Channel Blocked event: MQRC_CHANNEL_BLOCKED (2577) with MQRQ_CHANNEL_BLOCKED_NOACCESS
/// ("TLS Peer name … mapped to have no access") or MQRQ_CHANNEL_BLOCKED_USERID; a channel
/// event (SYSTEM.ADMIN.CHANNEL.EVENT).
const IBM_BLOCKED_EVENT: &str = "http://setgetweb.com/p/MQ92/ref/q049730_.htm";
/// IBM, 2035 MQRC_NOT_AUTHORIZED on MQCONN(X).
const IBM_2035: &str = "https://www.ibm.com/docs/en/SSFKSJ_latest/reference/q041060_.html";

/// Whether a generic channel profile (`*` matches any run of characters) covers `channel`.
pub(crate) fn profile_matches(profile: &str, channel: &str) -> bool {
    fn go(p: &[u8], c: &[u8]) -> bool {
        match p.split_first() {
            None => c.is_empty(),
            Some((b'*', rest)) => (0..=c.len()).any(|i| c.get(i..).is_some_and(|t| go(rest, t))),
            Some((first, rest)) => c
                .split_first()
                .is_some_and(|(x, tail)| x.eq_ignore_ascii_case(first) && go(rest, tail)),
        }
    }
    // Profiles are at most 20 characters (channel names): the recursion is bounded.
    go(profile.as_bytes(), channel.as_bytes())
}

/// How specific a profile or pattern is: fewer wildcards, then more fixed characters.
fn specificity(text: &str) -> (usize, usize) {
    let stars = text.matches('*').count();
    (usize::MAX - stars, text.len() - stars)
}

/// The SSLPEERMAP record that applies to the client's certificate on this channel: of the
/// records whose profile covers the channel and whose SSLPEER (and SSLCERTI) match, the most
/// specific.
fn sslpeermap<'r>(
    rules: &'r [ChlauthRule],
    channel: &str,
    client: &Certificate,
    quoted: Option<&PeerDn>,
) -> Option<&'r ChlauthRule> {
    let dn = quoted.cloned().unwrap_or_else(|| PeerDn::of(client));
    rules
        .iter()
        .filter(|r| r.kind == "SSLPEERMAP" && profile_matches(&r.profile, channel))
        .filter(|r| {
            r.sslpeer
                .as_deref()
                .and_then(|p| PeerPattern::parse(p).ok())
                .is_some_and(|p| p.check(&dn).is_ok())
        })
        .filter(|r| {
            // A DN quoted from a log comes without its issuer: records with SSLCERTI are not
            // compared (assumption chlauth-dn-from-log).
            r.sslcerti.as_deref().is_none_or(|issuer| {
                quoted.is_none()
                    && PeerPattern::parse(issuer)
                        .is_ok_and(|p| p.check(&PeerDn::issuer_of(client)).is_ok())
            })
        })
        .max_by_key(|r| {
            (
                specificity(&r.profile),
                specificity(r.sslpeer.as_deref().unwrap_or_default()),
            )
        })
}

/// The BLOCKUSER record of the most specific profile covering the channel that lists `user`.
fn blocked(rules: &[ChlauthRule], channel: &str, user: &str) -> Option<(String, ChlauthRule)> {
    let rule = rules
        .iter()
        .filter(|r| r.kind == "BLOCKUSER" && profile_matches(&r.profile, channel))
        .max_by_key(|r| specificity(&r.profile))?;
    rule.userlist
        .iter()
        .find(|u| {
            u.eq_ignore_ascii_case(user)
                // *MQADMIN: privileged users; only `mqm` is known to be one here.
                || (u.eq_ignore_ascii_case("*MQADMIN") && user == "mqm")
        })
        .map(|u| (u.clone(), rule.clone()))
}

/// The queue manager's channel authentication records against the client's certificate. False
/// when the channel is blocked.
pub(super) fn check(b: &mut Builder<'_>, client: &Certificate) -> bool {
    let rules = b.resolved.qm.chlauth.clone();
    let quoted = b.resolved.client_peer_dn.as_deref().map(PeerDn::parse);
    if quoted.is_some() {
        b.assume("chlauth-dn-from-log");
    }
    let dn = quoted.clone().unwrap_or_else(|| PeerDn::of(client)).text();
    let channel = b.channel.clone();
    let title = "CHLAUTH records for the client's certificate";
    let Some(rule) = sslpeermap(&rules, &channel, client, quoted.as_ref()) else {
        if let Some(kind) = supposed_block(b) {
            return supposed(b, kind, &dn, !rules.is_empty());
        }
        if rules.is_empty() {
            return true;
        }
        b.step(
            "mq.qm_chlauth",
            title,
            &channel,
            IBM_SET_CHLAUTH,
            Outcome::Pass,
            format!(
                "No SSLPEERMAP record for channel {channel} matches '{dn}' (ADDRESSMAP and USERMAP records, and the user the client asserts, are not modelled)."
            ),
        );
        return true;
    };
    b.assume("chlauth-model");
    let sslpeer = rule.sslpeer.clone().unwrap_or_default();
    match rule.usersrc.as_deref() {
        Some("NOACCESS") if rule.warn => {
            b.step("mq.qm_chlauth", title, &channel, IBM_SET_CHLAUTH, Outcome::Warn, format!("SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') USERSRC(NOACCESS) WARN(YES) (MQSC line {}) matches '{dn}': the channel would be blocked, but WARN(YES) lets it run (a Channel Blocked warning event, 2578 MQRC_CHANNEL_BLOCKED_WARNING, with CHLEV(ENABLED) or EXCEPTION).", rule.profile, rule.line));
            true
        }
        Some("NOACCESS") => {
            b.step("mq.qm_chlauth", title, &channel, IBM_SET_CHLAUTH, Outcome::Fail, format!("The handshake succeeded, then SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') USERSRC(NOACCESS) (MQSC line {}) matches '{dn}': the queue manager blocks the channel and MQCONNX fails with 2035.", rule.profile, rule.line));
            fail_2035(b);
            b.qm_log("AMQ9777", format!("Channel was blocked. The inbound channel '{channel}' was blocked because the active values of the channel matched a record configured with USERSRC(NOACCESS). The active values of the channel were 'SSLPEER({dn})'."), Certainty::Partial);
            blocked_event_step(b, "MQRQ_CHANNEL_BLOCKED_NOACCESS");
            b.fix("Allow the certificate's DN", format!("The record SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') USERSRC(NOACCESS) blocks this client. Map it to a user instead (USERSRC(MAP) MCAUSER('…')), or narrow the SSLPEER so it does not match '{dn}'.", rule.profile), None);
            false
        }
        Some("MAP") => {
            let user = rule.mcauser.clone().unwrap_or_default();
            if let Some((listed, block)) = blocked(&rules, &channel, &user) {
                b.step("mq.qm_chlauth", title, &channel, IBM_SET_CHLAUTH, Outcome::Fail, format!("The handshake succeeded; SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') (MQSC line {}) maps '{dn}' to MCAUSER('{user}'), and SET CHLAUTH('{}') TYPE(BLOCKUSER) (MQSC line {}) lists '{listed}': the channel is blocked and MQCONNX fails with 2035.", rule.profile, rule.line, block.profile, block.line));
                fail_2035(b);
                b.qm_log("AMQ9776", format!("Channel was blocked by userid. The inbound channel '{channel}' was blocked because the active values of the channel were mapped to a userid which should be blocked. The active values of the channel were 'MCAUSER({user})'."), Certainty::Partial);
                blocked_event_step(b, "MQRQ_CHANNEL_BLOCKED_USERID");
                b.fix("Map the certificate to a user that is not blocked", format!("'{user}' is in the BLOCKUSER list of CHLAUTH('{}'){}: map the DN to a non-privileged user with just the authorities the application needs.", block.profile, if listed.eq_ignore_ascii_case("*MQADMIN") { " as a privileged user (*MQADMIN)" } else { "" }), None);
                return false;
            }
            b.step("mq.qm_chlauth", title, &channel, IBM_SET_CHLAUTH, Outcome::Pass, format!("SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') (MQSC line {}) maps '{dn}' to MCAUSER('{user}'), which no BLOCKUSER record lists; that user's authorities (not modelled) decide what the application may do.", rule.profile, rule.line));
            true
        }
        other => {
            b.step("mq.qm_chlauth", title, &channel, IBM_SET_CHLAUTH, Outcome::Pass, format!("SET CHLAUTH('{}') TYPE(SSLPEERMAP) SSLPEER('{sslpeer}') USERSRC({}) (MQSC line {}) matches '{dn}': the channel's own MCAUSER or the asserted user runs it (not modelled).", rule.profile, other.unwrap_or("CHANNEL"), rule.line));
            true
        }
    }
}

/// The block a diagnosis supposes, if any.
fn supposed_block(b: &Builder<'_>) -> Option<Blocked> {
    b.resolved.supposed_faults.iter().find_map(|f| match f {
        SupposedFault::ChlauthBlocked(kind) => Some(*kind),
        _ => None,
    })
}

/// A block the diagnosis supposes where no pasted record explains the 2035 (`pasted`: records
/// were pasted, and none of them blocks this client).
fn supposed(b: &mut Builder<'_>, kind: Blocked, dn: &str, pasted: bool) -> bool {
    let channel = b.channel.clone();
    b.assume("chlauth-supposed");
    let rules = &b.resolved.qm.chlauth;
    let block_lists: Vec<String> = rules
        .iter()
        .filter(|r| r.kind == "BLOCKUSER" && profile_matches(&r.profile, &channel))
        .map(|r| {
            format!(
                "SET CHLAUTH('{}') TYPE(BLOCKUSER) USERLIST({}) (MQSC line {})",
                r.profile,
                r.userlist.join(","),
                r.line
            )
        })
        .collect();
    let records = if kind == Blocked::User && !block_lists.is_empty() {
        format!(
            "the client certificate's DN is not known, so the SSLPEERMAP records pasted cannot be compared; the mapped user is supposed to be one that {} lists",
            block_lists.join(" or ")
        )
    } else if pasted {
        "none of the CHLAUTH records pasted blocks it, so the records in force are probably not all pasted (or another record type, such as ADDRESSMAP or USERMAP, applies)".to_owned()
    } else {
        "no CHLAUTH record was pasted".to_owned()
    };
    let (what, fix) = match kind {
        Blocked::NoAccess => (
            format!("a channel authentication record with USERSRC(NOACCESS) matches the channel's active values (SSLPEER '{dn}')"),
            format!("DISPLAY CHLAUTH({channel}) MATCH(RUNCHECK) CLNTUSER('…') ADDRESS('…') SSLPEER('{dn}') shows the record that matches; narrow it, or map the DN with TYPE(SSLPEERMAP) USERSRC(MAP)."),
        ),
        Blocked::User => (
            "the user the channel runs as (mapped by a CHLAUTH record or the channel's MCAUSER) is in a BLOCKUSER list".to_owned(),
            format!("DISPLAY CHLAUTH({channel}) TYPE(BLOCKUSER) shows the list; map the certificate to a non-privileged user that is not listed."),
        ),
        Blocked::Unseen => (
            "something after the handshake refuses the connection: a channel authentication record, or the user's authorities (not modelled)".to_owned(),
            format!("Read the queue manager's error log at the time of the 2035 (AMQ9777 or AMQ9776 name the CHLAUTH record's effect); DISPLAY CHLAUTH({channel}) MATCH(RUNCHECK) with the client's address and SSLPEER('{dn}') shows the record that applies."),
        ),
    };
    b.step(
        "mq.qm_chlauth",
        "CHLAUTH records for the client's certificate",
        &channel,
        IBM_SET_CHLAUTH,
        Outcome::Fail,
        format!("The handshake succeeded; supposed by the diagnosis ({records}): {what}."),
    );
    fail_2035(b);
    match kind {
        Blocked::NoAccess => {
            b.qm_log("AMQ9777", format!("Channel was blocked. The inbound channel '{channel}' was blocked because the active values of the channel matched a record configured with USERSRC(NOACCESS). The active values of the channel were 'SSLPEER({dn})'."), Certainty::Partial);
            blocked_event_step(b, "MQRQ_CHANNEL_BLOCKED_NOACCESS");
        }
        Blocked::User => {
            b.qm_log("AMQ9776", format!("Channel was blocked by userid. The inbound channel '{channel}' was blocked because the active values of the channel were mapped to a userid which should be blocked."), Certainty::Partial);
            blocked_event_step(b, "MQRQ_CHANNEL_BLOCKED_USERID");
        }
        Blocked::Unseen => b.assume("chlauth-client-2035"),
    }
    b.fix("Find the record that refuses the client", fix, None);
    false
}

/// 2035 for the application: a Java client shows it in its exception chain.
fn fail_2035(b: &mut Builder<'_>) {
    b.fail(2035);
    if b.resolved.client.kind == crate::mq::java::ClientKind::Java {
        super::java::not_authorized(b);
    }
}

fn blocked_event_step(b: &mut Builder<'_>, qualifier: &str) {
    b.assume("chlauth-client-2035");
    let channel = b.channel.clone();
    b.step(
        "mq.channel_events",
        "Channel events on the queue manager",
        &channel,
        IBM_BLOCKED_EVENT,
        Outcome::Skip,
        format!("With CHLEV(ENABLED) or CHLEV(EXCEPTION) the queue manager puts a Channel Blocked event, 2577 MQRC_CHANNEL_BLOCKED ({qualifier}), on SYSTEM.ADMIN.CHANNEL.EVENT; the application sees 2035 MQRC_NOT_AUTHORIZED ({IBM_2035})."),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_profiles_match_as_runmqsc_reads_them() {
        assert!(profile_matches("*", "APP.SVRCONN"));
        assert!(profile_matches("APP.*", "APP.SVRCONN"));
        assert!(profile_matches("app.svrconn", "APP.SVRCONN"));
        assert!(!profile_matches("SYSTEM.*", "APP.SVRCONN"));
        assert!(specificity("APP.SVRCONN") > specificity("APP.*"));
        assert!(specificity("APP.*") > specificity("*"));
    }
}
