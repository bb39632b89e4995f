//! `dspmqver` output pasted in a ticket, and whose MQ installation it describes.
//!
//! `dspmqver` "displays version and build information for the installation from which it was
//! started" and its first component is "IBM MQ server, or client" (IBM, dspmqver:
//! https://www.ibm.com/docs/SSFKSJ_9.3.0/refadmin/q083280_.html): nothing in the output says
//! whether that machine runs the application or the queue manager. Its `Version:` (V.R.M.F) is
//! therefore the client's version only when the ticket ties the output to the client:
//!
//! 1. the shell prompt before it names a host, and that host is the one the client's error log
//!    entries name (`Host(…)`); a prompt naming the queue manager's host (its log's `Host(…)`, or
//!    the host of the client's connection name) makes it the queue manager's;
//! 2. else the prose just before it names a side ("on the application server", "on the queue
//!    manager host");
//! 3. else, when the ticket shows nothing from a queue manager's host (no entry of its error log,
//!    no runmqsc output or MQSC, no qm.ini, no dspmqver output of its host by 1 or 2), the ticket
//!    is about the client alone and so is the output (a connection name is the client's own
//!    setting and does not count).
//!
//! Otherwise it is seen and not attributed, and the ticket's filing notes say so.

use super::case::Case;
use super::config::MqVersion;
use super::revocation::Side;

/// One `dspmqver` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dspmqver {
    /// 1-based first line (the command line when it is shown, else `Name:`) and last line.
    pub lines: (usize, usize),
    /// The `Version:` value as printed.
    pub version_text: String,
    /// That value, read.
    pub version: MqVersion,
    /// The host the shell prompt before the command names (`[mqm@mqlnx02 ~]$ dspmqver`).
    pub prompt_host: Option<String>,
}

/// What ties an output to a side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tie {
    /// Its prompt names this host, which that side's log (or connection name) names too.
    PromptHost(String),
    /// The prose at this line names the side.
    Prose(usize),
    /// The ticket shows nothing from a queue manager's host.
    OnlyClient,
}

/// Whose installation an output describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whose {
    /// This side's, for this reason.
    Side(Side, Tie),
    /// Nothing in the ticket says.
    Unknown,
}

/// What the rest of the ticket says that can tie an output to a side.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The hosts the client's log entries name.
    pub client_hosts: Vec<String>,
    /// The hosts the queue manager's log entries and the client's connection names name.
    pub qm_hosts: Vec<String>,
    /// Whether the ticket shows anything from a queue manager's host (its log, runmqsc output or
    /// MQSC, qm.ini).
    pub qm_material: bool,
}

impl Dspmqver {
    /// Whose installation this output describes; `prose` is the side the text just before it
    /// names, with that line.
    pub fn whose(&self, context: &Context, prose: Option<(Side, usize)>) -> Whose {
        let named = |hosts: &[String], host: &str| hosts.iter().any(|h| same_host(h, host));
        if let Some(host) = &self.prompt_host {
            if named(&context.client_hosts, host) {
                return Whose::Side(Side::Client, Tie::PromptHost(host.clone()));
            }
            if named(&context.qm_hosts, host) {
                return Whose::Side(Side::QueueManager, Tie::PromptHost(host.clone()));
            }
        }
        if let Some((side, line)) = prose {
            return Whose::Side(side, Tie::Prose(line));
        }
        if !context.qm_material {
            return Whose::Side(Side::Client, Tie::OnlyClient);
        }
        Whose::Unknown
    }
}

/// Host names compare without case and without their domain (`APPWIN07` is
/// `appwin07.corp.example`).
fn same_host(a: &str, b: &str) -> bool {
    let short = |h: &str| {
        h.trim()
            .split('.')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    !a.trim().is_empty() && short(a) == short(b)
}

/// Every `dspmqver` output in `text`: a `Name:` line naming MQ (`IBM MQ`, `WebSphere MQ`)
/// followed by `Version:` and the other `Field: value` lines IBM prints, up to the first line
/// that is not one. The lines may be e-mail quoted.
pub fn find(text: &str) -> Vec<Dspmqver> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.get(super::quote::quote_prefix(l)..).unwrap_or(l).trim())
        .collect();
    let mut out = Vec::new();
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        // The command, when shown, is on the line before (its prompt may name the host).
        let command = index
            .checked_sub(1)
            .and_then(|i| lines.get(i).map(|l| (i, *l)))
            .filter(|(_, l)| l.contains("dspmqver"));
        let version_of = |line: Option<&&str>| {
            line.and_then(|l| field(l))
                .filter(|(name, _)| *name == "Version")
                .and_then(|(_, value)| Some((value.to_owned(), MqVersion::parse(value)?)))
        };
        let names_mq = names_product(line);
        // `Name: IBM MQ` then `Version:`; or `Version:` alone right after the command
        // (`dspmqver -f 2` prints only that field).
        let found = if names_mq {
            version_of(lines.get(index + 1)).map(|v| (v, index + 2))
        } else if command.is_some() {
            version_of(Some(line)).map(|v| (v, index + 1))
        } else {
            None
        };
        let Some(((version_text, version), mut end)) = found else {
            index += 1;
            continue;
        };
        while lines.get(end).is_some_and(|l| field(l).is_some()) {
            end += 1;
        }
        // `dspmqver -a`: the components' blocks, each after a blank line, belong to it.
        loop {
            let next = (end..lines.len()).find(|i| lines.get(*i).is_some_and(|l| !l.is_empty()));
            let component = next.filter(|i| {
                lines
                    .get(*i)
                    .and_then(|l| field(l))
                    .is_some_and(|(name, _)| name == "Name")
                    && lines.get(*i).is_some_and(|l| !names_product(l))
            });
            let Some(start) = component else { break };
            end = start;
            while lines.get(end).is_some_and(|l| field(l).is_some()) {
                end += 1;
            }
        }
        out.push(Dspmqver {
            lines: (command.map_or(index, |(i, _)| i) + 1, end),
            version_text,
            version,
            prompt_host: command.and_then(|(_, l)| prompt_host(l)),
        });
        index = end;
    }
    out
}

/// `Name: IBM MQ` (`WebSphere MQ` before 8.0): the product itself, not one of the components
/// `dspmqver -a` lists after it (`IBM MQ classes for Java`, `IBM Global Security Kit for IBM MQ`),
/// whose versions are theirs.
fn names_product(line: &str) -> bool {
    field(line).is_some_and(|(name, value)| {
        let words: Vec<&str> = value.split_whitespace().collect();
        name == "Name"
            && words.last() == Some(&"MQ")
            && words.iter().all(|w| ["IBM", "WebSphere", "MQ"].contains(w))
    })
}

/// `Name:        IBM MQ` → `("Name", "IBM MQ")`: a field as dspmqver prints it (a name of at
/// most three words, then a colon). `InstDesc:` with no value is one too.
fn field(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let words = name.split_whitespace().count();
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '/');
    // `C:\Program Files\IBM\MQ` as a value is fine; a drive letter as a name is not a field.
    (plain && (1..=3).contains(&words) && name.len() > 1 && name == name.trim_start())
        .then(|| (name.trim(), value.trim()))
}

/// The host a shell prompt names: `[mqm@mqlnx02 ~]$ dspmqver`, `mqm@mqlnx02:~$ dspmqver`,
/// `mqlnx02:/home/mqm # dspmqver`. A Windows prompt (`C:\…>dspmqver`) names none.
fn prompt_host(line: &str) -> Option<String> {
    let before = line.split("dspmqver").next()?.trim();
    let before = before.trim_start_matches('[');
    let host_part = match before.split_once('@') {
        Some((_, rest)) => rest,
        None if before.contains(":/") || before.contains(":~") => before,
        None => return None,
    };
    let host: String = host_part
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    (!host.is_empty()).then_some(host)
}

/// Files the `dspmqver` outputs of a ticket (`hosts`: the side and `Host(…)` of each of its error
/// log entries; `machine_of`: the side a sentence says a command ran on): the first one the ticket
/// ties to the client gives the client's MQ version (a `VRMF` in the client's own log header wins), as `dspmqver`'s module says;
/// each is said in the filing notes, attributed or not. Returns the lines read.
pub(crate) fn file(
    lines: &[&str],
    hosts: &[(Side, String)],
    case: &mut Case,
    filed: &mut Vec<String>,
    machine_of: fn(&str) -> Option<Side>,
) -> Vec<usize> {
    let found = find(&lines.join("\n"));
    if found.is_empty() {
        return Vec::new();
    }
    let hosts = |side: Side| -> Vec<String> {
        hosts
            .iter()
            .filter(|(s, _)| *s == side)
            .map(|(_, host)| host.clone())
            .collect()
    };
    let mut qm_hosts = hosts(Side::QueueManager);
    // The client's connection names name the queue manager's host (`host(port)`, a list too):
    // its channel definition's, and MQSERVER's (`CHANNEL/TCP/host(port)`).
    if found.iter().any(|f| f.prompt_host.is_some()) {
        let from_server = case
            .client
            .environment
            .get("MQSERVER")
            .and_then(|v| v.splitn(3, '/').nth(2).map(str::to_owned));
        for conn in [case.client_settings().mqcd.conn_name, from_server]
            .into_iter()
            .flatten()
        {
            qm_hosts.extend(
                conn.split(',')
                    .filter_map(|c| c.split('(').next())
                    .map(|h| h.trim().to_owned()),
            );
        }
    }
    let mut context = Context {
        client_hosts: hosts(Side::Client),
        qm_hosts,
        qm_material: !case.queue_manager.error_log.trim().is_empty()
            || !case.queue_manager.mqsc.trim().is_empty()
            || !case.queue_manager.qm_ini.trim().is_empty(),
    };
    // The prose just before each (at most three lines, not reaching back into another output).
    let mut previous_end = 0;
    let proses: Vec<Option<(Side, usize)>> = found
        .iter()
        .map(|output| {
            let first = output.lines.0;
            let prose = (previous_end + 1..first)
                .rev()
                .filter(|l| lines.get(l - 1).is_some_and(|t| !t.trim().is_empty()))
                .take(3)
                .find_map(|l| lines.get(l - 1).and_then(|t| machine_of(t)).map(|s| (s, l)));
            previous_end = output.lines.1;
            prose
        })
        .collect();
    // An output of the queue manager's host is something from that host too.
    if found.iter().zip(&proses).any(|(output, prose)| {
        matches!(
            output.whose(&context, *prose),
            Whose::Side(Side::QueueManager, _)
        )
    }) {
        context.qm_material = true;
    }
    let from_log = case.client.mq_version.clone();
    let mut taken = Vec::new();
    for (output, prose) in found.iter().zip(proses) {
        let (first, last) = output.lines;
        taken.extend(first..=last);
        let what = format!(
            "lines {first}-{last}: dspmqver output, MQ {}",
            output.version_text
        );
        let why = |side: Side, tie: &Tie| {
            let machine = match side {
                Side::Client => "the client's machine",
                Side::QueueManager => "the queue manager's machine",
            };
            match tie {
                Tie::PromptHost(host) => format!("its prompt names the host {host}, {machine} as the ticket's logs or connection name show"),
                Tie::Prose(line) => format!("the text at line {line} says it ran on {machine}"),
                Tie::OnlyClient => "the ticket shows nothing from a queue manager's host: no queue manager log, runmqsc output, qm.ini or dspmqver of its host".into(),
            }
        };
        filed.push(match output.whose(&context, prose) {
            Whose::Side(side @ Side::Client, tie) => match (&from_log, &case.client.mq_version) {
                (Some(vrmf), _) => format!(
                    "{what}, is the client's ({}), but the client's log header says VRMF({vrmf}), which is used (the log is the running client's own)",
                    why(side, &tie)
                ),
                (None, Some(taken)) => format!(
                    "{what}, is the client's ({}), but an earlier one gave MQ {taken}, which is used",
                    why(side, &tie)
                ),
                (None, None) => {
                    case.client.mq_version = Some(output.version_text.clone());
                    format!("{what}: the client's MQ version ({})", why(side, &tie))
                }
            },
            Whose::Side(side @ Side::QueueManager, tie) => format!(
                "{what}, is the queue manager's ({}): not the client's version",
                why(side, &tie)
            ),
            Whose::Unknown => format!(
                "{what}, seen but not taken as the client's version: nothing ties it to the client (no prompt naming the client's host, no text before it naming the machine, and the ticket also shows something from the queue manager's host)"
            ),
        });
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINUX: &str = "[mqm@mqlnx02 ~]$ dspmqver\nName:        IBM MQ\nVersion:     9.3.0.15\nLevel:       p930-015-231019\nInstDesc:\nInstPath:    /opt/mqm\nMaxCmdLevel: 930\n\nThanks";
    const WINDOWS: &str = "> C:\\Program Files\\IBM\\MQ\\bin>dspmqver\n> Name:        IBM MQ\n> Version:     9.2.0.7\n> O/S Details: Windows Server 2019\n> InstPath:    C:\\Program Files\\IBM\\MQ\n";

    #[test]
    fn outputs_are_found_with_their_lines_version_and_prompt_host() {
        let found = find(LINUX);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines, (1, 7));
        assert_eq!(found[0].version_text, "9.3.0.15");
        assert_eq!(found[0].prompt_host.as_deref(), Some("mqlnx02"));
        let found = find(WINDOWS);
        assert_eq!(found[0].lines, (1, 5));
        assert_eq!(found[0].version.to_string(), "9.2.0.7");
        assert_eq!(found[0].prompt_host, None);
        assert_eq!(
            prompt_host("mqm@appsrv07.corp.example:~$ dspmqver -a").as_deref(),
            Some("appsrv07.corp.example")
        );
        // `dspmqver -a`: the components after the product are part of its output, not others.
        let all = find(
            "$ dspmqver -a\nName:        IBM MQ\nVersion:     9.3.0.5\n\nName:        IBM Global Security Kit for IBM MQ\nVersion:     8.0.55.29\n\nName:        IBM MQ classes for Java\nVersion:     9.3.0.5\nLevel:       p930-005\n\nThanks",
        );
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            (all[0].lines, all[0].version_text.as_str()),
            ((1, 10), "9.3.0.5")
        );
        // A Name: line that is not MQ's, or no Version: after it, is not dspmqver output.
        assert!(find("Name: Henrik\nVersion: 9.2\n").is_empty());
        // `dspmqver -f 2`: the version alone, after the command.
        let only = find("$ dspmqver -f 2\nVersion:     9.1.0.11\n");
        assert_eq!(
            (only[0].lines, only[0].version_text.as_str()),
            ((1, 2), "9.1.0.11")
        );
        assert!(find("Version: 9.1.0.11\n").is_empty());
        assert!(find("Name: IBM MQ\nLevel: p920\n").is_empty());
    }

    #[test]
    fn an_output_is_the_clients_only_when_the_ticket_ties_it() {
        let output = &find(LINUX)[0];
        let with_qm = Context {
            qm_material: true,
            ..Context::default()
        };
        // Nothing ties it and the ticket shows the queue manager's side: unknown.
        assert_eq!(output.whose(&with_qm, None), Whose::Unknown);
        // A ticket about the client alone.
        assert_eq!(
            output.whose(&Context::default(), None),
            Whose::Side(Side::Client, Tie::OnlyClient)
        );
        // The prose before it.
        assert_eq!(
            output.whose(&with_qm, Some((Side::QueueManager, 3))),
            Whose::Side(Side::QueueManager, Tie::Prose(3))
        );
        // The prompt's host, as the client's log names it, beats the prose.
        let client_host = Context {
            client_hosts: vec!["MQLNX02.corp.example".into()],
            ..with_qm.clone()
        };
        assert_eq!(
            output.whose(&client_host, Some((Side::QueueManager, 3))),
            Whose::Side(Side::Client, Tie::PromptHost("mqlnx02".into()))
        );
        let qm_host = Context {
            qm_hosts: vec!["mqlnx02".into()],
            ..Context::default()
        };
        assert_eq!(
            output.whose(&qm_host, None),
            Whose::Side(Side::QueueManager, Tie::PromptHost("mqlnx02".into()))
        );
    }
}
