//! The proxy a Windows client host is set to use, as tickets show it: `netsh winhttp show proxy`
//! (`Proxy Server(s) :  host:port`), the registry value Internet Options writes (`ProxyServer
//! REG_SZ host:port`, `reg query`), or prose naming WinHTTP or Internet Options beside a
//! `host:port`. GSKit's OCSP client uses neither: it knows only SSLHTTPProxyName in
//! mqclient.ini's SSL stanza or MQSSLPROXY (IBM, "Revoked certificates and OCSP", q013360:
//! "Specify the name of the proxy server by using the SSLHTTPProxyName variable in the SSL
//! stanza. On client systems, you can also specify … MQSSLPROXY"; APAR IC64358: without it GSKit
//! knows no system or browser proxy, mq-reference §"Proxy").

use serde::{Deserialize, Serialize};

/// A proxy the Windows host is set to use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowsProxy {
    /// `host:port` as shown.
    pub address: String,
    /// Where it is set (`WinHTTP (netsh winhttp show proxy)`, `Internet Options`).
    pub setting: String,
    /// 1-based line.
    pub line: usize,
}

impl WindowsProxy {
    /// The value for mqclient.ini's SSLHTTPProxyName: `host(port)` (host[(port)], q013360).
    pub fn as_ssl_http_proxy_name(&self) -> String {
        match self.address.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{host}({port})")
            }
            _ => self.address.clone(),
        }
    }
}

/// The first Windows proxy setting `text` shows.
pub fn find(text: &str) -> Option<WindowsProxy> {
    let lines = super::quote::lines(text);
    let at = |i: usize| lines.get(i).copied().unwrap_or_default();
    for (index, line) in lines.iter().enumerate() {
        let lower = line.to_ascii_lowercase();
        // netsh winhttp show proxy: `Proxy Server(s) :  host:port` ("Direct access" has none).
        if let Some((_, value)) = line.split_once("Proxy Server(s)")
            && let Some(address) = value.trim_start().strip_prefix(':').and_then(address_in)
        {
            return Some(WindowsProxy {
                address,
                setting: "WinHTTP (netsh winhttp show proxy)".to_owned(),
                line: index + 1,
            });
        }
        // reg query "HKCU\…\Internet Settings": `ProxyServer    REG_SZ    host:port`.
        if lower.contains("proxyserver")
            && lower.contains("reg_sz")
            && let Some(address) = line.split_whitespace().last().and_then(address_in)
        {
            return Some(WindowsProxy {
                address,
                setting: "Internet Options (the ProxyServer registry value)".to_owned(),
                line: index + 1,
            });
        }
        // Prose: a line naming WinHTTP or Internet Options, its proxy on it or the line
        // before or after (a sentence wrapped in the e-mail).
        let setting = if lower.contains("winhttp") {
            "WinHTTP"
        } else if lower.contains("internet options")
            || lower.contains("internetoptionen")
            || lower.contains("options internet")
            || lower.contains("lan settings")
        {
            "Internet Options"
        } else {
            continue;
        };
        let window = [index.checked_sub(1), Some(index), Some(index + 1)];
        for i in window.into_iter().flatten() {
            let near = at(i);
            if !near.to_ascii_lowercase().contains("proxy") {
                continue;
            }
            if let Some(address) = near.split_whitespace().find_map(address_in) {
                return Some(WindowsProxy {
                    address,
                    setting: setting.to_owned(),
                    line: i + 1,
                });
            }
        }
    }
    None
}

/// `host:port` in a word (`(proxy.example:3128)`, `http://proxy.example:8080/`): a host with a
/// letter and a port of digits.
fn address_in(word: &str) -> Option<String> {
    let word = word.trim();
    let word = word
        .strip_prefix("http://")
        .or_else(|| word.strip_prefix("https://"))
        .unwrap_or(word);
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let (host, port) = word.split_once(':')?;
    let port = port.trim_end_matches('/');
    let host_ok = !host.is_empty()
        && host.bytes().any(|b| b.is_ascii_alphabetic())
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    let port_ok = !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    (host_ok && port_ok).then(|| format!("{host}:{port}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netsh_winhttp_output_gives_its_proxy() {
        let text = "Current WinHTTP proxy settings:\n\n    Proxy Server(s) :  web.corp.example:8080\n    Bypass List     :  (none)\n";
        let p = find(text).unwrap_or_else(|| unreachable!());
        assert_eq!(p.address, "web.corp.example:8080");
        assert_eq!(p.line, 3);
        assert_eq!(p.as_ssl_http_proxy_name(), "web.corp.example(8080)");
    }

    #[test]
    fn direct_access_is_no_proxy() {
        let text = "Current WinHTTP proxy settings:\n\n    Direct access (no proxy server).\n";
        assert_eq!(find(text), None);
    }

    #[test]
    fn registry_value_and_prose_give_their_proxy() {
        let reg = "    ProxyServer    REG_SZ    proxy.example:3128\n";
        assert_eq!(
            find(reg).map(|p| p.address),
            Some("proxy.example:3128".to_owned())
        );
        let prose = "All traffic goes through our proxy (proxy.example:3128); we set\nthat in Internet Options.\n";
        assert_eq!(
            find(prose).map(|p| (p.address, p.line)),
            Some(("proxy.example:3128".to_owned(), 1))
        );
        // A host:port near Internet Options that is not said to be a proxy is not one.
        assert_eq!(
            find("The queue manager is at mq1.example:1414.\nInternet Options are default.\n"),
            None
        );
    }
}
