//! One line of the JSON error log (AMQERR01.json, MQ 9.2+).

use super::{EntryForm, LogFacts, LogMessage, LogProblem, id_at};

impl LogFacts {
    /// One line of the JSON error log (IBM, "JSON format diagnostic messages":
    /// https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.doc/q130430_.html): `ibm_messageID`
    /// with its severity letter, `ibm_datetime` in UTC, `ibm_serverName` (taken as the queue
    /// manager's name; that row of IBM's table was not read) or `ibm_qmgrId`,
    /// `ibm_processName`, `ibm_version`, `host`, `ibm_remoteHost`, the inserts, `message`,
    /// `explanation`, `action`.
    pub(super) fn json_line(&mut self, line: &str, number: usize) {
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(e) => {
                // serde's column counts within the trimmed line: the caller trimmed nothing
                // but leading blanks and quoting, which `column_of` finds again.
                self.problems.push(LogProblem {
                    line: number,
                    column: 0,
                    message: format!(
                        "a JSON log line that is not valid JSON (at its character {}): {e}",
                        e.column()
                    ),
                });
                return;
            }
        };
        let Some(object) = value.as_object() else {
            return;
        };
        let get = |name: &str| {
            object
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
        };
        let Some((id, severity)) = get("ibm_messageID").and_then(|id| id_at(id.trim(), 0)) else {
            self.problems.push(LogProblem {
                line: number,
                column: 0,
                message: "a JSON log line whose ibm_messageID is not an AMQ message id".into(),
            });
            return;
        };
        let mut message = LogMessage::new(id, severity, number, EntryForm::Json);
        message.header_line = Some(number);
        let mut names: Vec<&String> = object.keys().collect();
        names.sort();
        for name in names {
            if name.eq_ignore_ascii_case("ibm_messageID") {
                continue;
            }
            if let Some(value) = get(name)
                && let Err(problem) = message.set_field(name, &value)
            {
                self.problems.push(LogProblem {
                    line: number,
                    column: 0,
                    message: problem,
                });
            }
        }
        message.text = get("message").unwrap_or_default();
        message.text = message
            .text
            .strip_prefix(&format!("{}: ", message.id))
            .map(str::to_owned)
            .unwrap_or(message.text);
        message.explanation = get("explanation");
        message.action = get("action");
        self.messages.push(message);
    }
}
