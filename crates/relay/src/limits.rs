//! Limits that keep the relay small and safe, each settable from the command line.

/// The relay's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Tunnels open at once.
    pub max_tunnels: usize,
    /// Bytes one tunnel may carry, both directions together, every WebSocket message kind counted.
    pub max_tunnel_bytes: u64,
    /// Seconds a tunnel may stay silent before it is closed.
    pub idle_secs: u64,
    /// Seconds a tunnel may stay open at all, however busy.
    pub max_tunnel_secs: u64,
    /// Largest OCSP answer or CRL relayed, in bytes.
    pub max_response_bytes: usize,
    /// Seconds an OCSP responder or distribution point has to answer.
    pub ocsp_timeout_secs: u64,
    /// `/api/ocsp` calls one client address may have in flight at once.
    pub max_ocsp_per_client: usize,
    /// HTTP connections open at once (a tunnel leaves this count once upgraded).
    pub max_connections: usize,
    /// Seconds a client has to send a whole request head, from its connection or its previous
    /// request on.
    pub header_timeout_secs: u64,
    /// Seconds a name lookup may take.
    pub dns_timeout_secs: u64,
}

/// The largest request body accepted (an `/api/ocsp` call: a URL and one base64 OCSP request).
pub const MAX_REQUEST_BODY: usize = 64 * 1024;

/// The largest request head (request line and headers) read; hyper's minimum is 8 KiB.
pub const MAX_REQUEST_HEAD: usize = 16 * 1024;

/// The largest WebSocket message or frame taken from the page, whatever the tunnel's budget: the
/// page sends TLS records (at most about 16 KiB each), so this only bounds what one tunnel may
/// make the relay buffer.
pub const MAX_WEBSOCKET_MESSAGE: usize = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_tunnels: 16,
            max_tunnel_bytes: 16 * 1024 * 1024,
            idle_secs: 60,
            max_tunnel_secs: 600,
            max_response_bytes: 1024 * 1024,
            ocsp_timeout_secs: 10,
            max_ocsp_per_client: 8,
            max_connections: 256,
            header_timeout_secs: 10,
            dns_timeout_secs: 5,
        }
    }
}

impl Limits {
    /// The WebSocket message and frame limit: the tunnel's whole budget, capped at
    /// [`MAX_WEBSOCKET_MESSAGE`]. A message larger than what is left of the budget when it
    /// arrives ends the tunnel before any of it reaches the target.
    pub fn websocket_message(&self) -> usize {
        usize::try_from(self.max_tunnel_bytes)
            .unwrap_or(usize::MAX)
            .min(MAX_WEBSOCKET_MESSAGE)
    }
}
