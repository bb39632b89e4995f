//! A log pasted whole keeps days of history: entries of an attempt before the one the ticket is
//! about (last week's responder outage beside today's revoked certificate) are set aside, not
//! compared with the prediction of today's. Each side's entries are measured against that side's
//! last entry: the two machines' local times need not agree (a header's local time is taken as
//! UTC when it has no `Time(…Z)`). Entries stamped in UTC are also measured against the other
//! side's last UTC entry, with a much wider bound ([`OTHER_SIDE_SECONDS`]).

use super::{Observations, Observed};
use crate::mq::revocation::Side;
use crate::timestamp::Timestamp;

/// How long before a side's last entry an entry still belongs to the same attempt. A failing
/// application retries within seconds or minutes, and MQ writes a failed handshake's messages
/// within the same second; an entry from more than this earlier is another attempt (mqocsp's own
/// bound, not IBM's).
pub const SAME_ATTEMPT_SECONDS: i64 = 15 * 60;

/// How long before the other side's last entry an entry still belongs to the same attempt, when
/// both are stamped in UTC (`Time(…Z)`): a client log whose only entry is Friday's beside a queue
/// manager log of today holds Friday's attempt. Far above any clock skew of two machines that
/// write UTC stamps, far below "last week" (mqocsp's own bound, not IBM's).
pub const OTHER_SIDE_SECONDS: i64 = 6 * 60 * 60;

impl Observations {
    /// Moves to `earlier` each side's entries from more than [`SAME_ATTEMPT_SECONDS`] before
    /// that side's last timed entry, and entries stamped in UTC from more than
    /// [`OTHER_SIDE_SECONDS`] before the other side's last UTC entry. Entries without a time stay.
    pub fn set_aside_earlier_attempts(&mut self) {
        let at = |m: &Observed| {
            m.time
                .as_deref()
                .and_then(Timestamp::parse_rfc3339)
                .map(|t| t.unix())
        };
        // A side's last entry; with `utc_only`, its last entry stamped in UTC (across the sides
        // only UTC stamps compare).
        let last = |side: Side, utc_only: bool| {
            self.messages
                .iter()
                .filter(|m| m.side == side && !(utc_only && m.local_time))
                .filter_map(at)
                .max()
        };
        let (client, qm) = (last(Side::Client, false), last(Side::QueueManager, false));
        let (client_utc, qm_utc) = (last(Side::Client, true), last(Side::QueueManager, true));
        let (earlier, kept): (Vec<Observed>, Vec<Observed>) = std::mem::take(&mut self.messages)
            .into_iter()
            .partition(|m| {
                let (last, other) = match m.side {
                    Side::Client => (client, qm_utc),
                    Side::QueueManager => (qm, client_utc),
                };
                let own =
                    matches!((at(m), last), (Some(t), Some(l)) if l - t > SAME_ATTEMPT_SECONDS);
                let across = !m.local_time
                    && matches!((at(m), other), (Some(t), Some(l)) if l - t > OTHER_SIDE_SECONDS);
                own || across
            });
        // A side whose pasted log holds only an earlier attempt says nothing of this one: its
        // silence is not an observation.
        for side in [Side::Client, Side::QueueManager] {
            if earlier.iter().any(|m| m.side == side) && !kept.iter().any(|m| m.side == side) {
                match side {
                    Side::Client => self.client_log = false,
                    Side::QueueManager => self.queue_manager_log = false,
                }
            }
        }
        self.messages = kept;
        self.earlier.extend(earlier);
    }

    /// Moves the entries that name a channel other than `channel` (the connection's) to
    /// `other_channels`: a queue manager's log holds every channel's entries, and a client
    /// machine's log every application's. Entries naming no channel, or '????', stay; and when
    /// no entry names `channel` at all (the configuration pasted names another channel than the
    /// logs), nothing is set aside.
    pub fn set_aside_other_channels(&mut self, channel: &str) {
        let channel = channel.trim();
        let names_it = |m: &Observed| {
            m.channel
                .as_deref()
                .is_some_and(|c| c.trim().eq_ignore_ascii_case(channel))
        };
        if channel.is_empty() || !self.messages.iter().any(names_it) {
            return;
        }
        let (other, kept): (Vec<Observed>, Vec<Observed>) = std::mem::take(&mut self.messages)
            .into_iter()
            .partition(|m| {
                m.channel.as_deref().is_some_and(|c| {
                    !c.trim().is_empty()
                        && !c.contains('?')
                        && !c.trim().eq_ignore_ascii_case(channel)
                })
            });
        self.messages = kept;
        self.other_channels.extend(other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(side: Side, id: &str, line: usize, time: &str) -> Observed {
        Observed {
            time: Some(time.into()),
            ..Observed::bare(side, id, line)
        }
    }

    #[test]
    fn last_weeks_entry_is_set_aside_and_each_side_keeps_its_own_clock() {
        let mut o = Observations {
            messages: vec![
                message(Side::QueueManager, "AMQ9716E", 5, "2026-11-27T09:02:11Z"),
                message(Side::QueueManager, "AMQ9633E", 20, "2026-11-30T15:15:40Z"),
                // The client's clock is an hour behind the queue manager's: still its attempt.
                message(Side::Client, "AMQ9665E", 40, "2026-11-30T14:15:40Z"),
                message(Side::Client, "AMQ9665E", 30, "2026-11-30T14:10:00Z"),
            ],
            ..Observations::default()
        };
        o.set_aside_earlier_attempts();
        let kept: Vec<usize> = o.messages.iter().map(|m| m.line).collect();
        assert_eq!(kept, [20, 40, 30]);
        let aside: Vec<usize> = o.earlier.iter().map(|m| m.line).collect();
        assert_eq!(aside, [5]);
    }

    #[test]
    fn fridays_only_client_entry_is_set_aside_beside_todays_queue_manager_entry() {
        let utc = message;
        let mut o = Observations {
            messages: vec![
                utc(Side::Client, "AMQ9716E", 15, "2026-11-27T10:14:55Z"),
                utc(Side::QueueManager, "AMQ9633E", 41, "2026-12-01T06:05:12Z"),
            ],
            ..Observations::default()
        };
        o.client_log = true;
        o.queue_manager_log = true;
        o.set_aside_earlier_attempts();
        let kept: Vec<usize> = o.messages.iter().map(|m| m.line).collect();
        assert_eq!(kept, [41]);
        // The client's log holds only Friday's attempt: its silence about today's is no evidence.
        assert!(!o.client_log && o.queue_manager_log);
        // The same days apart in local times (taken as UTC): the clocks are not comparable.
        let mut local = Observations {
            messages: vec![
                Observed {
                    local_time: true,
                    ..message(Side::Client, "AMQ9716E", 15, "2026-11-27T10:14:55Z")
                },
                utc(Side::QueueManager, "AMQ9633E", 41, "2026-12-01T06:05:12Z"),
            ],
            ..Observations::default()
        };
        local.set_aside_earlier_attempts();
        assert_eq!(local.messages.len(), 2);
    }

    #[test]
    fn another_channels_entries_are_set_aside_and_unnamed_ones_stay() {
        let named = |side, line, channel: Option<&str>| Observed {
            channel: channel.map(str::to_owned),
            ..message(side, "AMQ9716E", line, "2026-11-30T10:01:13Z")
        };
        let mut o = Observations {
            messages: vec![
                named(Side::QueueManager, 1, Some("MQPRD01.MQPRD02")),
                named(Side::QueueManager, 2, Some("????")),
                named(Side::Client, 3, Some("claims.svrconn")),
                named(Side::QueueManager, 4, None),
            ],
            ..Observations::default()
        };
        let before = o.clone();
        o.set_aside_other_channels("CLAIMS.SVRCONN");
        let kept: Vec<usize> = o.messages.iter().map(|m| m.line).collect();
        assert_eq!(kept, [2, 3, 4]);
        assert_eq!(o.other_channels.len(), 1);
        // A channel no entry names (a stale configuration) sets nothing aside.
        let mut unchanged = before.clone();
        unchanged.set_aside_other_channels("OTHER.SVRCONN");
        assert_eq!(unchanged, before);
    }
}
