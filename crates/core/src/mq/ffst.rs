//! FFST / FDC files (`AMQnnnnn.0.FDC`): the boxed `Name :- value` header MQ writes when a probe
//! fires. The fields kept are those IBM's "FFST: IBM MQ for UNIX, Linux, and Windows" pages show
//! (https://www.ibm.com/docs/en/ibm-mq/9.3?topic=ffst-mq-linux ,
//! https://www.ibm.com/docs/en/ibm-mq/9.3?topic=ffst-mq-windows): Date/Time, UTC Time, Host Name,
//! PIDS, LVLS, Product Long Name, Vendor, Probe Id, Application Name, Component, Program Name,
//! Major and Minor Errorcode, Probe Type, Probe Severity, Probe Description, Comment1-3,
//! QueueManager. Every other field is kept by name.

use crate::timestamp::Timestamp;
use serde::Serialize;

/// One FFST's header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ffst {
    /// 1-based line of its first field.
    pub line: usize,
    /// Date/Time, as written (local time with the zone name).
    pub date_time: Option<String>,
    /// UTC Time (seconds since the epoch), as an instant.
    pub utc_time: Option<Timestamp>,
    /// Host Name.
    pub host: Option<String>,
    /// PIDS (product ids, `5724H7251`).
    pub pids: Option<String>,
    /// LVLS: the MQ version (`9.3.0.5`).
    pub lvls: Option<String>,
    /// Product Long Name.
    pub product: Option<String>,
    /// Vendor.
    pub vendor: Option<String>,
    /// Probe Id (`XC022001`).
    pub probe_id: Option<String>,
    /// Application Name (`MQM`).
    pub application: Option<String>,
    /// Component (`xcsCheckOCSPStatus`-style function).
    pub component: Option<String>,
    /// Program Name (`amqrmppa`, the client application).
    pub program: Option<String>,
    /// Major Errorcode (`rrcE_SSL_REVOCATION_CHECK_REQUIRED`).
    pub major_errorcode: Option<String>,
    /// Minor Errorcode.
    pub minor_errorcode: Option<String>,
    /// Probe Type (`MSGAMQ9716`, `INCORROUT`).
    pub probe_type: Option<String>,
    /// Probe Description.
    pub probe_description: Option<String>,
    /// Comment1 (the certificate, for TLS probes).
    pub comment1: Option<String>,
    /// Comment2.
    pub comment2: Option<String>,
    /// Comment3.
    pub comment3: Option<String>,
    /// QueueManager.
    pub queue_manager: Option<String>,
    /// Every field, as `(name, value, line)`.
    pub fields: Vec<(String, String, usize)>,
}

/// `| Name   :- value   |` → `(name, value)`.
pub fn field(line: &str) -> Option<(String, String)> {
    let (name, value) = line.split_once(":-")?;
    let name = name.trim().trim_start_matches('|').trim();
    if name.is_empty() || name.len() > 40 {
        return None;
    }
    let value = value.trim().trim_end_matches('|').trim();
    Some((name.to_owned(), value.to_owned()))
}

impl Ffst {
    /// The certificate Comment1 names (TLS probes write GSKit's `[Class=]…[Subject=]…`).
    pub fn certificate(&self) -> Option<super::inserts::CertificateDetails> {
        self.comment1
            .as_deref()
            .and_then(super::inserts::certificate_details)
    }

    /// Sets the field `name` (as the FDC writes it) read at `line`.
    pub fn set(&mut self, name: &str, value: &str, line: usize) {
        if self.fields.is_empty() {
            self.line = line;
        }
        self.fields.push((name.to_owned(), value.to_owned(), line));
        let value = Some(value.to_owned()).filter(|v| !v.is_empty());
        let slot = match name.to_ascii_lowercase().as_str() {
            "date/time" => &mut self.date_time,
            "host name" | "host" => &mut self.host,
            "pids" => &mut self.pids,
            "lvls" => &mut self.lvls,
            "product long name" => &mut self.product,
            "vendor" => &mut self.vendor,
            "probe id" => &mut self.probe_id,
            "application name" => &mut self.application,
            "component" => &mut self.component,
            "program name" => &mut self.program,
            "major errorcode" => &mut self.major_errorcode,
            "minor errorcode" => &mut self.minor_errorcode,
            "probe type" => &mut self.probe_type,
            "probe description" => &mut self.probe_description,
            "comment1" => &mut self.comment1,
            "comment2" => &mut self.comment2,
            "comment3" => &mut self.comment3,
            "queuemanager" | "queue manager" => &mut self.queue_manager,
            "utc time" => {
                self.utc_time = value
                    .as_deref()
                    .and_then(|v| v.split('.').next())
                    .and_then(|s| s.parse::<i64>().ok())
                    .and_then(Timestamp::from_unix);
                return;
            }
            _ => return,
        };
        *slot = value;
    }

    /// Whether `name` is a field only an FFST has (so a line with it starts or continues one).
    pub fn is_ffst_field(name: &str) -> bool {
        matches!(
            name.to_ascii_lowercase().as_str(),
            "date/time"
                | "utc time"
                | "utc time offset"
                | "host name"
                | "pids"
                | "lvls"
                | "product long name"
                | "vendor"
                | "probe id"
                | "application name"
                | "component"
                | "program name"
                | "major errorcode"
                | "minor errorcode"
                | "probe type"
                | "probe severity"
                | "probe description"
                | "comment1"
                | "comment2"
                | "comment3"
                | "queuemanager"
                | "sccs info"
                | "line number"
                | "build date"
                | "build level"
                | "build type"
                | "userid"
                | "addressing mode"
                | "process"
                | "thread"
                | "arith1"
                | "arith2"
                | "fdcsequencenumber"
                | "installation path"
                | "installation name"
                | "operating system"
                | "last hqc"
                | "last hshmemb"
                | "last objectname"
                | "userapp"
                | "lang"
        )
    }
}
