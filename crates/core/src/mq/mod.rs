//! The IBM MQ model: configuration of both sides, parsers for what customers send, the lint of
//! silent mistakes, and the prediction of what MQ does.

pub mod cmdline;
pub mod codes;
pub mod config;
pub mod index;
pub mod ini;
pub mod mqsc;
pub mod sni;
