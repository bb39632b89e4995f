//! An IBM MQ entry of the Windows Application event log as Event Viewer copies it (`Log Name:
//! Application`, `Source: IBM MQ`, `Event ID: 9633`, `Level: Error`, `Computer: …`,
//! `Description:` and the message text without its id). MQ on Windows writes its messages there
//! as well as to AMQERR01.LOG, the event id being the message number (assumption
//! `windows-event-id-as-amq`): the entry is read as the message `AMQ<id>` with the severity
//! letter its level gives.

/// One event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// `AMQ9633E`.
    pub id: String,
    /// `Computer:` (the machine that logged it).
    pub computer: Option<String>,
    /// 1-based line of the description's first line.
    pub line: usize,
    /// The message as an error log would hold it: `AMQ9633E: ` and the description.
    pub text: String,
}

/// The sources MQ has written under (IBM MQ from 8.0, IBM WebSphere MQ and WebSphere MQ before).
const SOURCES: &[&str] = &["IBM MQ", "IBM WebSphere MQ", "WebSphere MQ"];

/// Every IBM MQ event in `text`.
pub fn events(text: &str) -> Vec<Event> {
    let lines = super::quote::lines(text);
    let mut out = Vec::new();
    let mut source = false;
    let mut id: Option<u32> = None;
    let mut level = 'E';
    let mut computer: Option<String> = None;
    let mut index = 0;
    while let Some(raw) = lines.get(index) {
        let t = raw.trim();
        index += 1;
        if let Some(value) = field(t, "Source:") {
            source = SOURCES.iter().any(|s| value.eq_ignore_ascii_case(s));
            id = None;
            computer = None;
            level = 'E';
        } else if let Some(value) = field(t, "Event ID:") {
            id = value.parse().ok();
        } else if let Some(value) = field(t, "Level:") {
            level = match value.to_ascii_lowercase().as_str() {
                "warning" => 'W',
                "information" => 'I',
                _ => 'E',
            };
        } else if let Some(value) = field(t, "Computer:") {
            computer = Some(value.to_owned());
        } else if t == "Description:"
            && source
            && let Some(number) = id.filter(|n| (1000..=9999).contains(n))
        {
            // The description runs to the next event, two blank lines in a row, or a paragraph
            // that is not MQ's: an error log entry's header, or a sentence introducing what
            // follows (`And the client side:`).
            let start = index;
            let mut end = start;
            while let Some(l) = lines.get(end) {
                let next = lines.get(end + 1).map_or("", |n| n.trim());
                let other = next.is_empty()
                    || next.ends_with(':')
                    || next.starts_with("Log Name:")
                    || super::errlog::entry_header(next).is_some();
                if l.trim().starts_with("Log Name:") || (l.trim().is_empty() && other) {
                    break;
                }
                end += 1;
            }
            let description = lines.get(start..end).unwrap_or_default().join("\n");
            out.push(Event {
                id: format!("AMQ{number}{level}"),
                computer: computer.clone(),
                line: start + 1,
                text: format!("AMQ{number}{level}: {}", description.trim_start()),
            });
            source = false;
            index = end;
        }
    }
    out
}

fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    line.strip_prefix(name).map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_viewer_copy_is_the_message_of_its_id() {
        let text = "\
Log Name:      Application
Source:        IBM MQ
Event ID:      9633
Level:         Error
Computer:      MQPRD02.northwind.example
Description:
Bad SSL certificate for channel 'INVOICE.SVRCONN'.

The certificate validation error was 575032.

And the client side:
11/30/2026 04:40:12 PM - Process(48213.1) User(orders) Program(orders-svc)
";
        let found = events(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let event = found.first().unwrap();
        assert_eq!(event.id, "AMQ9633E");
        assert_eq!(event.line, 7);
        assert_eq!(event.computer.as_deref(), Some("MQPRD02.northwind.example"));
        assert!(
            event.text.starts_with("AMQ9633E: Bad SSL certificate")
                && event.text.ends_with("575032.")
        );
        // Another source's event is not MQ's.
        assert!(events(&text.replace("IBM MQ", "Schannel")).is_empty());
    }
}
