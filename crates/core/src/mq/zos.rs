//! A z/OS queue manager's channel initiator messages (`CSQX633E -MQZ1 CSQXRESP …` in its JES
//! log, often with the job log's time and job id in front), read so that a ticket with one is
//! not taken for a queue manager that checks OCSP: IBM MQ for z/OS checks no OCSP (OCSP in an
//! AUTHINFO is used only on AIX, Linux and Windows; z/OS checks CRLs over LDAP; mq-reference §1
//! "Platform limit" and §8). Its TLS messages CSQX630E–CSQX699E are numbered as the distributed
//! AMQ9630–AMQ9699 (CSQX642E "No SSL certificate for channel" beside AMQ9642), which is how
//! they are compared: an assumption (`zos-csqx-as-amq`), since no IBM page pairs them.

/// One CSQX message in a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZosMessage {
    /// As printed (`CSQX633E`).
    pub id: String,
    /// 1-based line.
    pub line: usize,
    /// The channel it names (`channel ORDERS.SVRCONN`, also when the name wraps to the next
    /// line of the job log).
    pub channel: Option<String>,
}

impl ZosMessage {
    /// The distributed message of the same number, for the TLS messages CSQX630–CSQX699
    /// (`AMQ9633` for `CSQX633E`); `None` for the others.
    pub fn distributed_id(&self) -> Option<String> {
        let number: u16 = self.id.get(4..7)?.parse().ok()?;
        (630..=699)
            .contains(&number)
            .then(|| format!("AMQ9{number}"))
    }
}

/// The CSQX message a z/OS channel initiator writes where a distributed queue manager writes
/// the TLS message `id` (`AMQ9633` or `AMQ9633E` → `CSQX633E`), for AMQ9630–AMQ9699; `None`
/// for the others. The severity letter is taken to be E, as on the CSQX TLS errors tickets
/// show (CSQX633E, CSQX642E): part of the assumption `zos-csqx-as-amq`.
pub fn csqx_for(id: &str) -> Option<String> {
    let number: u16 = id
        .strip_prefix("AMQ9")?
        .trim_end_matches(['E', 'W', 'I'])
        .parse()
        .ok()?;
    (630..=699)
        .contains(&number)
        .then(|| format!("CSQX{number}E"))
}

/// Every CSQX message in `text`.
pub fn messages(text: &str) -> Vec<ZosMessage> {
    let lines: Vec<&str> = super::quote::lines(text);
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(id) = line.split_whitespace().find_map(csqx_id) else {
            continue;
        };
        out.push(ZosMessage {
            id: id.to_owned(),
            line: index + 1,
            channel: channel_in(line, lines.get(index + 1).copied()),
        });
    }
    out
}

/// `CSQX633E` (also `+CSQX633E`, as the console echoes it): CSQX, three digits, a severity.
fn csqx_id(word: &str) -> Option<&str> {
    let word = word.trim_start_matches('+');
    let bytes = word.as_bytes();
    (bytes.len() == 8
        && word.starts_with("CSQX")
        && bytes
            .get(4..7)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && bytes.get(7).is_some_and(|s| b"EIWAD".contains(s)))
    .then_some(word)
}

/// The word after `channel`, or the first of the next line when `channel` ends this one.
fn channel_in(line: &str, next: Option<&str>) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let at = lower.find("channel")? + "channel".len();
    let rest = line.get(at..).unwrap_or_default();
    let word = rest
        .split_whitespace()
        .next()
        .or_else(|| next.and_then(|n| n.split_whitespace().next()))?;
    let word = word.trim_matches(|c: char| matches!(c, ',' | '\'' | '.' | ':'));
    (!word.is_empty()).then(|| word.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_log_with_a_wrapped_channel_name() {
        let text = "\
06.20.44 STC04417  CSQX633E -MQZ1 CSQXRESP SSL certificate for remote channel
   ORDERS.SVRCONN failed local authentication, connection appl07 (10.20.31.7)
06.20.44 STC04417  CSQX599E -MQZ1 CSQXRESP Channel ORDERS.SVRCONN ended abnormally
";
        let found = messages(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let first = found.first().unwrap();
        assert_eq!(
            (first.id.as_str(), first.line, first.channel.as_deref()),
            ("CSQX633E", 1, Some("ORDERS.SVRCONN"))
        );
        assert_eq!(first.distributed_id().as_deref(), Some("AMQ9633"));
        let second = found.get(1).unwrap();
        assert_eq!(second.channel.as_deref(), Some("ORDERS.SVRCONN"));
        assert_eq!(second.distributed_id(), None);
        assert!(messages("CSQX63E is not one, nor CSQXRESP").is_empty());
    }
}
