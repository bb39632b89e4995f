//! Values a customer hid before sending a ticket: `http://xxx.xxx.xxx.xxx:xxxx`, `<hostname>`,
//! `http://<ipaddr or hostname>: <port>/`, `****`, `host.example.com`. Such a value is unknown,
//! not wrong: a check that needs it (is the OCSPResponderURL well formed?) must not fail on the
//! placeholder, and the output says that it took the real value as well formed.

/// What kind of placeholder a value carries, in words for the output; `None` when it looks real.
pub fn placeholder(value: &str) -> Option<&'static str> {
    let lower = value.to_ascii_lowercase();
    // `<hostname>`, `<ipaddr or hostname>`, `<port>`: a name in angle brackets.
    if let Some(open) = lower.find('<')
        && lower
            .get(open + 1..)
            .and_then(|rest| rest.find('>'))
            .is_some_and(|close| close > 0)
    {
        return Some("a name in angle brackets");
    }
    // `{host}`, `${OCSP_HOST}`: a template variable.
    if let Some(open) = lower.find('{')
        && lower.get(open + 1..).is_some_and(|rest| rest.contains('}'))
    {
        return Some("a template variable");
    }
    // `****`, `***.***`: masked characters.
    if lower.contains("***") {
        return Some("masked characters (***)");
    }
    // `xxx.xxx.xxx.xxx`, `:xxxx`, `XXXXX`: a whole label or port of x's.
    let is_x_run = |part: &str| part.len() >= 2 && part.chars().all(|c| c == 'x');
    if lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(is_x_run)
    {
        return Some("x's in place of a name or number");
    }
    // `...` or `…` standing for the host.
    if lower.contains("...") || lower.contains('…') {
        return Some("an ellipsis");
    }
    // The second-level example domains of RFC 2606 §3, as people write them in place of theirs.
    let host = host_of(&lower);
    if ["example.com", "example.net", "example.org"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    {
        return Some("an RFC 2606 example domain");
    }
    None
}

/// The host part of a URL or of a `host(port)`/`host:port` value, lower case.
fn host_of(value: &str) -> &str {
    let rest = value.split_once("://").map_or(value, |(_, rest)| rest);
    let end = rest.find([':', '/', '(', ' ']).unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_customers_write_are_recognised() {
        for value in [
            "http://xxx.xxx.xxx.xxx:xxxx",
            "http://<hostname>:2560/",
            "http://<ipaddr or hostname>: <port>/",
            "http://****:8080/",
            "http://host.example.com:2560/",
            "http://${OCSP_HOST}/",
            "http://.../",
            "HTTP://XXXX:XXXX/",
        ] {
            assert!(placeholder(value).is_some(), "{value}");
        }
    }

    #[test]
    fn real_values_are_not_placeholders() {
        for value in [
            "http://ocsp.northwind.example:8080/",
            "http://10.20.30.40:2560/",
            "HTTP://ocsp.contoso.local/",
            "http://ocsp-proxy.corp/x509/",
            "https://ocsp.digicert.com",
        ] {
            assert_eq!(placeholder(value), None, "{value}");
        }
    }
}
