//! An openssl CA `index.txt`, and how `openssl ocsp -index index.txt -CA ca.pem` answers from it
//! (mq-reference §12, from `make_ocsp_response()` in OpenSSL's apps/ocsp.c).

use crate::certificate::Certificate;
use crate::timestamp::Timestamp;
use serde::Serialize;

/// One row: `status \t expiry \t revocation \t serial \t file \t subject`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndexRow {
    /// `V` valid, `R` revoked, `E` expired.
    pub status: char,
    /// Expiry, as written.
    pub expiry: String,
    /// Revocation time, when revoked.
    pub revoked_at: Option<Timestamp>,
    /// Revocation reason word, when given.
    pub reason: Option<String>,
    /// Serial, uppercase hex as written.
    pub serial: String,
    /// Subject, as written.
    pub subject: String,
    /// 1-based line.
    pub line: usize,
}

/// A problem in index.txt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndexProblem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A parsed index.txt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Index {
    /// Rows in order.
    pub rows: Vec<IndexRow>,
    /// Problems.
    pub problems: Vec<IndexProblem>,
}

/// What the simulated responder answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum IndexAnswer {
    /// `V`: good.
    Good,
    /// `R`: revoked.
    Revoked {
        /// When.
        time: Option<Timestamp>,
        /// Why.
        reason: Option<String>,
    },
    /// Unknown, with why (issuer not the responder's CA, or serial absent).
    Unknown {
        /// Why.
        why: String,
    },
    /// `E`: openssl adds no SingleResponse at all.
    NoSingleResponse,
}

fn revocation_time(text: &str) -> Option<Timestamp> {
    // YYMMDDHHMMSSZ (UTCTime) or YYYYMMDDHHMMSSZ.
    let utc = text.len() == 13;
    Timestamp::from_asn1(utc, text)
}

fn normalise_serial(serial: &str) -> String {
    let trimmed = serial.trim().trim_start_matches('0').to_ascii_uppercase();
    if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed
    }
}

impl Index {
    /// Parses index.txt (tab-separated; runs of spaces are accepted, as when copied from a
    /// terminal, with the empty revocation field then missing).
    pub fn parse(text: &str) -> Self {
        let mut index = Index::default();
        for (number, raw) in text.lines().enumerate() {
            let line = number + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let mut fields: Vec<&str> = if raw.contains('\t') {
                raw.split('\t').collect()
            } else {
                raw.split_whitespace().collect()
            };
            let status = fields.first().and_then(|f| f.chars().next()).unwrap_or(' ');
            if !matches!(status, 'V' | 'R' | 'E') {
                index.problems.push(IndexProblem {
                    line,
                    message: format!(
                        "the status '{}' is not V, R or E",
                        fields.first().unwrap_or(&"")
                    ),
                });
                continue;
            }
            if !raw.contains('\t') && status != 'R' && fields.len() >= 2 {
                // Space-separated copies lose the empty revocation field.
                fields.insert(2, "");
            }
            if fields.len() < 6 {
                index.problems.push(IndexProblem { line, message: format!("{} fields; index.txt rows have 6 (status, expiry, revocation, serial, file, subject)", fields.len()) });
                continue;
            }
            let revocation = fields.get(2).copied().unwrap_or_default();
            let mut parts = revocation.split(',');
            let revoked_at = parts
                .next()
                .filter(|t| !t.is_empty())
                .and_then(revocation_time);
            let reason = parts.next().map(str::to_owned);
            if status == 'R' && revoked_at.is_none() {
                index.problems.push(IndexProblem {
                    line,
                    message: format!(
                        "revoked, but '{revocation}' is not a revocation time like 220202080659Z"
                    ),
                });
            }
            index.rows.push(IndexRow {
                status,
                expiry: fields.get(1).copied().unwrap_or_default().to_owned(),
                revoked_at,
                reason,
                serial: fields.get(3).copied().unwrap_or_default().to_owned(),
                subject: fields
                    .get(5..)
                    .map(|rest| rest.join(" "))
                    .unwrap_or_default(),
                line,
            });
        }
        index
    }

    /// How `openssl ocsp -index this -CA ca` answers about `cert`.
    pub fn answer(&self, ca: &Certificate, cert: &Certificate) -> IndexAnswer {
        if cert.issuer_der != ca.subject_der {
            return IndexAnswer::Unknown {
                why: format!(
                    "the responder was started with -CA {}, but {} was issued by {}: the issuer hashes match no -CA, so openssl answers unknown",
                    ca.subject.rfc4514,
                    cert.short_name(),
                    cert.issuer.rfc4514
                ),
            };
        }
        let serial = normalise_serial(&cert.serial);
        match self
            .rows
            .iter()
            .find(|row| normalise_serial(&row.serial) == serial)
        {
            None => IndexAnswer::Unknown {
                why: format!(
                    "serial {} is not in index.txt, so openssl answers unknown",
                    cert.serial.to_uppercase()
                ),
            },
            Some(row) if row.status == 'V' => IndexAnswer::Good,
            Some(row) if row.status == 'R' => IndexAnswer::Revoked {
                time: row.revoked_at,
                reason: row.reason.clone(),
            },
            Some(_) => IndexAnswer::NoSingleResponse,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_only_a_status_is_a_problem_on_its_line() {
        // Found by fuzzing (fuzz/regressions/index_txt/status-only-row.txt): it used to panic.
        let index = Index::parse("\nV\n");
        assert!(index.rows.is_empty());
        assert_eq!(index.problems.len(), 1);
        assert_eq!(index.problems[0].line, 2);
        assert!(
            index.problems[0].message.contains("rows have 6"),
            "{:?}",
            index.problems
        );
    }

    #[test]
    fn seed_index_rows_tab_and_space_separated() {
        let tabs = "R\t310802082027Z\t210929080911Z\t01\tunknown\t/C=AU/ST=Sydney/O=Pulsar Integration PL81NA Inc./CN=www.sd.pulsarintegration.PL81N.com\nV\t310824073603Z\t\t02\tunknown\t/C=AU/O=x/CN=y\n";
        let index = Index::parse(tabs);
        assert!(index.problems.is_empty(), "{:?}", index.problems);
        assert_eq!(
            index.rows[0].revoked_at.unwrap().to_string(),
            "2021-09-29T08:09:11Z"
        );
        assert_eq!(index.rows[1].status, 'V');
        // As printed in the seed (spaces, revocation field with a reason).
        let spaces = "V 310802064352Z 01 unknown /C=JP/ST=Chiba/O=Pulsar Integration PL92WA Inc./CN=www.pulsarintegration.PL92W.com\nR 310816062807Z 220202080659Z,keyCompromise 02 unknown /C=JP/CN=x\n";
        let index = Index::parse(spaces);
        assert!(index.problems.is_empty(), "{:?}", index.problems);
        assert_eq!(index.rows[0].serial, "01");
        assert_eq!(
            index.rows[0].subject,
            "/C=JP/ST=Chiba/O=Pulsar Integration PL92WA Inc./CN=www.pulsarintegration.PL92W.com"
        );
        assert_eq!(index.rows[1].reason.as_deref(), Some("keyCompromise"));
        let broken = Index::parse("X 3108Z 01\nR\t310816062807Z\tsoon\t02\tunknown\t/CN=x\n");
        assert_eq!(
            broken.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            [1, 2]
        );
    }
}
