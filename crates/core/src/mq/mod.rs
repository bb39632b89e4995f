//! The IBM MQ model: configuration of both sides, parsers for what customers send, the lint of
//! silent mistakes, and the prediction of what MQ does.

pub mod case;
pub mod ccdt;
pub mod cmdline;
pub mod codes;
pub mod config;
pub mod errlog;
pub mod evidence;
pub mod examples;
pub mod explain;
pub mod index;
pub mod ini;
pub mod java;
pub mod lint;
pub mod mqsc;
pub mod predict;
pub mod report;
pub mod revocation;
pub mod session;
pub mod share;
pub mod sni;
pub mod sort;
pub mod sslpeer;
pub mod ticket;
