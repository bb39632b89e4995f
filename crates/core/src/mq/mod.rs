//! The IBM MQ model: configuration of both sides, parsers for what customers send, the lint of
//! silent mistakes, and the prediction of what MQ does.

pub mod case;
pub mod ccdt;
pub mod cmdline;
pub mod codes;
pub mod config;
pub mod csource;
pub mod display;
pub mod env;
pub mod errlog;
pub mod evidence;
pub mod examples;
pub mod explain;
pub mod ffst;
pub mod index;
pub mod ini;
pub mod ini_kind;
pub mod java;
pub mod keystore_text;
pub mod lint;
pub mod logtime;
pub mod mqsc;
pub mod openssl_text;
pub mod predict;
pub mod quote;
pub mod redact;
pub mod report;
pub mod revocation;
pub mod session;
pub mod share;
pub mod sni;
pub mod sort;
pub mod split;
pub mod sslpeer;
pub mod standin;
pub mod ticket;
