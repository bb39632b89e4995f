//! Channel authentication records: `SET CHLAUTH` commands and `DISPLAY CHLAUTH` answers
//! (AMQ8878I), read as runmqsc keeps them (IBM, SET CHLAUTH:
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=commands-set-chlauth ). ACTION(ADD) and the
//! default ACTION(REPLACE) keep one record per profile, type and key (SSLPEER, ADDRESS, CLNTUSER,
//! QMNAME, or the type alone for BLOCKUSER); ACTION(REMOVE) deletes it, ACTION(REMOVEALL) every
//! record of that type for the profile. What the rules do to a connection is the predictor's.

use super::{MqscDefinitions, Statement, Value};
use crate::mq::config::ChlauthRule;

impl MqscDefinitions {
    /// Applies a SET CHLAUTH statement or a DISPLAY CHLAUTH answer.
    pub(super) fn chlauth(&mut self, s: &Statement) {
        let Some(profile) = s.name.as_ref().map(Value::stored).filter(|p| !p.is_empty()) else {
            self.problem(
                s.line,
                "CHLAUTH needs a channel profile: CHLAUTH('name')".into(),
            );
            return;
        };
        let attr = |key: &str| {
            s.attributes
                .get(key)
                .map(Value::stored)
                .filter(|v| !v.trim().is_empty())
        };
        let Some(kind) = attr("TYPE").map(|t| t.to_ascii_uppercase()) else {
            self.problem(s.line, format!("CHLAUTH('{profile}') has no TYPE"));
            return;
        };
        let rule = ChlauthRule {
            profile,
            kind,
            sslpeer: attr("SSLPEER"),
            sslcerti: attr("SSLCERTI"),
            address: attr("ADDRESS"),
            clntuser: attr("CLNTUSER"),
            qmname: attr("QMNAME"),
            usersrc: attr("USERSRC").map(|u| u.to_ascii_uppercase()),
            mcauser: attr("MCAUSER"),
            userlist: attr("USERLIST")
                .map(|l| {
                    l.split(',')
                        .map(|u| u.trim().to_owned())
                        .filter(|u| !u.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            warn: attr("WARN").is_some_and(|w| w.eq_ignore_ascii_case("YES")),
            line: s.line,
        };
        let action = attr("ACTION").map(|a| a.to_ascii_uppercase());
        let key = rule.key();
        match action.as_deref() {
            Some("REMOVE") => self.chlauth.retain(|r| r.key() != key),
            Some("REMOVEALL") => self
                .chlauth
                .retain(|r| !(r.profile == rule.profile && r.kind == rule.kind)),
            Some("ADD" | "REPLACE") | None => {
                self.chlauth.retain(|r| r.key() != key);
                self.chlauth.push(rule);
            }
            Some(other) => self.problem(
                s.line,
                format!("ACTION({other}) is not ADD, REPLACE, REMOVE or REMOVEALL"),
            ),
        }
    }
}
