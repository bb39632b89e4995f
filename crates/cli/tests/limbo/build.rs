//! Making a case's certificates and CRLs with the real `openssl`, and the arguments each side is run with.

use super::*;
use crate::common::must;
pub(crate) use crate::common::openssl;
use std::path::Path;

pub(crate) fn make(dir: &Path, cert: &Cert) {
    let name = cert.name;
    let key = format!("{name}.key");
    match cert.key.split_once(':') {
        Some(("same", other)) => {
            std::fs::copy(dir.join(format!("{other}.key")), dir.join(&key)).unwrap();
        }
        Some(("ec", curve)) => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                &format!("ec_paramgen_curve:{curve}"),
                "-out",
                &key,
            ],
        ),
        Some(("dsa", bits)) => {
            let params = format!("{name}.params");
            must(
                dir,
                &[
                    "genpkey",
                    "-genparam",
                    "-algorithm",
                    "DSA",
                    "-pkeyopt",
                    &format!("dsa_paramgen_bits:{bits}"),
                    "-out",
                    &params,
                ],
            );
            must(dir, &["genpkey", "-paramfile", &params, "-out", &key]);
        }
        Some(("rsa", bits)) => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                &format!("rsa_keygen_bits:{bits}"),
                "-out",
                &key,
            ],
        ),
        _ => must(
            dir,
            &[
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                &key,
            ],
        ),
    }
    let csr = format!("{name}.csr");
    let subject = if cert.subject == "/" {
        "/"
    } else {
        cert.subject
    };
    must(
        dir,
        &["req", "-new", "-key", &key, "-out", &csr, "-subj", subject],
    );
    let days = cert.days.to_string();
    let out = format!("{name}.pem");
    let mut args: Vec<String> = [
        "x509",
        "-req",
        "-in",
        &csr,
        "-days",
        &days,
        "-set_serial",
        cert.serial,
        "-sha256",
        "-out",
        &out,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    if let Some(ext) = &cert.ext {
        std::fs::write(dir.join(format!("{name}.ext")), format!("[v3]\n{ext}")).unwrap();
        args.extend(["-extfile", &format!("{name}.ext"), "-extensions", "v3"].map(str::to_owned));
    }
    match cert.issuer {
        Some(issuer) => args.extend(
            [
                "-CA",
                &format!("{issuer}.pem"),
                "-CAkey",
                &format!("{issuer}.key"),
            ]
            .map(str::to_owned),
        ),
        None => args.extend(["-signkey".to_owned(), key.clone()]),
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    must(dir, &refs);
}

/// The serial of `name.pem` in hex, as `openssl ca`'s index wants it.
fn serial_hex(dir: &Path, name: &str) -> String {
    let out = openssl(
        dir,
        &["x509", "-in", &format!("{name}.pem"), "-noout", "-serial"],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let hex = text.trim().trim_start_matches("serial=").to_owned();
    if hex.len() % 2 == 1 {
        format!("0{hex}")
    } else {
        hex
    }
}

pub(crate) fn make_crl(dir: &Path, index: usize, crl: &Crl) -> String {
    let db = format!("crl{index}.index");
    let lines: String = crl
        .revoked
        .iter()
        .map(|r| {
            let serial = if *r == "leaf" {
                serial_hex(dir, "leaf")
            } else {
                (*r).to_owned()
            };
            format!(
                "R\t491231235959Z\t240101000000Z,keyCompromise\t{serial}\tunknown\t/CN=revoked\n"
            )
        })
        .chain(
            (0..crl.filler).map(|i| {
                format!("R\t491231235959Z\t240101000000Z\t7F{i:08X}\tunknown\t/CN=filler\n")
            }),
        )
        .collect();
    std::fs::write(dir.join(&db), lines).unwrap();
    let mut config =
        format!("[ca]\ndefault_ca=c\n[c]\ndatabase={db}\ndefault_md=sha256\ndefault_crl_days=7\n");
    if crl.number == Some(false) {
        std::fs::write(dir.join(format!("crl{index}.number")), "01\n").unwrap();
        config.push_str(&format!("crlnumber=crl{index}.number\n"));
    }
    let number = if crl.number == Some(true) {
        "2.5.29.20=critical,DER:02:01:01\n"
    } else {
        ""
    };
    config.push_str(&format!(
        "crl_extensions=crlext\n[crlext]\n{number}{}\n",
        crl.extra
    ));
    std::fs::write(dir.join(format!("crl{index}.cnf")), config).unwrap();
    let out = format!("crl{index}.crl");
    must(
        dir,
        &[
            "ca",
            "-config",
            &format!("crl{index}.cnf"),
            "-gencrl",
            "-cert",
            &format!("{}.pem", crl.signer),
            "-keyfile",
            &format!("{}.key", crl.signer),
            "-out",
            &out,
        ],
    );
    out
}

pub(crate) fn concat(dir: &Path, out: &str, names: &[&str]) {
    let pem: String = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(format!("{n}.pem"))).unwrap())
        .collect();
    std::fs::write(dir.join(out), pem).unwrap();
}

/// `notBefore` or `notAfter` of `leaf.pem`.
fn leaf_time(dir: &Path, which: &str) -> time::OffsetDateTime {
    let out = openssl(
        dir,
        &[
            "x509",
            "-in",
            "leaf.pem",
            "-noout",
            &format!("-{which}date"),
            "-dateopt",
            "iso_8601",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let value = text
        .trim()
        .split_once('=')
        .expect("openssl prints name=value")
        .1;
    let format =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(value, format)
        .expect("an ISO 8601 date")
        .assume_utc()
}

impl Case {
    fn at(&self, dir: &Path) -> time::OffsetDateTime {
        match self.at {
            At::DaysLater(days) => time::OffsetDateTime::now_utc() + time::Duration::days(days),
            At::LeafNotBefore(ms) => leaf_time(dir, "start") + time::Duration::milliseconds(ms),
            At::LeafNotAfter(ms) => leaf_time(dir, "end") + time::Duration::milliseconds(ms),
        }
    }

    /// The `verify-chain` flags a limbo harness passes for this testcase.
    pub(crate) fn mqocsp_args(&self, dir: &Path, crls: &[String]) -> Vec<String> {
        let path = |n: &str| dir.join(n).display().to_string();
        let at = self
            .at(dir)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let mut args = vec![
            "verify-chain".to_owned(),
            "--json".to_owned(),
            "--cert".to_owned(),
            path("leaf.pem"),
            "--trust".to_owned(),
            path("trusted.pem"),
            "--at".to_owned(),
            at,
            // limbo's extended_key_usage names, which --purpose takes as they are.
            "--purpose".to_owned(),
            match self.purpose {
                "client" => "clientAuth",
                "any" => "anyExtendedKeyUsage",
                _ => "serverAuth",
            }
            .to_owned(),
        ];
        if !self.untrusted.is_empty() {
            args.extend(["--untrusted".to_owned(), path("untrusted.pem")]);
        }
        if let Some(peer) = self.peer {
            args.extend(["--peer-name".to_owned(), peer.to_owned()]);
        }
        if let Some(depth) = self.max_depth {
            args.extend(["--max-depth".to_owned(), depth.to_string()]);
        }
        for crl in crls {
            args.extend(["--crl".to_owned(), path(crl)]);
        }
        args
    }

    /// The options limbo's openssl harness sets for this testcase.
    pub(crate) fn openssl_args(&self, dir: &Path, crls: &[String]) -> Vec<String> {
        let purpose = match self.purpose {
            "client" => "sslclient",
            "any" => "any",
            _ => "sslserver",
        };
        let mut args: Vec<String> = [
            "verify",
            "-x509_strict",
            "-partial_chain",
            "-auth_level",
            "2",
            "-purpose",
            purpose,
            "-CAfile",
            "trusted.pem",
        ]
        .map(str::to_owned)
        .to_vec();
        // -attime takes whole seconds: the fraction is dropped, as limbo's harness does.
        args.extend([
            "-attime".to_owned(),
            self.at(dir).unix_timestamp().to_string(),
        ]);
        if !self.untrusted.is_empty() {
            args.extend(["-untrusted".to_owned(), "untrusted.pem".to_owned()]);
        }
        match self.peer {
            Some(ip) if ip.parse::<std::net::IpAddr>().is_ok() => {
                args.extend(["-verify_ip".to_owned(), ip.to_owned()]);
            }
            Some(mailbox) if mailbox.contains('@') => {
                args.extend(["-verify_email".to_owned(), mailbox.to_owned()]);
            }
            Some(host) => args.extend(["-verify_hostname".to_owned(), host.to_owned()]),
            None => {}
        }
        if let Some(depth) = self.max_depth {
            args.extend(["-verify_depth".to_owned(), depth.to_string()]);
        }
        if !crls.is_empty() || !self.crls.is_empty() {
            args.push("-crl_check_all".to_owned());
        }
        for crl in crls {
            args.extend(["-CRLfile".to_owned(), crl.clone()]);
        }
        args.push("leaf.pem".to_owned());
        args
    }
}
