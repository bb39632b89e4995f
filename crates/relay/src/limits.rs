//! Limits that keep the relay small and safe, each settable from the command line.

/// The relay's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Tunnels open at once.
    pub max_tunnels: usize,
    /// Bytes one tunnel may carry, both directions together.
    pub max_tunnel_bytes: u64,
    /// Seconds a tunnel may stay silent before it is closed.
    pub idle_secs: u64,
    /// Largest OCSP answer relayed, in bytes.
    pub max_response_bytes: usize,
    /// Seconds an OCSP responder has to answer.
    pub ocsp_timeout_secs: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_tunnels: 16,
            max_tunnel_bytes: 16 * 1024 * 1024,
            idle_secs: 60,
            max_response_bytes: 1024 * 1024,
            ocsp_timeout_secs: 10,
        }
    }
}
